package dev.billops.core.invoice;

import dev.billops.core.internal.invoice.DocumentAdjustments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.tax.PriceBasis;
import dev.billops.core.tax.TaxCategory;
import dev.billops.core.tax.TaxCategoryRuleViolationException;
import dev.billops.core.tax.TaxRoundingPolicy;
import dev.billops.core.tax.TaxRules;
import dev.billops.core.tax.TaxSubtotal;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.tax.TaxedDocument;
import dev.billops.core.tax.Totals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Example invoices for the EN 16931 engine ({@link dev.billops.core.tax.TaxCalculator}) whose
 * totals are worked out by hand in each test: the arithmetic is written in the comments and the
 * expected values are typed in, never computed by the code under test. Display names list the
 * rules each example checks. (In this package because it builds invoices, and the tax package may
 * not depend on invoice, not even from tests.)
 */
class InvoiceTotalsExamplesTest {

    private static final CurrencyUnit EUR = Currencies.of("EUR");
    private static final CurrencyUnit JPY = Currencies.of("JPY");
    private static final CurrencyUnit BHD = Currencies.of("BHD");
    private static final CurrencyUnit CHF = Currencies.of("CHF");

    @Test
    @DisplayName("BR-CO-10 BR-CO-13 BR-CO-14 BR-CO-15 BR-S-08 BR-S-09: one 19 % line")
    void calculate_singleStandardLine_totalsByHand() {
        // 10 h x 95.00 = 950.00; tax 950.00 x 19 % = 180.50; gross 1130.50
        Invoice inv = invoice(EUR, line(1, "10", "95.00", vat("19")));
        assertTotals(inv, "950.00", "0.00", "0.00", "950.00", "180.50", "1130.50", "0.00", "1130.50");
        assertGroup(inv, 0, TaxCategory.S, "19", "950.00", "180.50");
    }

    @Test
    @DisplayName("BR-CO-10 BR-CO-14 BR-CO-15 BR-S-08 BR-S-09 BR-Z-08 BR-Z-09: mixed 19 % / 7 % / 0 % invoice")
    void calculate_mixed19And7And0_oneGroupPerRate() {
        // 19 %: 3 x 33.33 = 99.99 and 1.5 x 20.01 = 30.015 -> 30.02; base 130.01; tax 24.7019 -> 24.70
        //  7 %: 2 x 12.345 = 24.69; tax 1.7283 -> 1.73
        //  0 % (Z): 1 x 50.00 = 50.00; tax 0.00
        // line nets 99.99 + 30.02 + 24.69 + 50.00 = 204.70; tax 24.70 + 1.73 = 26.43; gross 231.13
        Invoice inv = invoice(EUR,
                line(1, "3", "33.33", vat("19")),
                line(2, "2", "12.345", vat("7")),
                line(3, "1", "50.00", TaxTreatment.zeroRated()),
                line(4, "1.5", "20.01", vat("19")));
        assertEquals(List.of(eur("99.99"), eur("24.69"), eur("50.00"), eur("30.02")), inv.lineNets());
        assertTotals(inv, "204.70", "0.00", "0.00", "204.70", "26.43", "231.13", "0.00", "231.13");
        assertEquals(3, inv.taxBreakdown().size());
        assertGroup(inv, 0, TaxCategory.S, "7", "24.69", "1.73");
        assertGroup(inv, 1, TaxCategory.S, "19", "130.01", "24.70");
        assertGroup(inv, 2, TaxCategory.Z, "0", "50.00", "0.00");
    }

    @Test
    @DisplayName("BR-AE-08 BR-AE-09 BR-AE-10 BR-AE-02: reverse-charge invoice")
    void calculate_reverseCharge_noTaxAndBothVatIdsRequired() {
        // 20 h x 120.00 = 2400.00, category AE at 0 %: tax 0.00, gross 2400.00
        Invoice inv = invoice(EUR, line(1, "20", "120.00", TaxTreatment.reverseCharge()));
        assertTotals(inv, "2400.00", "0.00", "0.00", "2400.00", "0.00", "2400.00", "0.00", "2400.00");
        assertGroup(inv, 0, TaxCategory.AE, "0", "2400.00", "0.00");
        assertEquals("Reverse charge", inv.taxBreakdown().get(0).exemptionReason());

        TaxRules.validate(doc(inv, "DE123456789", "FR12345678901"));
        TaxCategoryRuleViolationException e = assertThrows(TaxCategoryRuleViolationException.class,
                () -> TaxRules.validate(doc(inv, "DE123456789", null)));
        assertEquals("BR-AE-02", e.ruleId());
    }

