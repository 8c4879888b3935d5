package dev.billops.core.internal.invoice;

import dev.billops.core.tax.VatGroup;
import dev.billops.core.invoice.AllowanceCharge;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.LineAlreadyCreditedException;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.tax.PriceBasis;
import dev.billops.core.tax.TaxResult;
import dev.billops.core.tax.TaxRoundingPolicy;
import dev.billops.core.tax.TaxSubtotal;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.tax.Totals;
import dev.billops.core.time.LocalDateRange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * Builds credit-note drafts from an issued invoice (pure; the lifecycle issues and stores them).
 * Credit-note amounts are positive: its payable amount is what it takes off the invoice's balance.
 * Credit-note lines never carry time entries (the entries stay billed by the invoice).
 */
public final class CreditNoteBuilder {

    /** Metadata key on a credit note: the invoice line positions it credits, comma-separated. */
    static final String CREDITED_POSITIONS = "credit.positions";
    static final String CLOSING_ROUNDING = Invoice.CLOSING_ROUNDING_KEY;
    static final String CLOSING_TAX = Invoice.CLOSING_TAX_KEY;
    /** Metadata key on a credit note: why it was issued. */
    static final String REASON = "credit.reason";

    private CreditNoteBuilder() {
    }

    /** A mirror of the whole invoice: same lines, adjustments and pricing, hence the same payable amount. */
    public static Invoice mirror(Invoice invoice, InvoiceId noteId) {
        List<InvoiceLine> lines = new ArrayList<>(invoice.lines().size());
        List<Integer> positions = new ArrayList<>();
        for (InvoiceLine line : invoice.lines()) {
            lines.add(withoutEntries(line));
            positions.add(line.position());
        }
        Invoice note = base(invoice, noteId, "full credit of invoice " + invoice.number())
                .withPricing(invoice.priceBasis(), invoice.taxRounding(), null)
                .withPayableRounding(invoice.cashIncrement())
                .withLines(lines)
                .withAdjustments(invoice.adjustments());
        return note.withMetadata(metadata(positions, "full credit of invoice " + invoice.number()));
    }

    /**
     * The selected lines, each with its share of the invoice's document-level allowances and
     * charges ({@link DocumentAdjustments#lineShares}: amount and percentage ones alike, so the
     * shares of all lines add up to each allowance or charge exactly).
     *
     * <p>The note that credits the last lines not yet credited (the closing note) takes exactly
     * what is left of the invoice: its payable amount is the invoice's payable amount minus the
     * payable amounts of the earlier line credits. Its lines and shares are computed like any
     * other note's, under the invoice's price basis and rounding policy; since line nets and
     * shares are exact, under net prices its taxable amount per VAT group is exactly what is left
     * of the invoice's. Then:
     * <ul>
     *   <li>under net prices, the note that credits the last lines of a VAT group (category and
     *       rate), closing or not, takes what is left of the invoice's tax of that group (so the
     *       notes reverse the invoice's VAT to the minor unit), as long as that stays within
     *       BR-S-09's tolerance of the group's own taxable × rate (less than 1.00; a few minor
     *       units at most unless a zero-decimal currency is credited in very many notes): the
     *       correction per group is kept in the metadata under {@link #CLOSING_TAX};</li>
     *   <li>what still differs (the invoice's cash rounding, a tax correction beyond that
     *       tolerance, and under gross prices nothing else: each group keeps its gross exactly)
     *       becomes the note's rounding amount (BT-114, BR-CO-16), kept under
     *       {@link #CLOSING_ROUNDING}.</li>
     * </ul>
     *
     * @param earlierNotes the credit notes already issued against the invoice
     */
    public static Invoice lines(Invoice invoice, InvoiceId noteId, Collection<Integer> positions, List<Invoice> earlierNotes) {
        if (positions.isEmpty()) {
            throw new InvalidInputException("credit of invoice " + invoice.id() + ": no lines selected");
        }
        Set<Integer> selected = new TreeSet<>(positions);
        if (selected.size() != positions.size()) {
            throw new InvalidInputException("credit of invoice " + invoice.id() + ": positions " + positions
                    + " repeat a line");
        }
        Map<Integer, String> alreadyCredited = creditedPositions(earlierNotes);
        Map<Integer, InvoiceLine> byPosition = new HashMap<>();
        for (InvoiceLine line : invoice.lines()) {
            byPosition.put(line.position(), line);
        }
        List<InvoiceLine> lines = new ArrayList<>(selected.size());
        for (int p : selected) {
            InvoiceLine line = byPosition.get(p);
            if (line == null) {
                throw new NotFoundException("invoice line", invoice.id().value() + "#" + p);
            }
            String by = alreadyCredited.get(p);
            if (by != null) {
                throw new LineAlreadyCreditedException(invoice.id(), p, by);
            }
            lines.add(withoutEntries(line));
        }
        boolean closing = alreadyCredited.size() + selected.size() == invoice.lines().size();
        String reason = "credit of lines " + selected + " of invoice " + invoice.number();
        Invoice note = base(invoice, noteId, reason)
                .withPricing(invoice.priceBasis(), invoice.taxRounding(), null)
                .withLines(lines);
        List<AllowanceCharge> adjustments = new ArrayList<>();
        Money zero = Money.zero(invoice.currency());
        for (AllowanceCharge ac : invoice.adjustments()) {
            Map<Integer, Money> shares = DocumentAdjustments.lineShares(invoice, ac);
            Money share = zero;
            Money base = zero;
            for (int p : selected) {
                Money s = shares.get(p);
                if (s != null) {
                    share = share.plus(s);
                    base = base.plus(byPosition.get(p).netAmount());
                }
            }
            if (closing && shares.isEmpty()) {
                // no positive line to spread it over: the closing note takes it whole
                share = ac.amount();
            }
            if (share.isPositive()) {
                // keep the percentage (BT-94/BT-93) where it still gives the share exactly
                boolean percentHolds = ac.percent() != null && base.isPositive()
                        && base.percentage(ac.percent(), AllowanceCharge.PERCENT_ROUNDING).equals(share);
                adjustments.add(percentHolds ? ac.withBase(base) : ac.withAmount(share));
            }
        }
        if (!adjustments.isEmpty()) {
            note = note.withAdjustments(adjustments);
        }
        Map<String, String> metadata = metadata(new ArrayList<>(selected), reason);
        List<Invoice> credits = lineCredits(earlierNotes);
        Money payable = note.totals().payable();
        if (invoice.priceBasis() == PriceBasis.NET) {
            Set<Integer> creditedAfter = new TreeSet<>(alreadyCredited.keySet());
            creditedAfter.addAll(selected);
            StringBuilder corrections = new StringBuilder();
            for (TaxSubtotal g : note.taxBreakdown()) {
                if (!groupComplete(invoice, g, creditedAfter, closing)) {
                    continue;
                }
                Money taxLeft = groupTax(invoice, g);
                for (Invoice earlier : credits) {
                    taxLeft = taxLeft.minus(groupTax(earlier, g));
                }
                Money correction = taxLeft.minus(g.taxAmount());
                if (!correction.isZero() && withinGroupTaxTolerance(g, taxLeft)) {
                    corrections.append(corrections.length() == 0 ? "" : ";").append(VatGroup.of(g)).append('=')
                            .append(correction.amount().toPlainString());
                    payable = payable.plus(correction);
                }
            }
            if (corrections.length() > 0) {
                metadata.put(CLOSING_TAX, corrections.toString());
            }
        }
        if (closing) {
            Money left = invoice.totals().payable();
            for (Invoice earlier : credits) {
                left = left.minus(earlier.totals().payable());
            }
            Money rounding = left.minus(payable);
            if (!rounding.isZero()) {
                metadata.put(CLOSING_ROUNDING, rounding.amount().toPlainString());
            }
        }
        return note.withMetadata(metadata).recalculated();
    }

