package dev.billops.core.tax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.AllowanceCharge;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.testkit.gen.MoneyGens;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Properties of the EN 16931 engine over random invoices: any currency (JPY and BHD among them),
 * 1 to 500 lines, mixed categories and rates, line and document allowances and charges (amounts
 * and percentages), net and gross prices, both rounding policies, cash rounding. Every expected
 * value is recomputed here from the inputs with plain BigDecimal arithmetic, independently of
 * {@link TaxCalculator}.
 */
class TaxCalculatorPropertiesTest {

    /** What a property needs: the invoice and the engine's full result for it. */
    record Case(Invoice invoice, TaxResult result) {
        @Override
        public String toString() {
            return invoice.currency().getCurrencyCode() + " " + invoice.priceBasis() + " " + invoice.taxRounding()
                    + " cash=" + invoice.cashIncrement() + " lines=" + invoice.lines().size() + " adjustments="
                    + invoice.adjustments() + " breakdown=" + result.breakdown() + " totals=" + result.totals();
        }
    }

    private static final Gen<CurrencyUnit> CURRENCIES = Gen.frequency(
            Gen.weighted(3, MoneyGens.currencies()),
            Gen.weighted(1, Gen.oneOf("JPY", "BHD").map(Currencies::of)));

    private static final Gen<TaxTreatment> TREATMENTS = Gen.frequency(
            Gen.weighted(4, Gen.oneOf("19", "7", "20", "5.5", "8.1", "21", "10", "2.6", "25")
                    .map(r -> TaxTreatment.standard(new BigDecimal(r)))),
            Gen.weighted(1, MoneyGens.positiveVatRates().map(TaxTreatment::standard)),
            Gen.weighted(1, Gen.constant(TaxTreatment.zeroRated())),
            Gen.weighted(1, Gen.constant(TaxTreatment.exempt("Art. 132"))),
            Gen.weighted(1, Gen.constant(TaxTreatment.reverseCharge())),
            Gen.weighted(1, Gen.constant(TaxTreatment.intraCommunity())),
            Gen.weighted(1, Gen.constant(TaxTreatment.export())),
            Gen.weighted(1, Gen.constant(new TaxTreatment(TaxCategory.L, new BigDecimal("7"), null))),
            Gen.weighted(1, Gen.constant(new TaxTreatment(TaxCategory.M, new BigDecimal("4"), null))));

    private static final TaxTreatment OUT_OF_SCOPE = TaxTreatment.outOfScope("Not subject to VAT");

    private static final Gen<Integer> LINE_COUNTS = Gen.frequency(
            Gen.weighted(6, Gen.ints(1, 12)), Gen.weighted(3, Gen.ints(1, 100)), Gen.weighted(1, Gen.ints(400, 500)));

    /** The invoice-wide choices of a random invoice. */
    record Head(CurrencyUnit currency, boolean outOfScope, PriceBasis basis, TaxRoundingPolicy rounding) {
    }

    /** Random invoices and their results. */
    private static boolean hasRateOfAtLeast99(Case k) {
        BigDecimal limit = BigDecimal.valueOf(99);
        return k.invoice().lines().stream().anyMatch(l -> l.tax().rateOrZero().compareTo(limit) >= 0)
                || k.invoice().adjustments().stream().anyMatch(a -> a.tax().rateOrZero().compareTo(limit) >= 0);
    }

    static Gen<Case> cases() {
        return Gen.zip(CURRENCIES, Gen.ints(0, 14).map(k -> k == 0), Gen.enumValues(PriceBasis.class),
                Gen.enumValues(TaxRoundingPolicy.class), Head::new)
                .flatMap(head -> {
                    CurrencyUnit c = head.currency();
                    Gen<TaxTreatment> taxes = head.outOfScope() ? Gen.constant(OUT_OF_SCOPE) : TREATMENTS;
                    Gen<List<InvoiceLine>> lines = LINE_COUNTS.flatMap(n -> Gen.listOf(lines(c, taxes), n, n));
                    Gen<List<AllowanceCharge>> adjustments = Gen.listOf(adjustments(c, taxes), 0, 4);
                    // 0: no cash rounding, 1: to 0.05 (currencies with cents), 2: to whole units
                    Gen<Integer> cash = Gen.frequency(Gen.weighted(4, Gen.constant(0)), Gen.weighted(1, Gen.ints(1, 2)));
                    return Gen.zip(lines, adjustments, cash, (l, a, inc) -> build(c, l, a, head.basis(),
                            head.rounding(), inc == 0 ? null : inc == 1 && c.getDefaultFractionDigits() >= 2
                                    ? new BigDecimal("0.05") : BigDecimal.ONE));
                });
    }