    @Test
    @DisplayName("BR-CO-10 BR-CO-14 BR-CO-15 BR-S-09: JPY invoice with 10 % and 8 %, no decimals")
    void calculate_yen_roundsToWholeYen() {
        // 7.5 h x 12345 = 92587.5 -> 92588 (half-up); tax 10 %: 9258.8 -> 9259
        // 3 x 999 = 2997 at 8 %: tax 239.76 -> 240
        // nets 92588 + 2997 = 95585; tax 9259 + 240 = 9499; gross 105084
        Invoice inv = invoice(JPY, line(1, "7.5", "12345", vat("10")), line(2, "3", "999", vat("8")));
        assertEquals(List.of(Money.of(JPY, "92588"), Money.of(JPY, "2997")), inv.lineNets());
        assertEquals(Money.of(JPY, "95585"), inv.totals().lineNetTotal());
        assertEquals(Money.of(JPY, "9499"), inv.totals().taxTotal());
        assertEquals(Money.of(JPY, "105084"), inv.totals().taxInclusive());
        assertEquals(Money.of(JPY, "240"), inv.taxBreakdown().get(0).taxAmount());
        assertEquals(Money.of(JPY, "9259"), inv.taxBreakdown().get(1).taxAmount());
    }

    @Test
    @DisplayName("BR-CO-11 BR-CO-13 BR-S-08 BR-S-09: 10 % document discount spread over 19 % and 7 %")
    void calculate_percentDiscountOverTwoRates_oneAllowancePerRate() {
        // 19 %: 10 x 100.00 = 1000.00; 7 %: 4 x 50.00 = 200.00; line nets 1200.00
        // 10 % of each group: 100.00 (19 %) and 20.00 (7 %); allowances 120.00; tax-exclusive 1080.00
        // 19 %: base 900.00, tax 171.00; 7 %: base 180.00, tax 12.60; tax 183.60; gross 1263.60
        Invoice inv = invoice(EUR, line(1, "10", "100.00", vat("19")), line(2, "4", "50.00", vat("7")));
        List<AllowanceCharge> discounts = DocumentAdjustments.percentOfEachGroup(inv, false, new BigDecimal("10"),
                "loyalty discount");
        assertEquals(2, discounts.size());
        assertEquals(eur("100.00"), discounts.get(0).amount());
        assertEquals(eur("1000.00"), discounts.get(0).baseAmount());
        assertEquals(eur("20.00"), discounts.get(1).amount());
        inv = inv.withAdjustments(discounts);
        assertTotals(inv, "1200.00", "120.00", "0.00", "1080.00", "183.60", "1263.60", "0.00", "1263.60");
        assertGroup(inv, 0, TaxCategory.S, "7", "180.00", "12.60");
        assertGroup(inv, 1, TaxCategory.S, "19", "900.00", "171.00");
    }

    @Test
    @DisplayName("BR-CO-11 BR-CO-13 BR-S-08 BR-S-09: fixed 50.00 discount split 1000 : 200 over two rates")
    void calculate_amountDiscountOverTwoRates_splitByLineAmounts() {
        // 50.00 x 1000/1200 = 41.666.. and 50.00 x 200/1200 = 8.333..: floors 41.66 + 8.33 = 49.99,
        // the left-over cent goes to the larger remainder (0.67 > 0.33): 41.67 and 8.33
        // 19 %: base 1000.00 - 41.67 = 958.33, tax 182.0827 -> 182.08
        //  7 %: base  200.00 -  8.33 = 191.67, tax  13.4169 ->  13.42
        // tax-exclusive 1150.00; tax 195.50; gross 1345.50
        Invoice inv = invoice(EUR, line(1, "10", "100.00", vat("19")), line(2, "4", "50.00", vat("7")));
        inv = inv.withAdjustments(DocumentAdjustments.spreadOverGroups(inv, false, eur("50.00"), "goodwill"));
        assertEquals(eur("41.67"), inv.adjustments().get(0).amount());
        assertEquals(eur("8.33"), inv.adjustments().get(1).amount());
        assertTotals(inv, "1200.00", "50.00", "0.00", "1150.00", "195.50", "1345.50", "0.00", "1345.50");
        assertGroup(inv, 0, TaxCategory.S, "7", "191.67", "13.42");
        assertGroup(inv, 1, TaxCategory.S, "19", "958.33", "182.08");
    }

