package dev.billops.core.tax;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * The EN 16931 tax and totals engine.
 *
 * <p>Rules applied (EN 16931-1 numbering): BR-CO-10 sum of line nets; BR-CO-11/12 sums of
 * document allowances and charges; BR-CO-13 tax-exclusive total; one VAT breakdown group per
 * category and rate (BR-S-08 and siblings) whose taxable amount is the group's line nets plus
 * its charges minus its allowances; BR-CO-17 group tax = taxable amount × rate / 100 rounded
 * half-up once per group (or per amount under {@link TaxRoundingPolicy#PER_LINE}); BR-CO-14 tax
 * total; BR-CO-15 tax-inclusive total; BR-CO-16 payable amount with the optional cash rounding
 * amount (BT-114).
 *
 * <p>With {@link PriceBasis#GROSS} the given amounts include tax: each group's tax is
 * {@code gross × rate / (100 + rate)} rounded once, the taxable amount is gross − tax, so the
 * gross the customer saw is kept exactly; line nets are derived per line and the group's
 * remainder (at most a few minor units) goes to the line with the largest amount.
 *
 * <p>Stateless and thread-safe.
 */
public final class TaxCalculator {

    /** Rounding of tax amounts: half-up, as the EN 16931 rules compare. */
    public static final RoundingMode TAX_ROUNDING = RoundingMode.HALF_UP;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TaxCalculator() {
    }

    /**
     * Computes totals and the VAT breakdown.
     *
     * @param currency the document currency; every amount must be in it
     * @param lines line amounts with their treatments (net or gross per {@code basis})
     * @param documentAdjustments document-level allowances (negative) and charges (positive)
     * @param basis whether the line amounts include tax
     * @param rounding where tax is rounded
     * @param cashIncrement cash rounding increment for the payable amount (e.g. 0.05), or null
     */
    public static TaxResult calculate(CurrencyUnit currency, List<TaxableAmount> lines,
            List<TaxableAmount> documentAdjustments, PriceBasis basis, TaxRoundingPolicy rounding,
            @Nullable BigDecimal cashIncrement) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(documentAdjustments, "documentAdjustments");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(rounding, "rounding");
        Money zero = Money.zero(currency);

        Map<GroupKey, Group> groups = new LinkedHashMap<>();
        int n = lines.size();
        List<Money> lineAmounts = new ArrayList<>(n);
        Money allowances = zero;
        Money charges = zero;
        for (TaxableAmount line : lines) {
            zero.requireSameCurrency(line.amount());
            lineAmounts.add(line.amount());
            Group g = groups.computeIfAbsent(GroupKey.of(line.tax()), k -> new Group(line.tax(), zero));
            g.add(line.amount(), rounding);
        }
        for (TaxableAmount adj : documentAdjustments) {
            zero.requireSameCurrency(adj.amount());
            if (adj.amount().isNegative()) {
                allowances = allowances.plus(adj.amount().negate());
            } else {
                charges = charges.plus(adj.amount());
            }
            Group g = groups.computeIfAbsent(GroupKey.of(adj.tax()), k -> new Group(adj.tax(), zero));
            g.add(adj.amount(), rounding);
        }
        if (groups.containsKey(GroupKey.OUT_OF_SCOPE) && groups.size() > 1) {
            throw new InvalidInputException("category O (not subject to VAT) must be the only category on a document "
                    + "(BR-O-11..14), found " + groups.keySet());
        }

        List<TaxSubtotal> breakdown = new ArrayList<>(groups.size());
        Money taxTotal = zero;
        Money lineNetTotal = zero;
        List<Money> lineNets;
        if (basis == PriceBasis.NET) {
            for (Money m : lineAmounts) {
                lineNetTotal = lineNetTotal.plus(m);
            }
            lineNets = lineAmounts;
            for (Group g : groups.values()) {
                Money tax = rounding == TaxRoundingPolicy.PER_GROUP ? taxOf(g.sum, g.rate) : g.perLineTax;
                breakdown.add(new TaxSubtotal(g.treatment.category(), g.treatment.ratePercent(), g.sum, tax,
                        g.treatment.exemptionReason()));
                taxTotal = taxTotal.plus(tax);
            }
        } else {
            lineNets = new ArrayList<>(lineAmounts);
            Map<GroupKey, Money> groupBase = new LinkedHashMap<>();
            for (Map.Entry<GroupKey, Group> e : groups.entrySet()) {
                Group g = e.getValue();
                Money tax = rounding == TaxRoundingPolicy.PER_GROUP ? includedTaxOf(g.sum, g.rate) : g.perLineIncludedTax;
                Money base = g.sum.minus(tax);
                groupBase.put(e.getKey(), base);
                breakdown.add(new TaxSubtotal(g.treatment.category(), g.treatment.ratePercent(), base, tax,
                        g.treatment.exemptionReason()));
                taxTotal = taxTotal.plus(tax);
            }
            // Derive line nets; document adjustments are derived the same way so totals stay consistent.
            Map<GroupKey, Money> assigned = new LinkedHashMap<>();
            Map<GroupKey, Integer> largest = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                TaxableAmount line = lines.get(i);
                GroupKey key = GroupKey.of(line.tax());
                Money net = line.amount().minus(includedTaxOf(line.amount(), groups.get(key).rate));
                lineNets.set(i, net);
                assigned.merge(key, net, Money::plus);
                Integer best = largest.get(key);
                if (best == null || lineAmounts.get(i).abs().isGreaterThan(lineAmounts.get(best).abs())) {
                    largest.put(key, i);
                }
            }
            allowances = zero;
            charges = zero;
            for (TaxableAmount adj : documentAdjustments) {
                GroupKey key = GroupKey.of(adj.tax());
                Money net = adj.amount().minus(includedTaxOf(adj.amount(), groups.get(key).rate));
                assigned.merge(key, net, Money::plus);
                if (net.isNegative()) {
                    allowances = allowances.plus(net.negate());
                } else {
                    charges = charges.plus(net);
                }
            }
            for (Map.Entry<GroupKey, Money> e : groupBase.entrySet()) {
                Money diff = e.getValue().minus(assigned.getOrDefault(e.getKey(), zero));
                Integer target = largest.get(e.getKey());
                if (!diff.isZero()) {
                    if (target == null) {
                        // a group made only of document adjustments: put the difference on the charges/allowances
                        if (diff.isNegative()) {
                            allowances = allowances.plus(diff.negate());
                        } else {
                            charges = charges.plus(diff);
                        }
                    } else {
                        lineNets.set(target, lineNets.get(target).plus(diff));
                    }
                }
            }
            for (Money m : lineNets) {
                lineNetTotal = lineNetTotal.plus(m);
            }
        }
        breakdown.sort(Comparator.comparing((TaxSubtotal s) -> s.category().ordinal())
                .thenComparing(s -> s.ratePercent() == null ? BigDecimal.ZERO : s.ratePercent()));

        Money taxExclusive = lineNetTotal.minus(allowances).plus(charges);
        Money taxInclusive = taxExclusive.plus(taxTotal);
        Money payable = cashIncrement == null ? taxInclusive : taxInclusive.roundToIncrement(cashIncrement, RoundingMode.HALF_UP);
        Totals totals = new Totals(lineNetTotal, allowances, charges, taxExclusive, taxTotal, taxInclusive,
                payable.minus(taxInclusive), payable);
        return new TaxResult(totals, breakdown, lineNets);
    }

    /** Tax on a net amount: amount × rate / 100, rounded half-up. */
    public static Money taxOf(Money net, BigDecimal ratePercent) {
        return net.percentage(ratePercent, TAX_ROUNDING);
    }

    /** Tax contained in a gross amount: gross × rate / (100 + rate), rounded half-up. */
    public static Money includedTaxOf(Money gross, BigDecimal ratePercent) {
        if (ratePercent.signum() == 0) {
            return Money.zero(gross.currency());
        }
        BigDecimal tax = gross.amount().multiply(ratePercent)
                .divide(HUNDRED.add(ratePercent), gross.currency().getDefaultFractionDigits(), TAX_ROUNDING);
        return Money.of(gross.currency(), tax);
    }

    private record GroupKey(TaxCategory category, BigDecimal rate) {

        static final GroupKey OUT_OF_SCOPE = new GroupKey(TaxCategory.O, BigDecimal.ZERO);

        static GroupKey of(TaxTreatment t) {
            return new GroupKey(t.category(), t.rateOrZero());
        }
    }

    private static final class Group {
        final TaxTreatment treatment;
        final BigDecimal rate;
        Money sum;
        Money perLineTax;
        Money perLineIncludedTax;

        Group(TaxTreatment treatment, Money zero) {
            this.treatment = treatment;
            this.rate = treatment.rateOrZero();
            this.sum = zero;
            this.perLineTax = zero;
            this.perLineIncludedTax = zero;
        }

        void add(Money amount, TaxRoundingPolicy rounding) {
            sum = sum.plus(amount);
            if (rounding == TaxRoundingPolicy.PER_LINE) {
                perLineTax = perLineTax.plus(taxOf(amount, rate));
                perLineIncludedTax = perLineIncludedTax.plus(includedTaxOf(amount, rate));
            }
        }
    }
}
