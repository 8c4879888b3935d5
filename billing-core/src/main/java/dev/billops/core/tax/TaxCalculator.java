package dev.billops.core.tax;

import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * The EN 16931 tax and totals engine.
 *
 * <p>Rules it satisfies by construction (EN 16931-1 numbering):
 * <ul>
 *   <li>BR-CO-10: the line net total is the sum of the line nets (each already rounded to the
 *       currency by the caller, BT-131);</li>
 *   <li>BR-CO-11/12: the allowance and charge totals are the sums of the document-level
 *       allowances (negative inputs) and charges (positive inputs);</li>
 *   <li>BR-CO-13: tax-exclusive total = line nets − allowances + charges;</li>
 *   <li>BR-S-08 and its siblings (BR-Z-08, BR-E-08, BR-AE-08, BR-IC-08, BR-G-08, BR-O-08,
 *       BR-IG-08, BR-IP-08): exactly one breakdown group per category and rate, whose taxable
 *       amount is the group's line nets plus its charges minus its allowances;</li>
 *   <li>BR-CO-17 / BR-S-09: group tax = taxable amount × rate / 100, rounded half-up once per
 *       group; zero for the zero-rated categories (rule 09 of each);</li>
 *   <li>BR-CO-14: tax total = sum of the group taxes; BR-CO-15: tax-inclusive total =
 *       tax-exclusive total + tax total; BR-CO-16: payable = tax-inclusive total + rounding
 *       amount (BT-114, from the optional cash increment), before any payment;</li>
 *   <li>BR-O-11 to BR-O-14: category O cannot be mixed with any other category (throws
 *       {@link TaxCategoryRuleViolationException}).</li>
 * </ul>
 * The other category rules (VAT ids, exemption reasons) need the parties and are checked by
 * {@link TaxRules}.
 *
 * <p><b>Per-line policy.</b> With {@link TaxRoundingPolicy#PER_LINE} every line and every
 * document-level allowance/charge is taxed and rounded on its own and a group's tax is the sum;
 * the group tax then deviates from BR-CO-17's single rounding by at most half a minor unit per
 * amount, which is what those jurisdictions want. EN 16931 tolerates the deviation through the
 * CEN schematron's slack on BR-S-09 (a difference of less than 1.00), which a group of fewer than
 * 200 net amounts in a two-decimal currency always stays within; {@link TaxRules} accepts the
 * per-line sum whatever the number of amounts (see there for gross amounts and larger groups).
 *
 * <p><b>Tax-inclusive prices.</b> With {@link PriceBasis#GROSS} the amounts given include tax and
 * each group keeps its gross exactly: tax = gross × rate / (100 + rate) rounded once per group
 * (per amount under PER_LINE) and taxable amount = gross − tax. Whenever some split of the gross
 * satisfies BR-CO-17 exactly (taxable × rate / 100 rounds back to the tax), this is that split:
 * such a tax t has |t − gross × rate / (100 + rate)| ≤ ½ unit / (1 + rate / 100) &lt; ½ unit, so it
 * is the rounded value. For some grosses there is none (net ↦ net + round(net × rate / 100)
 * skips values; EUR 5.98 at 19 % is one), and then the tax differs from BR-CO-17's
 * by one minor unit, well inside the rule's tolerance of less than 1.00 in a currency with minor
 * units. In a currency without them (JPY) one unit is 1.00: the rounded tax is within
 * ½ × (1 + rate / 100) units of taxable × rate / 100, so the tolerance holds for every rate below
 * 99 %, and a gross at a rate of 99 % or more can have no split that passes BR-S-09. Line nets are derived
 * per line and the group's remainder (a few minor units at most) is spread one unit at a time over
 * the lines whose exact net was rounded furthest the other way, so every line net stays within
 * about one unit of its exact value and the nets add up to the taxable amounts.
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
     * @param lines line amounts with their treatments (net or gross per {@code basis}), each
     *     already rounded to the currency (BT-131)
     * @param documentAdjustments document-level allowances (negative) and charges (positive)
     * @param basis whether the amounts include tax
     * @param rounding where tax is rounded
     * @param cashIncrement cash rounding increment for the payable amount (e.g. 0.05), or null
     * @throws CurrencyMismatchException if an amount is not in {@code currency}
     * @throws TaxCategoryRuleViolationException if category O is mixed with another (BR-O-11..14)
     * @throws dev.billops.core.money.AmountOutOfRangeException if the cash increment is not a
     *     positive whole number of minor units, or a total leaves the supported range
     */
    public static TaxResult calculate(CurrencyUnit currency, List<TaxableAmount> lines,
            List<TaxableAmount> documentAdjustments, PriceBasis basis, TaxRoundingPolicy rounding,
            @Nullable BigDecimal cashIncrement) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(documentAdjustments, "documentAdjustments");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(rounding, "rounding");
        int scale = currency.getDefaultFractionDigits();
        String code = currency.getCurrencyCode();
        int n = lines.size();
        int m = documentAdjustments.size();

        // 1. group amounts by (category, rate), in first-seen order
        Map<GroupKey, Group> groups = new HashMap<>();
        List<Group> order = new ArrayList<>();
        Group[] lineGroup = new Group[n];
        Group[] adjGroup = new Group[m];
        BigDecimal[] lineAmount = new BigDecimal[n];
        BigDecimal[] adjAmount = new BigDecimal[m];
        // lines usually share a few treatments: look them up among the first eight seen before hashing
        TaxTreatment[] seen = new TaxTreatment[8];
        Group[] seenGroup = new Group[8];
        for (int i = 0; i < n; i++) {
            TaxableAmount line = lines.get(i);
            lineAmount[i] = amountIn(code, line.amount());
            TaxTreatment tax = line.tax();
            Group group = null;
            for (int k = 0; k < seen.length && seen[k] != null; k++) {
                if (seen[k] == tax) {
                    group = seenGroup[k];
                    break;
                }
                // an equal treatment is the same group key (category, rate); keep the first reason
                if (seen[k].category() == tax.category() && seen[k].rateOrZero().equals(tax.rateOrZero())) {
                    group = seenGroup[k];
                    if (group.reason == null && tax.exemptionReason() != null) {
                        group.reason = tax.exemptionReason();
                    }
                    break;
                }
            }
            if (group == null) {
                group = groupOf(groups, order, tax, scale);
                for (int k = 0; k < seen.length; k++) {
                    if (seen[k] == null) {
                        seen[k] = tax;
                        seenGroup[k] = group;
                        break;
                    }
                }
            }
            lineGroup[i] = group;
            lineGroup[i].add(lineAmount[i]);
            lineGroup[i].lineCount++;
        }
        for (int j = 0; j < m; j++) {
            TaxableAmount adj = documentAdjustments.get(j);
            adjAmount[j] = amountIn(code, adj.amount());
            adjGroup[j] = groupOf(groups, order, adj.tax(), scale);
            adjGroup[j].add(adjAmount[j]);
        }
        requireOutOfScopeAlone(order, lines, documentAdjustments);

        // 2. tax and taxable amount per group; nets per amount
        BigDecimal[] lineNet;
        BigDecimal[] adjNet;
        if (basis == PriceBasis.NET) {
            lineNet = lineAmount;
            adjNet = adjAmount;
            for (Group g : order) {
                g.base = g.sum;
                g.tax = rounding == TaxRoundingPolicy.PER_GROUP ? taxOn(g.sum, g.rate, scale) : BigDecimal.ZERO;
            }
            if (rounding == TaxRoundingPolicy.PER_LINE) {
                for (int i = 0; i < n; i++) {
                    lineGroup[i].tax = lineGroup[i].tax.add(taxOn(lineAmount[i], lineGroup[i].rate, scale));
                }
                for (int j = 0; j < m; j++) {
                    adjGroup[j].tax = adjGroup[j].tax.add(taxOn(adjAmount[j], adjGroup[j].rate, scale));
                }
            }
        } else {
            lineNet = new BigDecimal[n];
            adjNet = new BigDecimal[m];
            for (int i = 0; i < n; i++) {
                BigDecimal tax = includedTax(lineAmount[i], lineGroup[i].rate, scale);
                lineNet[i] = lineAmount[i].subtract(tax);
                lineGroup[i].netSum = lineGroup[i].netSum.add(lineNet[i]);
                lineGroup[i].perAmountTax = lineGroup[i].perAmountTax.add(tax);
            }
            for (int j = 0; j < m; j++) {
                BigDecimal tax = includedTax(adjAmount[j], adjGroup[j].rate, scale);
                adjNet[j] = adjAmount[j].subtract(tax);
                adjGroup[j].netSum = adjGroup[j].netSum.add(adjNet[j]);
                adjGroup[j].perAmountTax = adjGroup[j].perAmountTax.add(tax);
            }
            for (Group g : order) {
                g.tax = rounding == TaxRoundingPolicy.PER_GROUP ? includedTax(g.sum, g.rate, scale) : g.perAmountTax;
                g.base = g.sum.subtract(g.tax);
                BigDecimal diff = g.base.subtract(g.netSum);
                if (diff.signum() != 0) {
                    if (g.lineCount > 0) {
                        spread(diff, g, lineGroup, lineAmount, lineNet, scale);
                    } else {
                        spread(diff, g, adjGroup, adjAmount, adjNet, scale);
                    }
                }
            }
        }

        // 3. totals
        BigDecimal lineNetTotal = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            lineNetTotal = lineNetTotal.add(lineNet[i]);
        }
        BigDecimal allowances = BigDecimal.ZERO;
        BigDecimal charges = BigDecimal.ZERO;
        for (int j = 0; j < m; j++) {
            if (adjAmount[j].signum() < 0) {
                allowances = allowances.subtract(adjNet[j]);
            } else {
                charges = charges.add(adjNet[j]);
            }
        }
        BigDecimal taxTotal = BigDecimal.ZERO;
        List<TaxSubtotal> breakdown = new ArrayList<>(order.size());
        for (Group g : order) {
            taxTotal = taxTotal.add(g.tax);
            breakdown.add(new TaxSubtotal(g.treatment.category(), g.treatment.ratePercent(), money(currency, g.base),
                    money(currency, g.tax), g.reason));
        }
        breakdown.sort(BREAKDOWN_ORDER);
        BigDecimal taxExclusive = lineNetTotal.subtract(allowances).add(charges);
        Money taxInclusive = money(currency, taxExclusive.add(taxTotal));
        Money payable = cashIncrement == null ? taxInclusive
                : taxInclusive.roundToIncrement(cashIncrement, RoundingMode.HALF_UP);
        Totals totals = new Totals(money(currency, lineNetTotal), money(currency, allowances), money(currency, charges),
                money(currency, taxExclusive), money(currency, taxTotal), taxInclusive, payable.minus(taxInclusive),
                payable);
        return new TaxResult(totals, breakdown, monies(currency, lineNet), monies(currency, adjNet));
    }

    /** Tax on a net amount: amount × rate / 100, rounded half-up to the currency (BR-CO-17). */
    public static Money taxOf(Money net, BigDecimal ratePercent) {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(ratePercent, "ratePercent");
        return Money.of(net.currency(), taxOn(net.amount(), ratePercent, net.currency().getDefaultFractionDigits()));
    }

    /**
     * Tax contained in a gross amount: gross × rate / (100 + rate), rounded half-up. When any split
     * of {@code gross} into net + tax satisfies {@code taxOf(net) == tax}, this one does (see the
     * class comment); otherwise {@code taxOf(gross − result)} is one minor unit off.
     */
    public static Money includedTaxOf(Money gross, BigDecimal ratePercent) {
        Objects.requireNonNull(gross, "gross");
        Objects.requireNonNull(ratePercent, "ratePercent");
        return Money.of(gross.currency(), includedTax(gross.amount(), ratePercent,
                gross.currency().getDefaultFractionDigits()));
    }

    private static BigDecimal taxOn(BigDecimal net, BigDecimal rate, int scale) {
        if (rate.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return net.multiply(rate).movePointLeft(2).setScale(scale, TAX_ROUNDING);
    }

    private static BigDecimal includedTax(BigDecimal gross, BigDecimal rate, int scale) {
        if (rate.signum() == 0 || gross.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (fitsLongArithmetic(gross, rate, scale)) {
            // the same quotient in minor units: gross x rate / (100 + rate), half up, without a BigDecimal division
            long a = unscaled(gross);
            long r = unscaled(rate);
            long d = HUNDRED_UNSCALED[rate.scale()] + r;
            long num = a * r;
            long q = num / d;
            if (Math.abs(num % d) * 2 >= d) {
                q += Long.signum(num);
            }
            return BigDecimal.valueOf(q, scale);
        }
        return gross.multiply(rate).divide(HUNDRED.add(rate), scale, TAX_ROUNDING);
    }

    /** 100 with 0..6 decimals, unscaled: the divisor 100 + rate in the rate's scale. */
    private static final long[] HUNDRED_UNSCALED = {100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L};

    /**
     * Whether {@code amount} (at the currency's {@code scale}) times a non-negative {@code rate}
     * with at most 6 decimals fits a long product (below 10^18) and 100 + rate a long divisor.
     */
    private static boolean fitsLongArithmetic(BigDecimal amount, BigDecimal rate, int scale) {
        return amount.scale() == scale && rate.signum() > 0 && rate.scale() >= 0
                && rate.scale() < HUNDRED_UNSCALED.length && amount.precision() + rate.precision() <= 18
                && rate.precision() <= 9;
    }

    /**
     * Adds {@code diff} (a whole number of minor units) to the nets of the amounts of group
     * {@code g}, one unit at a time, starting with the amounts whose exact net (amount × 100 /
     * (100 + rate)) was rounded furthest in the opposite direction; ties go to the earlier amount.
     */
    private static void spread(BigDecimal diff, Group g, Group[] groupOf, BigDecimal[] amounts, BigDecimal[] nets,
            int scale) {
        int count = 0;
        for (Group x : groupOf) {
            if (x == g) {
                count++;
            }
        }
        int[] members = new int[count];
        int k = 0;
        for (int i = 0; i < groupOf.length; i++) {
            if (groupOf[i] == g) {
                members[k++] = i;
            }
        }
        // residual x (100 + rate): exact net - rounded net, scaled by the group's constant divisor;
        // as longs in minor units when they fit (same order, same ties), else as BigDecimals
        long[] fast = longKeys(g.rate, members, amounts, nets, scale);
        BigDecimal[] key = new BigDecimal[fast == null ? count : 0];
        if (fast == null) {
            BigDecimal divisor = HUNDRED.add(g.rate);
            for (int m = 0; m < count; m++) {
                key[m] = amounts[members[m]].multiply(HUNDRED).subtract(nets[members[m]].multiply(divisor));
            }
        }
        boolean up = diff.signum() > 0;
        BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
        if (!up) {
            step = step.negate();
        }
        long units = diff.movePointRight(scale).abs().longValueExact();
        if (units * 8 < count) {
            // the usual case: a few units over many amounts; pick the best remaining ones by scanning
            boolean[] taken = new boolean[count];
            for (long u = 0; u < units; u++) {
                int best = -1;
                for (int m = 0; m < count; m++) {
                    if (!taken[m] && (best < 0 || (up ? compareKeys(fast, key, m, best) > 0
                            : compareKeys(fast, key, m, best) < 0))) {
                        best = m;
                    }
                }
                taken[best] = true;
                nets[members[best]] = nets[members[best]].add(step);
            }
            return;
        }
        Integer[] order = new Integer[count];
        for (int m = 0; m < count; m++) {
            order[m] = m;
        }
        Arrays.sort(order, up ? (x, y) -> compareKeys(fast, key, y, x) : (x, y) -> compareKeys(fast, key, x, y));
        for (long u = 0; u < units; u++) {
            int m = order[(int) (u % count)];
            nets[members[m]] = nets[members[m]].add(step);
        }
    }

    /** The unscaled value of an amount of at most 18 digits, without a BigInteger. */
    private static long unscaled(BigDecimal x) {
        return x.scaleByPowerOfTen(x.scale()).longValueExact();
    }

    private static int compareKeys(long @Nullable [] fast, BigDecimal[] key, int a, int b) {
        return fast != null ? Long.compare(fast[a], fast[b]) : key[a].compareTo(key[b]);
    }

    /**
     * The residual keys of {@link #spread} times 10^(scale + rate scale), as longs, or null when an
     * amount is not at the currency scale or a product might not fit.
     */
    private static long @Nullable [] longKeys(BigDecimal rate, int[] members, BigDecimal[] amounts, BigDecimal[] nets,
            int scale) {
        if (rate.signum() <= 0 || rate.scale() < 0 || rate.scale() >= HUNDRED_UNSCALED.length || rate.precision() > 9) {
            return null;
        }
        long hundred = HUNDRED_UNSCALED[rate.scale()];
        long divisor = hundred + unscaled(rate);
        long[] keys = new long[members.length];
        try {
            for (int m = 0; m < members.length; m++) {
                BigDecimal a = amounts[members[m]];
                BigDecimal n = nets[members[m]];
                if (a.scale() != scale || n.scale() != scale || a.precision() > 18 || n.precision() > 18) {
                    return null;
                }
                keys[m] = Math.subtractExact(Math.multiplyExact(unscaled(a), hundred),
                        Math.multiplyExact(unscaled(n), divisor));
            }
        } catch (ArithmeticException overflow) {
            return null;
        }
        return keys;
    }

    private static void requireOutOfScopeAlone(List<Group> order, List<TaxableAmount> lines,
            List<TaxableAmount> adjustments) {
        if (order.size() < 2) {
            return;
        }
        boolean hasO = false;
        for (Group g : order) {
            hasO |= g.treatment.category() == TaxCategory.O;
        }
        if (!hasO) {
            return;
        }
        List<String> others = new ArrayList<>();
        for (Group g : order) {
            if (g.treatment.category() != TaxCategory.O) {
                others.add(g.treatment.category() + " " + g.rate.toPlainString() + " %");
            }
        }
        String rule = "BR-O-11";
        for (TaxableAmount line : lines) {
            if (line.tax().category() != TaxCategory.O) {
                rule = "BR-O-12";
                break;
            }
        }
        if (rule.equals("BR-O-11")) {
            for (TaxableAmount adj : adjustments) {
                if (adj.tax().category() != TaxCategory.O) {
                    rule = adj.amount().isNegative() ? "BR-O-13" : "BR-O-14";
                    break;
                }
            }
        }
        throw new TaxCategoryRuleViolationException(rule, TaxCategory.O,
                "category O (not subject to VAT) must be the only category of a document, but it is mixed with "
                        + String.join(", ", others));
    }

    private static Group groupOf(Map<GroupKey, Group> groups, List<Group> order, TaxTreatment tax, int scale) {
        GroupKey key = new GroupKey(tax.category(), tax.rateOrZero());
        Group g = groups.get(key);
        if (g == null) {
            g = new Group(tax);
            groups.put(key, g);
            order.add(g);
        } else if (g.reason == null && tax.exemptionReason() != null) {
            g.reason = tax.exemptionReason();
        }
        return g;
    }

    private static BigDecimal amountIn(String code, Money amount) {
        if (!amount.currencyCode().equals(code)) {
            throw new CurrencyMismatchException(code, amount.currencyCode());
        }
        return amount.amount();
    }

    private static Money money(CurrencyUnit currency, BigDecimal amount) {
        return Money.of(currency, amount);
    }

    private static List<Money> monies(CurrencyUnit currency, BigDecimal[] amounts) {
        List<Money> out = new ArrayList<>(amounts.length);
        for (BigDecimal a : amounts) {
            out.add(Money.of(currency, a));
        }
        return out;
    }

    private static final Comparator<TaxSubtotal> BREAKDOWN_ORDER = Comparator
            .comparing((TaxSubtotal s) -> s.category().ordinal())
            .thenComparing(s -> s.ratePercent() == null ? BigDecimal.ZERO : s.ratePercent());

    private record GroupKey(TaxCategory category, BigDecimal rate) {
    }

    /** Mutable accumulator of one (category, rate) group; confined to one calculation. */
    private static final class Group {
        final TaxTreatment treatment;
        final BigDecimal rate;
        @Nullable String reason;
        int lineCount;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal netSum = BigDecimal.ZERO;
        BigDecimal perAmountTax = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal base = BigDecimal.ZERO;

        Group(TaxTreatment treatment) {
            this.treatment = treatment;
            this.rate = treatment.rateOrZero();
            this.reason = treatment.exemptionReason();
        }

        void add(BigDecimal amount) {
            sum = sum.add(amount);
        }
    }
}