    @Test
    @DisplayName("BR-CO-10 BR-CO-15 BR-S-09: BHD invoice with three decimals")
    void calculate_bahrainiDinar_threeDecimals() {
        // 2.5 x 10.125 = 25.3125 -> 25.313; tax 10 %: 2.5313 -> 2.531; gross 27.844
        Invoice inv = invoice(BHD, line(1, "2.5", "10.125", vat("10")));
        assertEquals(Money.of(BHD, "25.313"), inv.totals().lineNetTotal());
        assertEquals(Money.of(BHD, "2.531"), inv.totals().taxTotal());
        assertEquals(Money.of(BHD, "27.844"), inv.totals().taxInclusive());
    }

    @Test
    @DisplayName("BR-CO-15 BR-S-08 BR-S-09: tax-inclusive consumer prices keep the gross")
    void calculate_grossPrices_grossKeptAndNetDerived() {
        // 3 x 11.90 = 35.70 gross at 19 %: tax 35.70 x 19/119 = 5.70, net 30.00
        // 1 x 10.70 gross at 7 %: tax 10.70 x 7/107 = 0.70, net 10.00
        // line nets 40.00; tax 6.40; gross 46.40 = 35.70 + 10.70
        Invoice inv = invoice(EUR, line(1, "3", "11.90", vat("19")), line(2, "1", "10.70", vat("7")))
                .withPricing(PriceBasis.GROSS, TaxRoundingPolicy.PER_GROUP, null);
        assertEquals(List.of(eur("30.00"), eur("10.00")), inv.lineNets());
        assertTotals(inv, "40.00", "0.00", "0.00", "40.00", "6.40", "46.40", "0.00", "46.40");
    }

    @Test
    @DisplayName("BR-CO-10 BR-CO-15 BR-S-08 BR-S-09: gross 5.98 at 19 % has no exact split; off by one cent")
    void calculate_grossWithoutExactSplit_keepsGrossAndSpreadsTheCent() {
        // each 2.99: tax 2.99 x 19/119 = 0.4774 -> 0.48, net 2.51; sum of line nets 5.02
        // group 5.98: tax 5.98 x 19/119 = 0.9548 -> 0.95, base 5.03; 5.03 x 19 % = 0.9557 -> 0.96 (one cent off,
        // no split of 5.98 is exact); the group needs nets of 5.03, so the first line gets the cent: 2.52 + 2.51
        Invoice inv = invoice(EUR, line(1, "1", "2.99", vat("19")), line(2, "1", "2.99", vat("19")))
                .withPricing(PriceBasis.GROSS, TaxRoundingPolicy.PER_GROUP, null);
        assertEquals(List.of(eur("2.52"), eur("2.51")), inv.lineNets());
        assertTotals(inv, "5.03", "0.00", "0.00", "5.03", "0.95", "5.98", "0.00", "5.98");
        assertEquals(List.of(), TaxRules.violations(doc(inv, "DE1", null)), "one cent is inside BR-S-09's tolerance");
    }

    @Test
    @DisplayName("BR-CO-16: CHF cash rounding to 0.05 (rounding amount BT-114)")
    void calculate_cashIncrement_roundingAmountOnPayable() {
        // 1 x 10.03 at 8.1 %: tax 0.81243 -> 0.81; gross 10.84; to 0.05: 10.85, rounding +0.01
        Invoice inv = invoice(CHF, line(1, "1", "10.03", vat("8.1")))
                .withPricing(PriceBasis.NET, TaxRoundingPolicy.PER_GROUP, new BigDecimal("0.05"));
        assertEquals(Money.of(CHF, "10.84"), inv.totals().taxInclusive());
        assertEquals(Money.of(CHF, "0.01"), inv.totals().roundingAmount());
        assertEquals(Money.of(CHF, "10.85"), inv.totals().payable());
    }