    /** One line's quantity, price and base quantity. */
    record Pricing(BigDecimal quantity, UnitPrice price, BigDecimal baseQuantity) {
    }

    private static Gen<InvoiceLine> lines(CurrencyUnit c, Gen<TaxTreatment> taxes) {
        Gen<BigDecimal> quantities = Gen.frequency(Gen.weighted(7, MoneyGens.quantities()),
                Gen.weighted(1, MoneyGens.quantities().map(BigDecimal::negate)));
        Gen<BigDecimal> baseQuantities = Gen.frequency(Gen.weighted(5, Gen.constant(BigDecimal.ONE)),
                Gen.weighted(1, Gen.ints(2, 1000).map(BigDecimal::valueOf)));
        Gen<List<AllowanceCharge>> lineAcs = Gen.frequency(Gen.weighted(4, Gen.constant(List.<AllowanceCharge>of())),
                Gen.weighted(1, Gen.listOf(Gen.zip(Gen.booleans(), MoneyGens.money(c, BigDecimal.ZERO,
                        new BigDecimal("200")), (charge, amount) -> charge ? AllowanceCharge.charge(amount, "surcharge")
                        : AllowanceCharge.allowance(amount, "discount")), 1, 2)));
        return Gen.zip(Gen.zip(quantities, MoneyGens.unitPrices(c), baseQuantities, Pricing::new), taxes, lineAcs,
                (p, tax, acs) -> new InvoiceLine(1, "work", p.quantity(), UnitCode.HOUR, p.price(), p.baseQuantity(),
                        acs, tax, null, List.of(), null, null, null, null));
    }

    /** Document-level allowances and charges: half of them percentages (0 stands for "an amount"). */
    private static Gen<AllowanceCharge> adjustments(CurrencyUnit c, Gen<TaxTreatment> taxes) {
        Gen<Money> amounts = MoneyGens.money(c, BigDecimal.ZERO, new BigDecimal("100000"));
        Gen<BigDecimal> percents = Gen.frequency(Gen.weighted(1, Gen.constant(BigDecimal.ZERO)),
                Gen.weighted(1, Gen.bigDecimals(new BigDecimal("0.01"), new BigDecimal("50"), 2)));
        return Gen.zip(Gen.booleans(), amounts, percents, taxes, (charge, amount, percent, tax) -> {
            if (percent.signum() == 0) {
                return charge ? AllowanceCharge.charge(amount, "adjustment", tax)
                        : AllowanceCharge.allowance(amount, "adjustment", tax);
            }
            return charge ? AllowanceCharge.chargePercent(percent, amount, "adjustment", tax)
                    : AllowanceCharge.allowancePercent(percent, amount, "adjustment", tax);
        });
    }

    private static Case build(CurrencyUnit c, List<InvoiceLine> lines, List<AllowanceCharge> adjustments,
            PriceBasis basis, TaxRoundingPolicy rounding, @Nullable BigDecimal cash) {
        Invoice inv = Invoice.draft(InvoiceId.of("p"), ClientId.of("c"), c, InvoiceSource.MANUAL)
                .withPricing(basis, rounding, cash).withLines(lines).withAdjustments(adjustments);
        List<TaxableAmount> lineAmounts = new ArrayList<>();
        for (InvoiceLine l : inv.lines()) {
            lineAmounts.add(new TaxableAmount(l.netAmount(), l.tax()));
        }
        List<TaxableAmount> adj = new ArrayList<>();
        for (AllowanceCharge a : inv.adjustments()) {
            adj.add(new TaxableAmount(a.signedAmount(), a.tax()));
        }
        return new Case(inv, TaxCalculator.calculate(c, lineAmounts, adj, basis, rounding, cash));
    }

