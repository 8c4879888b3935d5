package dev.billops.core.tax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The EN 16931 category rules of {@link TaxRules} and {@link TaxTreatment}, one case per rule id. */
class TaxRulesTest {

    private static final CurrencyUnit EUR = Currencies.of("EUR");
    private static final String SELLER = "DE123456789";
    private static final String BUYER = "FR12345678901";
    private static final TaxTreatment S19 = TaxTreatment.standard(new BigDecimal("19"));
    private static final TaxTreatment L7 = new TaxTreatment(TaxCategory.L, new BigDecimal("7"), null);
    private static final TaxTreatment M4 = new TaxTreatment(TaxCategory.M, new BigDecimal("4"), null);
    private static final TaxTreatment O = TaxTreatment.outOfScope("Not subject to VAT");

    /** A document with one line of {@code line}, optional allowance/charge, computed breakdown. */
    private static TaxedDocument doc(List<TaxTreatment> lines, List<TaxTreatment> allowances, List<TaxTreatment> charges,
            @Nullable String seller, @Nullable String buyer, boolean period, @Nullable String country) {
        List<TaxableAmount> lineAmounts = new ArrayList<>();
        for (TaxTreatment t : lines) {
            lineAmounts.add(new TaxableAmount(Money.of(EUR, "100.00"), t));
        }
        List<TaxableAmount> adj = new ArrayList<>();
        for (TaxTreatment t : allowances) {
            adj.add(new TaxableAmount(Money.of(EUR, "-10.00"), t));
        }
        for (TaxTreatment t : charges) {
            adj.add(new TaxableAmount(Money.of(EUR, "5.00"), t));
        }
        TaxResult r = TaxCalculator.calculate(EUR, lineAmounts, adj, PriceBasis.NET, TaxRoundingPolicy.PER_GROUP, null);
        return new TaxedDocument(lines, allowances, charges, r.breakdown(), seller, buyer, period, country);
    }

    private static TaxedDocument lineDoc(TaxTreatment t, @Nullable String seller, @Nullable String buyer) {
        return doc(List.of(t), List.of(), List.of(), seller, buyer, true, "FR");
    }

    private static String firstRule(TaxedDocument d) {
        return assertThrows(TaxCategoryRuleViolationException.class, () -> TaxRules.validate(d)).ruleId();
    }

    static Stream<Arguments> validDocuments() {
        return Stream.of(
                Arguments.of("S", lineDoc(S19, SELLER, null)),
                Arguments.of("Z", lineDoc(TaxTreatment.zeroRated(), SELLER, null)),
                Arguments.of("E", lineDoc(TaxTreatment.exempt("Art. 132"), SELLER, BUYER)),
                Arguments.of("AE", lineDoc(TaxTreatment.reverseCharge(), SELLER, BUYER)),
                Arguments.of("K", lineDoc(TaxTreatment.intraCommunity(), SELLER, BUYER)),
                Arguments.of("G", lineDoc(TaxTreatment.export(), SELLER, null)),
                Arguments.of("O", lineDoc(O, null, null)),
                Arguments.of("L", lineDoc(L7, SELLER, null)),
                Arguments.of("M", lineDoc(M4, SELLER, null)));
    }

    @ParameterizedTest(name = "category {0}: a well-formed document has no violations")
    @MethodSource("validDocuments")
    void violations_wellFormedDocument_none(String category, TaxedDocument d) {
        assertEquals(List.of(), TaxRules.violations(d));
    }

    /** A split-payment (B 22 %) document with its breakdown, sold from {@code seller} to {@code buyer} countries. */
    private static TaxedDocument splitDoc(List<TaxTreatment> lines, List<TaxTreatment> charges,
            @Nullable String deliverTo, @Nullable String sellerCountry, @Nullable String buyerCountry) {
        TaxedDocument d = doc(lines, List.of(), charges, "IT01234567897", "IT00218760167", true, deliverTo);
        return new TaxedDocument(d.lineTaxes(), d.allowanceTaxes(), d.chargeTaxes(), d.breakdown(), d.sellerVatId(),
                d.buyerVatId(), true, deliverTo, TaxRoundingPolicy.PER_GROUP, sellerCountry, buyerCountry);
    }