    @Test
    @DisplayName("BR-CO-10 BR-S-09: line net with base quantity, line allowance and line charge (BT-131)")
    void calculate_baseQuantityAndLineAllowanceCharge_lineNetByHand() {
        // price 250.00 per 100 pieces, 37 pieces: 37 x 250.00 / 100 = 92.50
        // minus line allowance 5.00 plus line charge 1.25: 88.75; tax 19 %: 16.8625 -> 16.86; gross 105.61
        InvoiceLine l = new InvoiceLine(1, "Screws", new BigDecimal("37"), UnitCode.PIECE,
                UnitPrice.of(EUR, "250.00"), new BigDecimal("100"),
                List.of(AllowanceCharge.allowance(eur("5.00"), "damaged box"),
                        AllowanceCharge.charge(eur("1.25"), "packing")),
                vat("19"), null, List.of(), null, null, null, null);
        Invoice inv = invoice(EUR, l);
        assertEquals(eur("92.50"), l.grossLineAmount());
        assertTotals(inv, "88.75", "0.00", "0.00", "88.75", "16.86", "105.61", "0.00", "105.61");
    }

    @Test
    @DisplayName("BR-CO-12 BR-CO-13 BR-S-08: document-level charge with its own rate")
    void calculate_documentChargeAtOtherRate_ownGroup() {
        // books 7 %: 4 x 25.00 = 100.00, tax 7.00; shipping charge 15.00 at 19 %: its own group, tax 2.85
        // line nets 100.00, charges 15.00, tax-exclusive 115.00, tax 9.85, gross 124.85
        Invoice inv = invoice(EUR, line(1, "4", "25.00", vat("7")))
                .withAdjustments(List.of(AllowanceCharge.charge(eur("15.00"), "shipping", vat("19"))));
        assertTotals(inv, "100.00", "0.00", "15.00", "115.00", "9.85", "124.85", "0.00", "124.85");
        assertGroup(inv, 0, TaxCategory.S, "7", "100.00", "7.00");
        assertGroup(inv, 1, TaxCategory.S, "19", "15.00", "2.85");
    }

    @Test
    @DisplayName("BR-CO-11 BR-CO-12 BR-CO-13 BR-S-08: negative document allowance and charge keep their kind")
    void calculate_negativeDocumentAllowanceAndCharge_totalsByHand() {
        // 19 %: 1 x 100.00; 7 %: 1 x 50.00; line nets 150.00
        // allowance -10.00 at 19 % (a reversed discount) raises the 19 % base to 110.00, tax 20.90
        // charge -5.00 at 7 % (a refunded fee) lowers the 7 % base to 45.00, tax 3.15
        // BT-107 = -10.00, BT-108 = -5.00, BT-109 = 150.00 - (-10.00) + (-5.00) = 155.00
        // tax 20.90 + 3.15 = 24.05, gross 179.05
        Invoice inv = invoice(EUR, line(1, "1", "100.00", vat("19")), line(2, "1", "50.00", vat("7")))
                .withAdjustments(List.of(AllowanceCharge.allowance(eur("-10.00"), "discount reversed", vat("19")),
                        AllowanceCharge.charge(eur("-5.00"), "fee refunded", vat("7"))));
        assertTotals(inv, "150.00", "-10.00", "-5.00", "155.00", "24.05", "179.05", "0.00", "179.05");
        assertGroup(inv, 0, TaxCategory.S, "7", "45.00", "3.15");
        assertGroup(inv, 1, TaxCategory.S, "19", "110.00", "20.90");
    }

    @Test
    @DisplayName("BR-CO-10 BR-S-08: negative line allowance and charge (BT-136, BT-141)")
    void calculate_negativeLineAllowanceAndCharge_lineNetByHand() {
        // 2 x 40.00 = 80.00; allowance -5.00 adds 5.00, charge -2.50 takes 2.50 off: 82.50
        // tax 19 %: 15.675 -> 15.68; gross 98.18
        InvoiceLine l = new InvoiceLine(1, "Workshop", new BigDecimal("2"), UnitCode.HOUR,
                UnitPrice.of(EUR, "40.00"), BigDecimal.ONE,
                List.of(AllowanceCharge.allowance(eur("-5.00"), "early-booking discount withdrawn"),
                        AllowanceCharge.charge(eur("-2.50"), "room fee waived")),
                vat("19"), null, List.of(), null, null, null, null);
        Invoice inv = invoice(EUR, l);
        assertEquals(eur("82.50"), l.netAmount());
        assertTotals(inv, "82.50", "0.00", "0.00", "82.50", "15.68", "98.18", "0.00", "98.18");
    }