    /**
     * Whether, once the lines {@code creditedAfter} are credited, every line of the invoice in
     * {@code group}'s category and rate is credited, and so are the invoice's allowances and
     * charges of that group: those spread over its lines went with them, one with no positive
     * line to spread over goes with the closing note.
     */
    private static boolean groupComplete(Invoice invoice, TaxSubtotal group, Set<Integer> creditedAfter,
            boolean closing) {
        VatGroup key = VatGroup.of(group);
        for (InvoiceLine line : invoice.lines()) {
            if (key.contains(line.tax()) && !creditedAfter.contains(line.position())) {
                return false;
            }
        }
        if (!closing) {
            for (AllowanceCharge ac : invoice.adjustments()) {
                if (ac.tax() != null && key.contains(ac.tax())
                        && DocumentAdjustments.lineShares(invoice, ac).isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The tax of {@code document}'s VAT group with the category and rate of {@code group}, or zero. */
    private static Money groupTax(Invoice document, TaxSubtotal group) {
        VatGroup key = VatGroup.of(group);
        for (TaxSubtotal g : document.taxBreakdown()) {
            if (VatGroup.of(g).equals(key)) {
                return g.taxAmount();
            }
        }
        return Money.zero(document.currency());
    }

    /**
     * Whether {@code tax} passes BR-S-09 (and its siblings) for {@code g}'s taxable amount: zero for
     * a zero-rated category, else less than 1.00 from taxable × rate / 100 rounded to two
     * decimals, as {@link dev.billops.core.tax.TaxRules} checks it.
     */
    private static boolean withinGroupTaxTolerance(TaxSubtotal g, Money tax) {
        if (g.category().isZeroRated() || g.ratePercent() == null) {
            return tax.isZero();
        }
        BigDecimal expected = g.taxableAmount().amount().multiply(g.ratePercent()).movePointLeft(2)
                .setScale(2, RoundingMode.HALF_UP);
        return expected.subtract(tax.amount()).abs().compareTo(BigDecimal.ONE) < 0;
    }

    /**
     * A credit of {@code amount}, tax included, split over the invoice's VAT groups in proportion
     * to their gross amounts; priced tax-inclusive so that its payable amount is exactly
     * {@code amount}.
     */
    public static Invoice amount(Invoice invoice, InvoiceId noteId, Money amount, String reason) {
        if (!amount.isPositive()) {
            throw new InvalidInputException("credit of invoice " + invoice.id() + ": amount " + amount
                    + " must be positive");
        }
        invoice.totals().payable().requireSameCurrency(amount);
        Map<TaxTreatment, Money> groups = new LinkedHashMap<>();
        for (TaxSubtotal g : invoice.taxBreakdown()) {
            Money gross = g.taxableAmount().plus(g.taxAmount());
            if (gross.isPositive()) {
                groups.put(new TaxTreatment(g.category(), g.ratePercent(), g.exemptionReason(), g.exemptionReasonCode()), gross);
            }
        }
        if (groups.isEmpty()) {
            throw new InvalidInputException("invoice " + invoice.id() + " has no VAT group with a positive amount "
                    + "to credit");
        }
        BigDecimal[] ratios = new BigDecimal[groups.size()];
        int i = 0;
        for (Money gross : groups.values()) {
            ratios[i++] = gross.amount();
        }
        List<Money> parts = amount.allocate(ratios);
        List<InvoiceLine> lines = new ArrayList<>();
        i = 0;
        for (TaxTreatment tax : groups.keySet()) {
            Money part = parts.get(i++);
            if (part.isZero()) {
                continue;
            }
            lines.add(InvoiceLine.of(reason, BigDecimal.ONE, UnitCode.PIECE, UnitPrice.of(part), tax));
        }
        Invoice note = base(invoice, noteId, reason)
                .withPricing(PriceBasis.GROSS, TaxRoundingPolicy.PER_GROUP, null)
                .withLines(lines);
        return note.withMetadata(metadata(List.of(), reason));
    }

    private static Invoice base(Invoice invoice, InvoiceId noteId, String reason) {
        Invoice draft = Invoice.draft(noteId, invoice.clientId(), invoice.currency(), InvoiceSource.CREDIT)
                .asCreditNoteOf(invoice.id())
                .withServicePeriod(servicePeriod(invoice))
                .withPurchaseOrderRef(invoice.purchaseOrderRef())
                .withNotes(reason);
        return draft;
    }

    /**
     * The invoice's service period, or else the span of its lines' periods: an amount credit's
     * lines have none of their own, and an intra-community credit needs one (BR-IC-11).
     */
    private static @Nullable LocalDateRange servicePeriod(Invoice invoice) {
        if (invoice.servicePeriod() != null) {
            return invoice.servicePeriod();
        }
        LocalDate start = null;
        LocalDate end = null;
        for (InvoiceLine line : invoice.lines()) {
            LocalDateRange p = line.period();
            if (p != null) {
                start = start == null || p.startInclusive().isBefore(start) ? p.startInclusive() : start;
                end = end == null || p.endExclusive().isAfter(end) ? p.endExclusive() : end;
            }
        }
        return start == null ? null : LocalDateRange.of(start, end);
    }

    private static InvoiceLine withoutEntries(InvoiceLine l) {
        if (l.entryIds().isEmpty()) {
            return l;
        }
        return new InvoiceLine(l.position(), l.description(), l.quantity(), l.unit(), l.price(), l.baseQuantity(),
                l.allowancesCharges(), l.tax(), l.period(), List.of(), l.projectId(), l.activityId(), l.timekeeperId(),
                l.rateRuleId(), l.details());
    }

    private static Map<String, String> metadata(List<Integer> positions, String reason) {
        Map<String, String> m = new HashMap<>();
        if (!positions.isEmpty()) {
            StringBuilder s = new StringBuilder();
            for (int p : positions) {
                if (s.length() > 0) {
                    s.append(',');
                }
                s.append(p);
            }
            m.put(CREDITED_POSITIONS, s.toString());
        }
        m.put(REASON, reason);
        return m;
    }

    /** The issued credit notes among {@code creditNotes} that credit lines (not an amount). */
    private static List<Invoice> lineCredits(List<Invoice> creditNotes) {
        List<Invoice> out = new ArrayList<>();
        for (Invoice note : creditNotes) {
            if (note.status() != InvoiceStatus.DRAFT && note.status() != InvoiceStatus.VOID
                    && note.metadata().containsKey(CREDITED_POSITIONS)) {
                out.add(note);
            }
        }
        return out;
    }

    /** Positions credited by earlier credit notes of an invoice, each with the number of the note. */
    public static Map<Integer, String> creditedPositions(List<Invoice> creditNotes) {
        Map<Integer, String> out = new HashMap<>();
        for (Invoice note : creditNotes) {
            if (note.status() == InvoiceStatus.DRAFT || note.status() == InvoiceStatus.VOID) {
                continue;
            }
            String positions = note.metadata().get(CREDITED_POSITIONS);
            if (positions == null || positions.isEmpty()) {
                continue;
            }
            for (String p : positions.split(",")) {
                out.putIfAbsent(Integer.parseInt(p.trim()), String.valueOf(note.number()));
            }
        }
        return out;
    }
}
