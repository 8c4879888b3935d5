package dev.billops.core.internal.invoice;

import dev.billops.core.invoice.AllowanceCharge;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.money.Money;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.tax.VatGroup;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds document-level allowances and charges that span several tax rates. EN 16931 gives every
 * document-level allowance or charge one VAT category and rate, so a discount on an invoice with
 * 19 % and 7 % lines becomes one allowance per rate:
 * <ul>
 *   <li>{@link #percentOfEachGroup}: the percentage of each group's line amounts, one
 *       allowance/charge per group, carrying its percent and base (BT-94/BT-93);</li>
 *   <li>{@link #spreadOverGroups}: a fixed amount split over the groups in proportion to their
 *       line amounts, to the minor unit (largest-remainder allocation; the parts add up exactly).</li>
 * </ul>
 * Groups are the {@link VatGroup}s of the lines, in order of first appearance; only groups whose
 * line amounts add up to more than zero take part. Amounts are in the invoice's price basis (gross
 * under {@link dev.billops.core.tax.PriceBasis#GROSS}). When lines are credited one by one, each
 * takes its share of every allowance and charge of its group ({@link #lineShares}). Stateless.
 */
public final class DocumentAdjustments {

    private DocumentAdjustments() {
    }

    /**
     * One allowance (or charge) per tax group of {@code invoice}'s lines: {@code percent} % of the
     * group's line amounts, rounded with {@link AllowanceCharge#PERCENT_ROUNDING} to the currency.
     * Groups whose share rounds to zero get none.
     *
     * @throws InvalidInputException if the percentage is negative or no group has a positive amount
     */
    public static List<AllowanceCharge> percentOfEachGroup(Invoice invoice, boolean charge, BigDecimal percent,
            String reason) {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(reason, "reason");
        if (percent.signum() < 0) {
            throw new InvalidInputException("invoice " + invoice.id() + ": percentage " + percent.toPlainString()
                    + " is negative");
        }
        List<AllowanceCharge> out = new ArrayList<>();
        for (Map.Entry<TaxTreatment, Money> g : positiveGroups(invoice).entrySet()) {
            AllowanceCharge ac = charge ? AllowanceCharge.chargePercent(percent, g.getValue(), reason, g.getKey())
                    : AllowanceCharge.allowancePercent(percent, g.getValue(), reason, g.getKey());
            if (!ac.amount().isZero()) {
                out.add(ac);
            }
        }
        return out;
    }

    /**
     * {@code amount} split over the tax groups of {@code invoice}'s lines in proportion to their
     * line amounts; the parts add up to {@code amount} exactly. Zero parts are left out. A negative
     * amount (a correction EN 16931 allows, e.g. taking back an earlier discount) is split like its
     * absolute value, each part negated ({@link Money#allocate}).
     *
     * @throws InvalidInputException if no group has a positive amount
     */
    public static List<AllowanceCharge> spreadOverGroups(Invoice invoice, boolean charge, Money amount,
            String reason) {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        Map<TaxTreatment, Money> groups = positiveGroups(invoice);
        if (groups.isEmpty()) {
            throw new InvalidInputException("invoice " + invoice.id() + ": no tax group has a positive line amount "
                    + "to spread the " + (charge ? "charge " : "allowance ") + amount + " over");
        }
        BigDecimal[] ratios = new BigDecimal[groups.size()];
        int i = 0;
        for (Money base : groups.values()) {
            ratios[i++] = base.amount();
        }
        List<Money> parts = amount.allocate(ratios);
        List<AllowanceCharge> out = new ArrayList<>();
        i = 0;
        for (TaxTreatment tax : groups.keySet()) {
            Money part = parts.get(i++);
            if (!part.isZero()) {
                out.add(charge ? AllowanceCharge.charge(part, reason, tax)
                        : AllowanceCharge.allowance(part, reason, tax));
            }
        }
        return out;
    }

    /**
     * {@code adjustment} spread over the lines of {@code invoice} in its tax group (same category
     * and rate) whose amounts are positive, in proportion to those amounts; by line position. The
     * shares add up to the adjustment's amount exactly. Empty when the group has no positive line
     * (nothing to spread over).
     */
    public static Map<Integer, Money> lineShares(Invoice invoice, AllowanceCharge adjustment) {
        VatGroup group = VatGroup.of(Objects.requireNonNull(adjustment.tax(), "tax"));
        List<InvoiceLine> members = new ArrayList<>();
        for (InvoiceLine line : invoice.lines()) {
            if (group.contains(line.tax()) && line.netAmount().isPositive()) {
                members.add(line);
            }
        }
        Map<Integer, Money> out = new LinkedHashMap<>();
        if (members.isEmpty()) {
            return out;
        }
        BigDecimal[] ratios = new BigDecimal[members.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = members.get(i).netAmount().amount();
        }
        List<Money> parts = adjustment.amount().allocate(ratios);
        for (int i = 0; i < ratios.length; i++) {
            out.put(members.get(i).position(), parts.get(i));
        }
        return out;
    }

    /** Line amounts by tax group (first treatment seen stands for the group), positive groups only. */
    public static Map<TaxTreatment, Money> positiveGroups(Invoice invoice) {
        Map<VatGroup, TaxTreatment> first = new LinkedHashMap<>();
        Map<VatGroup, Money> sums = new LinkedHashMap<>();
        for (InvoiceLine line : invoice.lines()) {
            VatGroup key = VatGroup.of(line.tax());
            first.putIfAbsent(key, line.tax());
            sums.merge(key, line.netAmount(), Money::plus);
        }
        Map<TaxTreatment, Money> out = new LinkedHashMap<>();
        for (Map.Entry<VatGroup, Money> e : sums.entrySet()) {
            if (e.getValue().isPositive()) {
                out.put(first.get(e.getKey()), e.getValue());
            }
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("invoice " + invoice.id()
                    + " has no tax group with a positive line amount to base a document-level adjustment on");
        }
        return out;
    }
}
