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
import java.util.function.IntBinaryOperator;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * The EN 16931 totals and VAT breakdown of a document, from its line amounts and its
 * document-level allowances and charges. By construction it satisfies BR-CO-10 to BR-CO-16 (the
 * document totals, the payable amount with the cash rounding amount BT-114), the rules 08 of each
 * category (one breakdown group per {@link VatGroup}, whose taxable amount is the group's nets)
 * and BR-CO-17 with the rules 09 (group tax = taxable amount × rate / 100, rounded half up once per
 * group; zero for the zero-rated categories). It refuses category O beside any other
 * (BR-O-11 to BR-O-14); the rules that need the parties are checked by {@link TaxRules}.
 *
 * <p>Under {@link TaxRoundingPolicy#PER_LINE} each amount's tax is rounded on its own and a
 * group's tax is their sum. Under {@link PriceBasis#GROSS} the amounts include tax and each
 * group keeps its gross exactly: tax = gross × rate / (100 + rate) rounded half up once per group
 * (per amount under PER_LINE), taxable amount = gross − tax, and the group's rounding remainder is
 * spread over its line nets. Both stay within the tolerance the CEN schematron allows BR-S-09;
 * {@code billing-core/doc/tax-rounding.md} shows how far and why.
 *
 * <p>Stateless and thread-safe. Null arguments throw {@link NullPointerException}.
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
     * @param documentAdjustments document-level allowances and charges, signed by their effect on the
     *     net, each marked with its kind ({@link TaxableAmount#charge()})
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
        TaxResult fast = LongTaxCalculation.calculate(currency, lines, documentAdjustments, basis, rounding,
                cashIncrement);
        return fast != null ? fast : exactCalculate(currency, lines, documentAdjustments, basis, rounding,
                cashIncrement);
    }

    /**
     * The rule in {@link BigDecimal}: what {@link #calculate} computes, for any input.
     * {@link LongTaxCalculation} gives the same result in {@code long} minor units where they suffice.
     */
    static TaxResult exactCalculate(CurrencyUnit currency, List<TaxableAmount> lines,
            List<TaxableAmount> documentAdjustments, PriceBasis basis, TaxRoundingPolicy rounding,
            @Nullable BigDecimal cashIncrement) {
        int scale = currency.getDefaultFractionDigits();
        String code = currency.getCurrencyCode();
        int n = lines.size();
        int m = documentAdjustments.size();

        // 1. group the amounts by VAT group, in first-seen order
        Groups groups = new Groups();
        Group[] lineGroup = new Group[n];
        Group[] adjGroup = new Group[m];
        BigDecimal[] lineAmount = new BigDecimal[n];
        BigDecimal[] adjAmount = new BigDecimal[m];
        for (int i = 0; i < n; i++) {
            TaxableAmount line = lines.get(i);
            lineAmount[i] = amountIn(code, line.amount());
            lineGroup[i] = groups.of(line.tax());
            lineGroup[i].add(lineAmount[i]);
            lineGroup[i].lineCount++;
        }
        for (int j = 0; j < m; j++) {
            TaxableAmount adj = documentAdjustments.get(j);
            adjAmount[j] = amountIn(code, adj.amount());
            adjGroup[j] = groups.of(adj.tax());
            adjGroup[j].add(adjAmount[j]);
        }
        List<Group> order = groups.order;
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
            if (!documentAdjustments.get(j).charge()) {
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
                    money(currency, g.tax), g.reason, g.reasonCode));
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
     * Tax contained in a gross amount: gross × rate / (100 + rate), rounded half-up. When some split
     * of {@code gross} into net + tax has {@code taxOf(net) == tax}, this is that split; some grosses
     * have none (EUR 5.98 at 19 %), and then {@code taxOf(gross − result)} is one minor unit off.
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

    /**
     * gross × rate / (100 + rate), rounded half up to {@code scale}; in {@code long} minor units
     * where they suffice ({@link LongMinorUnits}), with the same result.
     */
    private static BigDecimal includedTax(BigDecimal gross, BigDecimal rate, int scale) {
        if (rate.signum() == 0 || gross.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (LongMinorUnits.fits(gross, rate, scale)) {
            return LongMinorUnits.includedTax(gross, rate, scale);
        }
        return exactIncludedTax(gross, rate, scale);
    }

    /** The rule: gross × rate / (100 + rate), rounded half up to {@code scale}. */
    static BigDecimal exactIncludedTax(BigDecimal gross, BigDecimal rate, int scale) {
        return gross.multiply(rate).divide(HUNDRED.add(rate), scale, TAX_ROUNDING);
    }

    /**
     * Adds {@code diff} (a whole number of minor units) to the nets of the amounts of group
     * {@code g}, one unit at a time, starting with the amounts whose exact net (amount × 100 /
     * (100 + rate)) was rounded furthest in the opposite direction; ties go to the earlier amount.
     * If there are more units than amounts, each amount takes its share and the rest go as above.
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
        long[] fast = LongMinorUnits.residualKeys(g.rate, members, amounts, nets, scale);
        BigDecimal[] exact = fast == null ? residualKeys(g.rate, members, amounts, nets) : null;
        boolean up = diff.signum() > 0;
        // first the member that should take the next unit: the largest residual going up, the smallest going down
        IntBinaryOperator first = fast != null
                ? (a, b) -> up ? Long.compare(fast[b], fast[a]) : Long.compare(fast[a], fast[b])
                : (a, b) -> up ? exact[b].compareTo(exact[a]) : exact[a].compareTo(exact[b]);
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        long units = diff.movePointRight(scale).abs().longValueExact();
        BigDecimal each = unit.multiply(BigDecimal.valueOf(units / count));
        int rest = (int) (units % count);
        for (int r : firstOf(first, count, rest)) {
            nets[members[r]] = up ? nets[members[r]].add(unit) : nets[members[r]].subtract(unit);
        }
        if (each.signum() != 0) {
            for (int member : members) {
                nets[member] = up ? nets[member].add(each) : nets[member].subtract(each);
            }
        }
    }

    /**
     * The residual of each member: amount × 100 − net × (100 + rate), i.e. (exact net − rounded
     * net) times the group's constant divisor, which orders the members as the residuals do.
     */
    static BigDecimal[] residualKeys(BigDecimal rate, int[] members, BigDecimal[] amounts, BigDecimal[] nets) {
        BigDecimal divisor = HUNDRED.add(rate);
        BigDecimal[] keys = new BigDecimal[members.length];
        for (int m = 0; m < members.length; m++) {
            keys[m] = amounts[members[m]].multiply(HUNDRED).subtract(nets[members[m]].multiply(divisor));
        }
        return keys;
    }

    /**
     * The first {@code k} of {@code 0..count-1} in the order {@code first} (ties to the smaller
     * index), in that order: picked one by one when {@code k} is small against {@code count} (the
     * usual case: a few units over many amounts), else by a stable sort.
     */
    static int[] firstOf(IntBinaryOperator first, int count, int k) {
        int[] out = new int[k];
        if ((long) k * 8 < count) {
            boolean[] taken = new boolean[count];
            for (int u = 0; u < k; u++) {
                int best = -1;
                for (int c = 0; c < count; c++) {
                    if (!taken[c] && (best < 0 || first.applyAsInt(c, best) < 0)) {
                        best = c;
                    }
                }
                taken[best] = true;
                out[u] = best;
            }
            return out;
        }
        Integer[] order = new Integer[count];
        for (int c = 0; c < count; c++) {
            order[c] = c;
        }
        Arrays.sort(order, first::applyAsInt);
        for (int u = 0; u < k; u++) {
            out[u] = order[u];
        }
        return out;
    }

    static void requireOutOfScopeAlone(List<Group> order, List<TaxableAmount> lines,
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
                    rule = adj.charge() ? "BR-O-14" : "BR-O-13";
                    break;
                }
            }
        }
        throw new TaxCategoryRuleViolationException(rule, TaxCategory.O,
                "category O (not subject to VAT) must be the only category of a document, but it is mixed with "
                        + String.join(", ", others));
    }

    static BigDecimal amountIn(String code, Money amount) {
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

    static final Comparator<TaxSubtotal> BREAKDOWN_ORDER = Comparator
            .comparing((TaxSubtotal s) -> s.category().ordinal())
            .thenComparing(s -> s.ratePercent() == null ? BigDecimal.ZERO : s.ratePercent());

    /**
     * The groups of one calculation, in first-seen order. A document has a handful, so they are
     * scanned (a treatment is mostly the very instance seen before); past {@value #SCAN_LIMIT}
     * they are also indexed by {@link VatGroup}.
     */
    static final class Groups {
        private static final int SCAN_LIMIT = 8;

        final List<Group> order = new ArrayList<>();
        private @Nullable Map<VatGroup, Group> index;

        /** The group of {@code tax}, made if new; the first exemption reason (and code) given stays the group's. */
        Group of(TaxTreatment tax) {
            Group g = find(tax);
            if (g == null) {
                g = new Group(VatGroup.of(tax), tax);
                order.add(g);
                if (index != null) {
                    index.put(g.key, g);
                } else if (order.size() > SCAN_LIMIT) {
                    index = new HashMap<>();
                    for (Group x : order) {
                        index.put(x.key, x);
                    }
                }
            } else {
                if (g.reason == null && tax.exemptionReason() != null) {
                    g.reason = tax.exemptionReason();
                }
                if (g.reasonCode == null && tax.exemptionReasonCode() != null) {
                    g.reasonCode = tax.exemptionReasonCode();
                }
            }
            return g;
        }

        private @Nullable Group find(TaxTreatment tax) {
            if (index != null) {
                return index.get(VatGroup.of(tax));
            }
            // the very instance first: the lines of a document mostly share a few treatments
            for (Group g : order) {
                if (g.treatment == tax) {
                    return g;
                }
            }
            for (Group g : order) {
                if (g.key.contains(tax)) {
                    return g;
                }
            }
            return null;
        }
    }

    /** Mutable accumulator of one VAT group; confined to one calculation. */
    static final class Group {
        final VatGroup key;
        final TaxTreatment treatment;
        final BigDecimal rate;
        @Nullable String reason;
        @Nullable String reasonCode;
        int lineCount;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal netSum = BigDecimal.ZERO;
        BigDecimal perAmountTax = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal base = BigDecimal.ZERO;
        // the same sums in minor units, for LongTaxCalculation
        long sumMinor;
        long netSumMinor;
        long perAmountTaxMinor;
        long taxMinor;
        long baseMinor;
        long rateUnscaled;
        long hundredUnscaled;

        Group(VatGroup key, TaxTreatment treatment) {
            this.key = key;
            this.treatment = treatment;
            this.rate = treatment.rateOrZero();
            this.reason = treatment.exemptionReason();
            this.reasonCode = treatment.exemptionReasonCode();
        }

        void add(BigDecimal amount) {
            sum = sum.add(amount);
        }
    }
}