    @Test
    @DisplayName("BR-CO-11 BR-CO-13: gross prices, negative allowance counted as an allowance")
    void calculate_grossPricesNegativeAllowance_staysInAllowanceTotal() {
        // gross 119.00 at 19 %: net 100.00; allowance -11.90 gross at 19 %: net -10.00 (tax -1.90)
        // BT-107 = -10.00, BT-109 = 100.00 + 10.00 = 110.00, tax 20.90, gross 130.90
        Invoice inv = invoice(EUR, line(1, "1", "119.00", vat("19")))
                .withPricing(PriceBasis.GROSS, TaxRoundingPolicy.PER_GROUP, null)
                .withAdjustments(List.of(AllowanceCharge.allowance(eur("-11.90"), "discount reversed", vat("19"))));
        assertTotals(inv, "100.00", "-10.00", "0.00", "110.00", "20.90", "130.90", "0.00", "130.90");
    }

    @Test
    @DisplayName("BR-CO-17 BR-CO-14: per-group rounding vs the per-line policy")
    void calculate_perLinePolicy_roundsEachLine() {
        // three lines of 0.03 at 19 %: per group 0.09 x 19 % = 0.0171 -> 0.02;
        // per line 0.0057 -> 0.01 each -> 0.03
        Invoice perGroup = invoice(EUR, line(1, "1", "0.03", vat("19")), line(2, "1", "0.03", vat("19")),
                line(3, "1", "0.03", vat("19")));
        Invoice perLine = perGroup.withPricing(PriceBasis.NET, TaxRoundingPolicy.PER_LINE, null);
        assertEquals(eur("0.02"), perGroup.totals().taxTotal());
        assertEquals(eur("0.03"), perLine.totals().taxTotal());
        assertEquals(eur("0.12"), perLine.totals().taxInclusive());
    }

    @Test
    @DisplayName("BR-O-08 BR-O-09 BR-O-10 BR-O-02 BR-O-12: out-of-scope invoice, one group without a rate")
    void calculate_outOfScope_singleGroupWithoutRateAndNoMixing() {
        // 1 x 500.00 not subject to VAT: tax 0.00, gross 500.00, one O group with no rate
        Invoice inv = invoice(EUR, line(1, "1", "500.00", TaxTreatment.outOfScope("Outside the scope of VAT")));
        assertTotals(inv, "500.00", "0.00", "0.00", "500.00", "0.00", "500.00", "0.00", "500.00");
        assertEquals(1, inv.taxBreakdown().size());
        assertNull(inv.taxBreakdown().get(0).ratePercent());
        TaxRules.validate(doc(inv, null, null));
        assertEquals("BR-O-02", assertThrows(TaxCategoryRuleViolationException.class,
                () -> TaxRules.validate(doc(inv, "DE123", null))).ruleId());

        TaxCategoryRuleViolationException mixed = assertThrows(TaxCategoryRuleViolationException.class,
                () -> invoice(EUR, line(1, "1", "500.00", TaxTreatment.outOfScope("n/a")), line(2, "1", "1.00", vat("19"))));
        assertEquals("BR-O-12", mixed.ruleId());
    }

    @Test
    @DisplayName("BR-CO-10 BR-CO-15 BR-S-09: a negative-quantity line (retainer deduction) reduces the base")
    void calculate_negativeQuantityLine_reducesGroup() {
        // 10 h x 100.00 = 1000.00; retainer used -5 h x 100.00 = -500.00; base 500.00, tax 95.00, gross 595.00
        Invoice inv = invoice(EUR, line(1, "10", "100.00", vat("19")), line(2, "-5", "100.00", vat("19")));
        assertTotals(inv, "500.00", "0.00", "0.00", "500.00", "95.00", "595.00", "0.00", "595.00");
    }