    // ---- properties -----------------------------------------------------------------------------

    @Test
    @DisplayName("BT-131: line net = quantity x price / base quantity rounded half-up, - allowances + charges")
    void lineNet_anyLine_roundedExactProductPlusAdjustments() {
        Property.forAll(cases()).tries(100).verify(k -> {
            for (InvoiceLine l : k.invoice().lines()) {
                BigDecimal exact = l.quantity().multiply(l.price().amount());
                BigDecimal rounded = l.grossLineAmount().amount();
                // |exact / base - rounded| <= half a unit  <=>  2 |exact - rounded x base| <= unit x base
                BigDecimal unit = BigDecimal.ONE.movePointLeft(k.invoice().currency().getDefaultFractionDigits());
                BigDecimal err = exact.subtract(rounded.multiply(l.baseQuantity())).abs().multiply(BigDecimal.valueOf(2));
                assertTrue(err.compareTo(unit.multiply(l.baseQuantity())) <= 0, () -> l + " rounded to " + rounded);
                BigDecimal net = rounded;
                for (AllowanceCharge ac : l.allowancesCharges()) {
                    net = ac.charge() ? net.add(ac.amount().amount()) : net.subtract(ac.amount().amount());
                }
                assertEquals(0, net.compareTo(l.netAmount().amount()));
            }
        });
    }

    @Test
    @DisplayName("BR-CO-10 BR-CO-11 BR-CO-12 BR-CO-13 BR-CO-14 BR-CO-15 BR-CO-16 hold to the minor unit")
    void totals_anyInvoice_brCoIdentitiesExact() {
        Property.forAll(cases()).verify(k -> {
            TaxResult r = k.result();
            Totals t = r.totals();
            CurrencyUnit c = k.invoice().currency();
            assertEquals(t, k.invoice().totals(), "the invoice holds the engine's totals");
            assertEquals(sum(c, r.lineNets()), t.lineNetTotal(), "BR-CO-10");
            Money allowances = Money.zero(c);
            Money charges = Money.zero(c);
            for (int j = 0; j < r.adjustmentNets().size(); j++) {
                if (k.invoice().adjustments().get(j).charge()) {
                    charges = charges.plus(r.adjustmentNets().get(j));
                } else {
                    allowances = allowances.minus(r.adjustmentNets().get(j));
                }
            }
            assertEquals(allowances, t.allowanceTotal(), "BR-CO-11");
            assertEquals(charges, t.chargeTotal(), "BR-CO-12");
            assertEquals(t.lineNetTotal().minus(t.allowanceTotal()).plus(t.chargeTotal()), t.taxExclusive(), "BR-CO-13");
            Money taxes = Money.zero(c);
            for (TaxSubtotal g : r.breakdown()) {
                taxes = taxes.plus(g.taxAmount());
            }
            assertEquals(taxes, t.taxTotal(), "BR-CO-14");
            assertEquals(t.taxExclusive().plus(t.taxTotal()), t.taxInclusive(), "BR-CO-15");
            assertEquals(t.taxInclusive().plus(t.roundingAmount()), t.payable(), "BR-CO-16");
            PayableRounding rounding = k.invoice().cashIncrement();
            if (rounding == null) {
                assertTrue(t.roundingAmount().isZero());
            } else if (rounding instanceof PayableRounding.CashIncrement cash) {
                BigDecimal inc = cash.increment();
                assertEquals(0, t.payable().amount().remainder(inc).signum(), "payable is a multiple of " + inc);
                assertTrue(t.roundingAmount().amount().abs().multiply(BigDecimal.valueOf(2)).compareTo(inc) <= 0,
                        "rounding amount at most half the increment");
            } else if (rounding instanceof PayableRounding.Amount a) {
                // an explicit rounding amount is taken as set, and is less than one currency unit
                assertEquals(a.amount(), t.roundingAmount(), "BT-114 as set");
                assertTrue(a.amount().amount().abs().compareTo(BigDecimal.ONE) < 0);
            }
        });
    }

