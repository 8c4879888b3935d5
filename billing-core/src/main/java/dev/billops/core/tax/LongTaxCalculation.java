package dev.billops.core.tax;

import dev.billops.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * {@link TaxCalculator#exactCalculate} in {@code long} minor units: the same groups, the same
 * roundings (half up, away from zero at a tie), the same spreading of a gross group's remainder,
 * the same refusals in the same order; without a {@link BigDecimal} per amount, and under net
 * prices without a new {@link Money} per line (the line nets are the input amounts).
 *
 * <p>Applies when every positive rate fits {@link LongMinorUnits} (at most 6 decimals and 9 digits)
 * and no sum or product overflows a {@code long}; otherwise {@link #calculate} returns null and the
 * calculator computes the rule. Where it applies its result equals the rule's (property test).
 */
final class LongTaxCalculation {

    private LongTaxCalculation() {
    }

    /** The rule's result, or null where long minor units do not suffice. */
    static @Nullable TaxResult calculate(CurrencyUnit currency, List<TaxableAmount> lines,
            List<TaxableAmount> documentAdjustments, PriceBasis basis, TaxRoundingPolicy rounding,
            @Nullable BigDecimal cashIncrement) {
        try {
            return compute(currency, lines, documentAdjustments, basis, rounding, cashIncrement);
        } catch (Overflow overflow) {
            return null;
        }
    }

    private static @Nullable TaxResult compute(CurrencyUnit currency, List<TaxableAmount> lines,
            List<TaxableAmount> documentAdjustments, PriceBasis basis, TaxRoundingPolicy rounding,
            @Nullable BigDecimal cashIncrement) {
        String code = currency.getCurrencyCode();
        int n = lines.size();
        int m = documentAdjustments.size();

        // 1. group the amounts by VAT group, in first-seen order
        TaxCalculator.Groups groups = new TaxCalculator.Groups();
        TaxCalculator.Group[] lineGroup = new TaxCalculator.Group[n];
        TaxCalculator.Group[] adjGroup = new TaxCalculator.Group[m];
        long[] lineAmount = new long[n];
        long[] adjAmount = new long[m];
        for (int i = 0; i < n; i++) {
            TaxableAmount line = lines.get(i);
            lineAmount[i] = LongMinorUnits.unscaled(TaxCalculator.amountIn(code, line.amount()));
            lineGroup[i] = groupOf(groups, line.tax());
            lineGroup[i].sumMinor = add(lineGroup[i].sumMinor, lineAmount[i]);
            lineGroup[i].lineCount++;
        }
        for (int j = 0; j < m; j++) {
            TaxableAmount adj = documentAdjustments.get(j);
            adjAmount[j] = LongMinorUnits.unscaled(TaxCalculator.amountIn(code, adj.amount()));
            adjGroup[j] = groupOf(groups, adj.tax());
            adjGroup[j].sumMinor = add(adjGroup[j].sumMinor, adjAmount[j]);
        }
        List<TaxCalculator.Group> order = groups.order;
        TaxCalculator.requireOutOfScopeAlone(order, lines, documentAdjustments);
        for (TaxCalculator.Group g : order) {
            if (g.rate.signum() != 0 && !LongMinorUnits.fitsRate(g.rate)) {
                return null;
            }
        }

        // 2. tax and taxable amount per group; nets per amount
        long[] lineNet;
        long[] adjNet;
        if (basis == PriceBasis.NET) {
            lineNet = lineAmount;
            adjNet = adjAmount;
            for (TaxCalculator.Group g : order) {
                g.baseMinor = g.sumMinor;
                g.taxMinor = rounding == TaxRoundingPolicy.PER_GROUP ? taxOn(g.sumMinor, g) : 0;
            }
            if (rounding == TaxRoundingPolicy.PER_LINE) {
                for (int i = 0; i < n; i++) {
                    lineGroup[i].taxMinor = add(lineGroup[i].taxMinor, taxOn(lineAmount[i], lineGroup[i]));
                }
                for (int j = 0; j < m; j++) {
                    adjGroup[j].taxMinor = add(adjGroup[j].taxMinor, taxOn(adjAmount[j], adjGroup[j]));
                }
            }
        } else {
            lineNet = new long[n];
            adjNet = new long[m];
            for (int i = 0; i < n; i++) {
                long tax = includedTax(lineAmount[i], lineGroup[i]);
                lineNet[i] = lineAmount[i] - tax;
                lineGroup[i].netSumMinor = add(lineGroup[i].netSumMinor, lineNet[i]);
                lineGroup[i].perAmountTaxMinor = add(lineGroup[i].perAmountTaxMinor, tax);
            }
            for (int j = 0; j < m; j++) {
                long tax = includedTax(adjAmount[j], adjGroup[j]);
                adjNet[j] = adjAmount[j] - tax;
                adjGroup[j].netSumMinor = add(adjGroup[j].netSumMinor, adjNet[j]);
                adjGroup[j].perAmountTaxMinor = add(adjGroup[j].perAmountTaxMinor, tax);
            }
            for (TaxCalculator.Group g : order) {
                g.taxMinor = rounding == TaxRoundingPolicy.PER_GROUP ? includedTax(g.sumMinor, g) : g.perAmountTaxMinor;
                g.baseMinor = subtract(g.sumMinor, g.taxMinor);
                long diff = subtract(g.baseMinor, g.netSumMinor);
                if (diff != 0) {
                    if (g.lineCount > 0) {
                        spread(diff, g, lineGroup, lineAmount, lineNet);
                    } else {
                        spread(diff, g, adjGroup, adjAmount, adjNet);
                    }
                }
            }
        }

        // 3. totals
        long lineNetTotal = 0;
        for (int i = 0; i < n; i++) {
            lineNetTotal = add(lineNetTotal, lineNet[i]);
        }
        long allowances = 0;
        long charges = 0;
        for (int j = 0; j < m; j++) {
            if (!documentAdjustments.get(j).charge()) {
                allowances = subtract(allowances, adjNet[j]);
            } else {
                charges = add(charges, adjNet[j]);
            }
        }
        long taxTotal = 0;
        List<TaxSubtotal> breakdown = new ArrayList<>(order.size());
        for (TaxCalculator.Group g : order) {
            taxTotal = add(taxTotal, g.taxMinor);
            breakdown.add(new TaxSubtotal(g.treatment.category(), g.treatment.ratePercent(),
                    Money.ofMinor(currency, g.baseMinor), Money.ofMinor(currency, g.taxMinor), g.reason, g.reasonCode));
        }
        breakdown.sort(TaxCalculator.BREAKDOWN_ORDER);
        long taxExclusive = add(subtract(lineNetTotal, allowances), charges);
        Money taxInclusive = Money.ofMinor(currency, add(taxExclusive, taxTotal));
        Money payable = cashIncrement == null ? taxInclusive
                : taxInclusive.roundToIncrement(cashIncrement, RoundingMode.HALF_UP);
        Totals totals = new Totals(Money.ofMinor(currency, lineNetTotal), Money.ofMinor(currency, allowances),
                Money.ofMinor(currency, charges), Money.ofMinor(currency, taxExclusive),
                Money.ofMinor(currency, taxTotal), taxInclusive, payable.minus(taxInclusive), payable);
        List<Money> lineNets = basis == PriceBasis.NET ? amounts(lines) : monies(currency, lineNet);
        List<Money> adjNets = basis == PriceBasis.NET ? amounts(documentAdjustments) : monies(currency, adjNet);
        return new TaxResult(totals, breakdown, lineNets, adjNets);
    }

    private static TaxCalculator.Group groupOf(TaxCalculator.Groups groups, TaxTreatment tax) {
        TaxCalculator.Group g = groups.of(tax);
        if (g.hundredUnscaled == 0 && g.rate.signum() != 0 && LongMinorUnits.fitsRate(g.rate)) {
            g.rateUnscaled = LongMinorUnits.unscaled(g.rate);
            g.hundredUnscaled = LongMinorUnits.hundredUnscaled(g.rate);
        }
        return g;
    }

    /** amount × rate / 100, rounded half up (the rule's {@code taxOn}). */
    private static long taxOn(long amount, TaxCalculator.Group g) {
        if (g.rateUnscaled == 0) {
            return 0;
        }
        return divideHalfUp(multiply(amount, g.rateUnscaled), g.hundredUnscaled);
    }

    /** amount × rate / (100 + rate), rounded half up (the rule's {@code includedTax}). */
    private static long includedTax(long amount, TaxCalculator.Group g) {
        if (g.rateUnscaled == 0) {
            return 0;
        }
        return divideHalfUp(multiply(amount, g.rateUnscaled), g.hundredUnscaled + g.rateUnscaled);
    }

    private static long divideHalfUp(long num, long d) {
        long q = num / d;
        if (Math.abs(num % d) * 2 >= d) {
            q += Long.signum(num);
        }
        return q;
    }

    /** The rule's {@code spread}, with its residual keys in units of 10^-(scale + rate's scale). */
    private static void spread(long diff, TaxCalculator.Group g, TaxCalculator.Group[] groupOf, long[] amounts,
            long[] nets) {
        int count = 0;
        for (TaxCalculator.Group x : groupOf) {
            if (x == g) {
                count++;
            }
        }
        int[] members = new int[count];
        long[] keys = new long[count];
        long divisor = g.hundredUnscaled + g.rateUnscaled;
        int k = 0;
        for (int i = 0; i < groupOf.length; i++) {
            if (groupOf[i] == g) {
                members[k] = i;
                keys[k] = subtract(multiply(amounts[i], g.hundredUnscaled), multiply(nets[i], divisor));
                k++;
            }
        }
        boolean up = diff > 0;
        IntBinaryOperator first = (a, b) -> up ? Long.compare(keys[b], keys[a]) : Long.compare(keys[a], keys[b]);
        long units = Math.abs(diff);
        long each = units / count;
        int rest = (int) (units % count);
        for (int r : TaxCalculator.firstOf(first, count, rest)) {
            nets[members[r]] += up ? 1 : -1;
        }
        if (each != 0) {
            for (int member : members) {
                nets[member] = up ? add(nets[member], each) : subtract(nets[member], each);
            }
        }
    }

    // List.of of an array: immutable already, so TaxResult and Invoice keep it without copying
    private static List<Money> amounts(List<TaxableAmount> amounts) {
        Money[] out = new Money[amounts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = amounts.get(i).amount();
        }
        return List.of(out);
    }

    private static List<Money> monies(CurrencyUnit currency, long[] minor) {
        Money[] out = new Money[minor.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Money.ofMinor(currency, minor[i]);
        }
        return List.of(out);
    }

    private static long add(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            throw Overflow.INSTANCE;
        }
        return r;
    }

    private static long subtract(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            throw Overflow.INSTANCE;
        }
        return r;
    }

    private static long multiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return lo;
        }
        throw Overflow.INSTANCE;
    }

    /** A sum or product beyond {@code long}: the calculation falls back to the rule. */
    private static final class Overflow extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Overflow INSTANCE = new Overflow();

        private Overflow() {
            super("long overflow", null, false, false);
        }
    }
}