    @Test
    @DisplayName("BR-CO-16: amount due = payable - paid")
    void amountDue_afterPartialPayment_byHand() {
        // 10 h x 95.00 = 950.00 + 19 % 180.50 = 1130.50 payable; 500.00 paid -> 630.50 due
        Invoice issued = Transitions.issuedAs(invoice(EUR, line(1, "10", "95.00", vat("19"))), "INV-1",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
        Invoice inv = Transitions.withSettlement(issued, eur("500.00"), eur("0.00"));
        assertEquals(eur("630.50"), inv.amountDue());
    }

    @Test
    @DisplayName("BR-E-08 BR-E-09 BR-E-10 BR-S-09: exempt line next to a standard line")
    void calculate_exemptAndStandard_twoGroupsReasonOnExemptOnly() {
        // 19 %: 2 x 80.00 = 160.00, tax 30.40; E: 1 x 300.00, tax 0.00; nets 460.00, gross 490.40
        Invoice inv = invoice(EUR, line(1, "2", "80.00", vat("19")),
                line(2, "1", "300.00", TaxTreatment.exempt("Medical services, Art. 132 VAT Directive")));
        assertTotals(inv, "460.00", "0.00", "0.00", "460.00", "30.40", "490.40", "0.00", "490.40");
        assertGroup(inv, 1, TaxCategory.E, "0", "300.00", "0.00");
        assertEquals("Medical services, Art. 132 VAT Directive", inv.taxBreakdown().get(1).exemptionReason());
        assertNull(inv.taxBreakdown().get(0).exemptionReason());
    }

    // ---- helpers ----

    static TaxTreatment vat(String rate) {
        return TaxTreatment.standard(new BigDecimal(rate));
    }

    static Money eur(String amount) {
        return Money.of(EUR, amount);
    }

    static InvoiceLine line(int position, String quantity, String price, TaxTreatment tax) {
        return InvoiceLine.of("item " + position, new BigDecimal(quantity), UnitCode.HOUR, UnitPrice.of(EUR, price),
                tax);
    }

    static Invoice invoice(CurrencyUnit currency, InvoiceLine... lines) {
        List<InvoiceLine> priced = new ArrayList<>();
        for (InvoiceLine l : lines) {
            priced.add(l.price().currency().getCurrencyCode().equals(currency.getCurrencyCode()) ? l
                    : new InvoiceLine(l.position(), l.description(), l.quantity(), l.unit(),
                            UnitPrice.of(currency, l.price().amount()), l.baseQuantity(), l.allowancesCharges(), l.tax(),
                            l.period(), l.entryIds(), l.projectId(), l.activityId(), l.timekeeperId(), l.rateRuleId()));
        }
        return Invoice.draft(InvoiceId.of("inv-1"), ClientId.of("acme"), currency, InvoiceSource.MANUAL)
                .withLines(priced);
    }

    static TaxedDocument doc(Invoice inv, String seller, String buyer) {
        List<TaxTreatment> lines = new ArrayList<>();
        inv.lines().forEach(l -> lines.add(l.tax()));
        List<TaxTreatment> allowances = new ArrayList<>();
        List<TaxTreatment> charges = new ArrayList<>();
        inv.adjustments().forEach(a -> (a.charge() ? charges : allowances).add(a.tax()));
        return new TaxedDocument(lines, allowances, charges, inv.taxBreakdown(), seller, buyer, true, "DE");
    }

    static void assertTotals(Invoice inv, String lineNets, String allowances, String charges, String taxExclusive,
            String tax, String taxInclusive, String rounding, String payable) {
        CurrencyUnit c = inv.currency();
        Totals t = inv.totals();
        assertEquals(Money.of(c, lineNets), t.lineNetTotal(), "BT-106 line net total");
        assertEquals(Money.of(c, allowances), t.allowanceTotal(), "BT-107 allowance total");
        assertEquals(Money.of(c, charges), t.chargeTotal(), "BT-108 charge total");
        assertEquals(Money.of(c, taxExclusive), t.taxExclusive(), "BT-109 tax-exclusive total");
        assertEquals(Money.of(c, tax), t.taxTotal(), "BT-110 tax total");
        assertEquals(Money.of(c, taxInclusive), t.taxInclusive(), "BT-112 tax-inclusive total");
        assertEquals(Money.of(c, rounding), t.roundingAmount(), "BT-114 rounding amount");
        assertEquals(Money.of(c, payable), t.payable(), "BT-115 payable");
    }

    static void assertGroup(Invoice inv, int index, TaxCategory category, String rate, String base, String tax) {
        TaxSubtotal g = inv.taxBreakdown().get(index);
        assertEquals(category, g.category());
        assertEquals(0, new BigDecimal(rate).compareTo(g.ratePercent()), "rate of group " + index);
        assertEquals(Money.of(inv.currency(), base), g.taxableAmount(), "BT-116 of group " + index);
        assertEquals(Money.of(inv.currency(), tax), g.taxAmount(), "BT-117 of group " + index);
    }
}