    @Test
    @DisplayName("BR-CO-16: amount due = payable - paid for any partial payment")
    void amountDue_anyPartialPayment_payableMinusPaid() {
        Property.forAll(cases().filter(k -> k.invoice().totals().payable().isPositive()), Gen.ints(0, 100))
                .tries(100).verify((k, percent) -> {
                    Invoice inv = Transitions.issuedAs(k.invoice(), "N-1", LocalDate.of(2026, 1, 1),
                            LocalDate.of(2026, 1, 31));
                    Money paid = inv.totals().payable().percentage(BigDecimal.valueOf(percent), RoundingMode.DOWN);
                    Invoice settled = Transitions.withSettlement(inv, paid, Money.zero(inv.currency()));
                    assertEquals(inv.totals().payable().minus(paid), settled.amountDue());
                });
    }

    @Test
    @DisplayName("BR-S-08 BR-Z-08 BR-E-08 BR-AE-08 BR-IC-08 BR-G-08 BR-O-08 BR-IG-08 BR-IP-08: one group per"
            + " (category, rate), base = its nets; BR-Z-09 BR-E-09 BR-AE-09 BR-IC-09 BR-G-09 BR-O-09: zero tax")
    void breakdown_anyInvoice_oneGroupPerCategoryAndRateWithItsNets() {
        Property.forAll(cases()).verify(k -> {
            TaxResult r = k.result();
            CurrencyUnit c = k.invoice().currency();
            Map<String, Money> expected = new HashMap<>();
            for (int i = 0; i < r.lineNets().size(); i++) {
                expected.merge(key(k.invoice().lines().get(i).tax()), r.lineNets().get(i), Money::plus);
            }
            for (int j = 0; j < r.adjustmentNets().size(); j++) {
                expected.merge(key(k.invoice().adjustments().get(j).tax()), r.adjustmentNets().get(j), Money::plus);
            }
            Set<String> seen = new HashSet<>();
            Money bases = Money.zero(c);
            for (TaxSubtotal g : r.breakdown()) {
                String key = g.category() + "/" + (g.ratePercent() == null ? "-" : g.ratePercent().stripTrailingZeros()
                        .toPlainString());
                assertTrue(seen.add(key), "one group per category and rate: " + key + " twice");
                assertEquals(expected.get(key), g.taxableAmount(), "BT-116 of " + key);
                bases = bases.plus(g.taxableAmount());
                if (g.category().isZeroRated()) {
                    assertTrue(g.taxAmount().isZero(), g.category().rule(9) + ": tax of " + key);
                }
            }
            assertEquals(expected.keySet(), seen, "every (category, rate) used has its group");
            assertEquals(r.totals().taxExclusive(), bases, "the groups add up to the tax-exclusive total");
        });
    }

    @Test
    @DisplayName("BR-CO-17 BR-S-09 BR-IG-09 BR-IP-09: per-group net tax = round(base x rate / 100), exactly")
    void groupTax_netPerGroup_exactlyRoundedOnce() {
        Property.forAll(cases().filter(k -> k.invoice().priceBasis() == PriceBasis.NET
                && k.invoice().taxRounding() == TaxRoundingPolicy.PER_GROUP)).verify(k -> {
                    for (TaxSubtotal g : k.result().breakdown()) {
                        BigDecimal rate = g.ratePercent() == null ? BigDecimal.ZERO : g.ratePercent();
                        BigDecimal expected = g.taxableAmount().amount().multiply(rate).divide(BigDecimal.valueOf(100))
                                .setScale(scale(k), RoundingMode.HALF_UP);
                        assertEquals(0, expected.compareTo(g.taxAmount().amount()), g.toString());
                    }
                    assertTrue(ruleNines(k).isEmpty(), () -> ruleNines(k).toString());
                });
    }