    @Test
    void violations_splitPayment_BR_B_01_and_BR_B_02() {
        TaxTreatment b22 = TaxTreatment.splitPayment(new BigDecimal("22"));
        assertEquals(List.of(), TaxRules.violations(splitDoc(List.of(b22), List.of(), "IT", "IT", "IT")));
        assertEquals(List.of(), TaxRules.violations(splitDoc(List.of(b22), List.of(), null, "IT", "IT")));
        assertEquals("BR-B-01", firstRule(splitDoc(List.of(b22), List.of(), "IT", "DE", "IT")));
        assertEquals("BR-B-01", firstRule(splitDoc(List.of(b22), List.of(), "FR", "IT", "IT")));
        // the countries are unknown on a document built without them: not provably Italian
        assertEquals("BR-B-01", firstRule(splitDoc(List.of(b22), List.of(), "IT", null, null)));
        assertEquals("BR-B-02", firstRule(splitDoc(List.of(b22), List.of(S19), "IT", "IT", "IT")));
        assertEquals("BR-B-02", firstRule(splitDoc(List.of(b22, S19), List.of(), "IT", "IT", "IT")));
    }

    @Test
    void violations_splitPaymentGroupTaxOffByOne_BR_CO_17() {
        TaxedDocument d = splitDoc(List.of(TaxTreatment.splitPayment(new BigDecimal("22"))), List.of(), "IT", "IT",
                "IT");
        TaxSubtotal g = d.breakdown().get(0);
        TaxSubtotal wrong = new TaxSubtotal(g.category(), g.ratePercent(), g.taxableAmount(),
                g.taxAmount().plus(Money.of(EUR, "1.00")), null, null);
        TaxedDocument bad = new TaxedDocument(d.lineTaxes(), d.allowanceTaxes(), d.chargeTaxes(), List.of(wrong),
                d.sellerVatId(), d.buyerVatId(), true, "IT", TaxRoundingPolicy.PER_GROUP, "IT", "IT");
        assertEquals("BR-CO-17", firstRule(bad));
    }

    static Stream<Arguments> partyRules() {
        return Stream.of(
                Arguments.of("BR-S-02", lineDoc(S19, null, BUYER)),
                Arguments.of("BR-S-03", doc(List.of(TaxTreatment.zeroRated()), List.of(S19), List.of(), null, null, true, "FR")),
                Arguments.of("BR-S-04", doc(List.of(TaxTreatment.zeroRated()), List.of(), List.of(S19), null, null, true, "FR")),
                Arguments.of("BR-Z-02", lineDoc(TaxTreatment.zeroRated(), null, null)),
                Arguments.of("BR-E-02", lineDoc(TaxTreatment.exempt("Art. 132"), null, BUYER)),
                Arguments.of("BR-G-02", lineDoc(TaxTreatment.export(), null, BUYER)),
                Arguments.of("BR-IG-02", lineDoc(L7, null, null)),
                Arguments.of("BR-IP-02", lineDoc(M4, null, null)),
                Arguments.of("BR-AE-02", lineDoc(TaxTreatment.reverseCharge(), SELLER, null)),
                Arguments.of("BR-AE-02", lineDoc(TaxTreatment.reverseCharge(), null, BUYER)),
                Arguments.of("BR-AE-03", doc(List.of(TaxTreatment.zeroRated()), List.of(TaxTreatment.reverseCharge()),
                        List.of(), SELLER, null, true, "FR")),
                Arguments.of("BR-AE-04", doc(List.of(TaxTreatment.zeroRated()), List.of(),
                        List.of(TaxTreatment.reverseCharge()), SELLER, null, true, "FR")),
                Arguments.of("BR-IC-02", lineDoc(TaxTreatment.intraCommunity(), SELLER, null)),
                Arguments.of("BR-O-02", lineDoc(O, SELLER, null)),
                Arguments.of("BR-O-02", lineDoc(O, null, BUYER)));
    }

    @ParameterizedTest(name = "{0}: VAT ids a category requires or forbids")
    @MethodSource("partyRules")
    void violations_wrongVatIds_namesTheRule(String rule, TaxedDocument d) {
        // every category but O needs the seller VAT id, so an allowance or charge without it comes
        // with a line that breaks rule 02 as well: look for the rule among all violations
        List<String> rules = TaxRules.violations(d).stream().map(TaxRuleViolation::ruleId).toList();
        assertTrue(rules.contains(rule), rules.toString());
        assertThrows(TaxCategoryRuleViolationException.class, () -> TaxRules.validate(d));
    }

    @Test
    @DisplayName("BR-O-03 BR-O-04: an out-of-scope allowance or charge with a VAT id present")
    void violations_outOfScopeAdjustmentsWithVatId_rule03And04() {
        List<String> rules = TaxRules.violations(doc(List.of(O), List.of(O), List.of(O), SELLER, null, true, "FR"))
                .stream().map(TaxRuleViolation::ruleId).toList();
        assertEquals(List.of("BR-O-02", "BR-O-03", "BR-O-04"), rules);
    }

    @Test
    @DisplayName("BR-O-11 BR-O-12: an O breakdown next to an S line and group")
    void violations_outOfScopeMixedWithStandardLine_rule11And12() {
        // The engine refuses to compute such a document; build the breakdown by hand.
        List<TaxSubtotal> breakdown = List.of(
                new TaxSubtotal(TaxCategory.O, null, Money.of(EUR, "100.00"), Money.of(EUR, "0.00"), "n/a"),
                new TaxSubtotal(TaxCategory.S, new BigDecimal("19"), Money.of(EUR, "100.00"), Money.of(EUR, "19.00"), null));
        TaxedDocument d = new TaxedDocument(List.of(O, S19), List.of(), List.of(), breakdown, null, null, true, "FR");
        List<String> rules = TaxRules.violations(d).stream().map(TaxRuleViolation::ruleId).toList();
        assertTrue(rules.containsAll(List.of("BR-O-11", "BR-O-12")), rules.toString());
    }

    @Test
    @DisplayName("BR-O-13 BR-O-14: an O document with an S allowance or charge")
    void violations_outOfScopeWithStandardAdjustments_rule13And14() {
        List<TaxSubtotal> breakdown = List.of(
                new TaxSubtotal(TaxCategory.O, null, Money.of(EUR, "100.00"), Money.of(EUR, "0.00"), "n/a"));
        TaxedDocument d = new TaxedDocument(List.of(O), List.of(S19), List.of(S19), breakdown, null, null, true, "FR");
        List<String> rules = TaxRules.violations(d).stream().map(TaxRuleViolation::ruleId).toList();
        assertTrue(rules.containsAll(List.of("BR-O-13", "BR-O-14")), rules.toString());
    }

    @Test
    @DisplayName("BR-O-13: the engine refuses an S allowance on an O document")
    void calculate_outOfScopeWithStandardAllowance_BR_O_13() {
        TaxCategoryRuleViolationException e = assertThrows(TaxCategoryRuleViolationException.class,
                () -> TaxCalculator.calculate(EUR, List.of(new TaxableAmount(Money.of(EUR, "100.00"), O)),
                        List.of(new TaxableAmount(Money.of(EUR, "-5.00"), S19)), PriceBasis.NET,
                        TaxRoundingPolicy.PER_GROUP, null));
        assertEquals("BR-O-13", e.ruleId());
    }

    @Test
    @DisplayName("BR-CO-18: a document needs at least one VAT breakdown group")
    void validate_noBreakdown_BR_CO_18() {
        TaxedDocument d = new TaxedDocument(List.of(), List.of(), List.of(), List.of(), SELLER, BUYER, true, "FR");
        assertEquals("BR-CO-18", firstRule(d));
    }

    @Test
    @DisplayName("BR-S-01 BR-AE-01: a used category needs its breakdown group")
    void violations_categoryWithoutGroup_rule01() {
        List<TaxSubtotal> breakdown = List.of(
                new TaxSubtotal(TaxCategory.Z, BigDecimal.ZERO, Money.of(EUR, "1.00"), Money.of(EUR, "0.00"), null));
        TaxedDocument d = new TaxedDocument(List.of(S19, TaxTreatment.reverseCharge(), TaxTreatment.zeroRated()),
                List.of(), List.of(), breakdown, SELLER, BUYER, true, "FR");
        List<String> rules = TaxRules.violations(d).stream().map(TaxRuleViolation::ruleId).toList();
        assertEquals(List.of("BR-S-01", "BR-AE-01"), rules);
    }

    @Test
    @DisplayName("BR-Z-09 BR-E-09 BR-AE-09: zero-rated groups carry no tax")
    void violations_taxOnZeroRatedGroups_rule09() {
        List<TaxSubtotal> breakdown = List.of(
                new TaxSubtotal(TaxCategory.Z, BigDecimal.ZERO, Money.of(EUR, "100.00"), Money.of(EUR, "0.01"), null),
                new TaxSubtotal(TaxCategory.E, BigDecimal.ZERO, Money.of(EUR, "100.00"), Money.of(EUR, "1.00"), "x"),
                new TaxSubtotal(TaxCategory.AE, BigDecimal.ZERO, Money.of(EUR, "100.00"), Money.of(EUR, "19.00"), "x"));
        TaxedDocument d = new TaxedDocument(List.of(TaxTreatment.zeroRated(), TaxTreatment.exempt("x"),
                TaxTreatment.reverseCharge()), List.of(), List.of(), breakdown, SELLER, BUYER, true, "FR");
        List<String> rules = TaxRules.violations(d).stream().map(TaxRuleViolation::ruleId).toList();
        assertEquals(List.of("BR-Z-09", "BR-E-09", "BR-AE-09"), rules);
    }