    @Test
    @DisplayName("BR-CO-17 BR-CO-14: per-line policy = sum of each amount's rounded tax")
    void groupTax_perLinePolicy_sumOfRoundedAmountTaxes() {
        Property.forAll(cases().filter(k -> k.invoice().taxRounding() == TaxRoundingPolicy.PER_LINE)).verify(k -> {
            Map<String, BigDecimal> expected = new HashMap<>();
            boolean gross = k.invoice().priceBasis() == PriceBasis.GROSS;
            List<TaxableAmount> all = new ArrayList<>();
            for (InvoiceLine l : k.invoice().lines()) {
                all.add(new TaxableAmount(l.netAmount(), l.tax()));
            }
            for (AllowanceCharge a : k.invoice().adjustments()) {
                all.add(new TaxableAmount(a.signedAmount(), a.tax()));
            }
            for (TaxableAmount a : all) {
                BigDecimal rate = a.tax().rateOrZero();
                BigDecimal divisor = gross ? BigDecimal.valueOf(100).add(rate) : BigDecimal.valueOf(100);
                BigDecimal tax = a.amount().amount().multiply(rate).divide(divisor, scale(k), RoundingMode.HALF_UP);
                expected.merge(key(a.tax()), tax, BigDecimal::add);
            }
            for (TaxSubtotal g : k.result().breakdown()) {
                String key = g.category() + "/" + (g.ratePercent() == null ? "-" : g.ratePercent().stripTrailingZeros()
                        .toPlainString());
                assertEquals(0, expected.get(key).compareTo(g.taxAmount().amount()), key);
            }
        });
    }

    @Test
    @DisplayName("BR-CO-15 BR-S-08 BR-S-09: tax-inclusive prices keep the gross; tax within one unit of BR-CO-17")
    void grossPrices_anyInvoice_grossKeptPerGroupAndInTotal() {
        // Excluded: rates of 99 % and more in a currency without minor units. There the split closest to
        // gross x rate / (100 + rate) can be 0.9995 units off taxable x rate / 100, which the schematron
        // rounds to 1.00, outside its slack, and no other split does better (seed -6190659272980464553:
        // JPY at 99.9 %); the TaxCalculator class comment says so. No VAT rate in use comes near.
        Property.forAll(cases().filter(k -> k.invoice().priceBasis() == PriceBasis.GROSS
                && !(k.invoice().currency().getDefaultFractionDigits() == 0 && hasRateOfAtLeast99(k)))).verify(k -> {
            CurrencyUnit c = k.invoice().currency();
            Map<String, Money> gross = new HashMap<>();
            Money total = Money.zero(c);
            for (InvoiceLine l : k.invoice().lines()) {
                gross.merge(key(l.tax()), l.netAmount(), Money::plus);
                total = total.plus(l.netAmount());
            }
            for (AllowanceCharge a : k.invoice().adjustments()) {
                gross.merge(key(a.tax()), a.signedAmount(), Money::plus);
                total = total.plus(a.signedAmount());
            }
            assertEquals(total, k.result().totals().taxInclusive(), "the gross shown is the gross charged");
            BigDecimal unit = BigDecimal.ONE.movePointLeft(scale(k));
            for (TaxSubtotal g : k.result().breakdown()) {
                String key = g.category() + "/" + (g.ratePercent() == null ? "-" : g.ratePercent().stripTrailingZeros()
                        .toPlainString());
                assertEquals(gross.get(key), g.taxableAmount().plus(g.taxAmount()), "gross of " + key);
                if (k.invoice().taxRounding() == TaxRoundingPolicy.PER_GROUP) {
                    BigDecimal rate = g.ratePercent() == null ? BigDecimal.ZERO : g.ratePercent();
                    BigDecimal brCo17 = g.taxableAmount().amount().multiply(rate).divide(BigDecimal.valueOf(100))
                            .setScale(scale(k), RoundingMode.HALF_UP);
                    assertTrue(brCo17.subtract(g.taxAmount().amount()).abs().compareTo(unit) <= 0, g.toString());
                }
            }
            if (k.invoice().taxRounding() == TaxRoundingPolicy.PER_GROUP) {
                assertTrue(ruleNines(k).isEmpty(), () -> ruleNines(k).toString());
                // the group's rounding remainder is spread: in a group with more lines than
                // allowances/charges, no line net is more than 1.5 units from its exact net
                Map<String, Integer> balance = new HashMap<>();
                for (InvoiceLine l : k.invoice().lines()) {
                    balance.merge(key(l.tax()), 1, Integer::sum);
                }
                for (AllowanceCharge a : k.invoice().adjustments()) {
                    balance.merge(key(a.tax()), -1, Integer::sum);
                }
                BigDecimal limit = unit.multiply(new BigDecimal("1.5"));
                for (int i = 0; i < k.invoice().lines().size(); i++) {
                    InvoiceLine l = k.invoice().lines().get(i);
                    if (balance.get(key(l.tax())) < 1) {
                        continue;
                    }
                    BigDecimal exact = l.netAmount().amount().multiply(BigDecimal.valueOf(100))
                            .divide(BigDecimal.valueOf(100).add(l.tax().rateOrZero()), 12, RoundingMode.HALF_UP);
                    BigDecimal off = exact.subtract(k.result().lineNets().get(i).amount()).abs();
                    assertTrue(off.compareTo(limit) <= 0, "line " + (i + 1) + " net " + k.result().lineNets().get(i)
                            + " is " + off + " from its exact net " + exact);
                }
            }
        });
    }