    @Test
    @DisplayName("BR-S-09: standard-rated tax more than the tolerance away from base x rate")
    void violations_standardTaxOffByOneUnit_BR_S_09() {
        // 100.00 x 19 % = 19.00; 20.00 is 1.00 off (the tolerance is "less than 1"), 19.99 is inside it
        TaxSubtotal off = new TaxSubtotal(TaxCategory.S, new BigDecimal("19"), Money.of(EUR, "100.00"),
                Money.of(EUR, "20.00"), null);
        TaxSubtotal inside = new TaxSubtotal(TaxCategory.S, new BigDecimal("19"), Money.of(EUR, "100.00"),
                Money.of(EUR, "19.99"), null);
        assertEquals("BR-S-09", firstRule(new TaxedDocument(List.of(S19), List.of(), List.of(), List.of(off), SELLER,
                null, true, "FR")));
        assertEquals(List.of(), TaxRules.violations(new TaxedDocument(List.of(S19), List.of(), List.of(),
                List.of(inside), SELLER, null, true, "FR")));
    }

    static Stream<Arguments> reasonRules() {
        return Stream.of(
                Arguments.of("BR-S-10", TaxCategory.S, new BigDecimal("19"), "not allowed"),
                Arguments.of("BR-Z-10", TaxCategory.Z, BigDecimal.ZERO, "not allowed"),
                Arguments.of("BR-IG-10", TaxCategory.L, new BigDecimal("7"), "not allowed"),
                Arguments.of("BR-IP-10", TaxCategory.M, new BigDecimal("4"), "not allowed"),
                Arguments.of("BR-E-10", TaxCategory.E, BigDecimal.ZERO, null),
                Arguments.of("BR-AE-10", TaxCategory.AE, BigDecimal.ZERO, null),
                Arguments.of("BR-IC-10", TaxCategory.K, BigDecimal.ZERO, null),
                Arguments.of("BR-G-10", TaxCategory.G, BigDecimal.ZERO, null),
                Arguments.of("BR-O-10", TaxCategory.O, null, null));
    }

    @ParameterizedTest(name = "{0}: exemption reason required or forbidden on a {1} group")
    @MethodSource("reasonRules")
    void validate_exemptionReason_namesRule10(String rule, TaxCategory category, @Nullable BigDecimal rate,
            @Nullable String reason) {
        TaxTreatment t = new TaxTreatment(category, rate, reason);
        String seller = category == TaxCategory.O ? null : SELLER;
        String buyer = category == TaxCategory.O ? null : BUYER;
        assertEquals(rule, firstRule(doc(List.of(t), List.of(), List.of(), seller, buyer, true, "FR")));
    }

    @Test
    @DisplayName("BR-IC-11 BR-IC-12: intra-community supply needs a delivery period and deliver-to country")
    void violations_intraCommunityWithoutPeriodOrCountry_rule11And12() {
        TaxedDocument d = doc(List.of(TaxTreatment.intraCommunity()), List.of(), List.of(), SELLER, BUYER, false, null);
        List<String> rules = TaxRules.violations(d).stream().map(TaxRuleViolation::ruleId).toList();
        assertEquals(List.of("BR-IC-11", "BR-IC-12"), rules);
    }

    static Stream<Arguments> rateRules() {
        return Stream.of(
                Arguments.of("BR-S-05", TaxCategory.S, BigDecimal.ZERO),
                Arguments.of("BR-S-05", TaxCategory.S, null),
                Arguments.of("BR-Z-05", TaxCategory.Z, new BigDecimal("7")),
                Arguments.of("BR-E-05", TaxCategory.E, new BigDecimal("19")),
                Arguments.of("BR-AE-05", TaxCategory.AE, new BigDecimal("19")),
                Arguments.of("BR-IC-05", TaxCategory.K, null),
                Arguments.of("BR-G-05", TaxCategory.G, new BigDecimal("1")),
                Arguments.of("BR-O-05", TaxCategory.O, BigDecimal.ZERO),
                Arguments.of("BR-IG-05", TaxCategory.L, new BigDecimal("-1")),
                Arguments.of("BR-IP-05", TaxCategory.M, null));
    }

    @ParameterizedTest(name = "{0}: rate {2} is not allowed for category {1}")
    @MethodSource("rateRules")
    void taxTreatment_wrongRate_namesRule05(String rule, TaxCategory category, @Nullable BigDecimal rate) {
        TaxCategoryRuleViolationException e = assertThrows(TaxCategoryRuleViolationException.class,
                () -> new TaxTreatment(category, rate, "reason"));
        assertEquals(rule, e.ruleId());
        assertTrue(e instanceof InvalidInputException);
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }

    @Test
    void taxTreatment_equalRatesWrittenDifferently_sameGroup() {
        assertEquals(TaxTreatment.standard(new BigDecimal("19.00")), TaxTreatment.standard(new BigDecimal("19")));
        assertEquals(TaxTreatment.standard(new BigDecimal("20")), TaxTreatment.standard(new BigDecimal("2E+1")));
    }
}