    @Test
    @DisplayName("BR-CO-15 BR-S-09: net -> gross -> net round trip keeps every line net and the gross")
    void grossPrices_netInvoiceRepricedAtItsGross_sameNetsTaxAndGross() {
        // price each line at its own gross (net + its rounded tax) and compute tax-inclusive per line:
        // (net, tax) is a split of that gross that satisfies BR-S-09, and the engine finds exactly it
        Property.forAll(cases().filter(k -> k.invoice().priceBasis() == PriceBasis.NET
                && k.invoice().taxRounding() == TaxRoundingPolicy.PER_LINE && k.invoice().adjustments().isEmpty()))
                .tries(100).verify(k -> {
                    CurrencyUnit c = k.invoice().currency();
                    List<TaxableAmount> grossLines = new ArrayList<>();
                    for (InvoiceLine l : k.invoice().lines()) {
                        Money net = l.netAmount();
                        grossLines.add(new TaxableAmount(net.plus(TaxCalculator.taxOf(net, l.tax().rateOrZero())),
                                l.tax()));
                    }
                    TaxResult back = TaxCalculator.calculate(c, grossLines, List.of(), PriceBasis.GROSS,
                            TaxRoundingPolicy.PER_LINE, null);
                    assertEquals(k.result().lineNets(), back.lineNets());
                    assertEquals(k.result().totals().taxTotal(), back.totals().taxTotal());
                    assertEquals(k.result().totals().taxInclusive(), back.totals().taxInclusive());
                    TaxResult perGroup = TaxCalculator.calculate(c, grossLines, List.of(), PriceBasis.GROSS,
                            TaxRoundingPolicy.PER_GROUP, null);
                    assertEquals(k.result().totals().taxInclusive(), perGroup.totals().taxInclusive());
                });
    }

    private static List<TaxRuleViolation> ruleNines(Case k) {
        List<TaxRuleViolation> nines = new ArrayList<>();
        for (TaxRuleViolation v : TaxRules.violations(new TaxedDocument(List.of(), List.of(), List.of(),
                k.result().breakdown(), null, null, true, null))) {
            if (v.ruleId().endsWith("-09")) {
                nines.add(v);
            }
        }
        return nines;
    }

    private static int scale(Case k) {
        return k.invoice().currency().getDefaultFractionDigits();
    }

    private static String key(@Nullable TaxTreatment t) {
        TaxTreatment tax = java.util.Objects.requireNonNull(t, "tax");
        return tax.category() + "/" + (tax.ratePercent() == null ? "-" : tax.ratePercent().toPlainString());
    }

    private static Money sum(CurrencyUnit c, List<Money> amounts) {
        Money s = Money.zero(c);
        for (Money m : amounts) {
            s = s.plus(m);
        }
        return s;
    }
}
