package dev.billops.core.invoice;

import static dev.billops.core.invoice.CreditFixture.VAT19;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.money.Money;
import dev.billops.core.tax.TaxCalculator;
import dev.billops.core.tax.TaxCategory;
import dev.billops.core.tax.TaxPolicy;
import dev.billops.core.tax.TaxRuleViolation;
import dev.billops.core.tax.TaxRules;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.tax.TaxedDocument;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import dev.billops.core.tax.TaxRoundingPolicy;
import dev.billops.core.tax.TaxSubtotal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issuing under {@link TaxRoundingPolicy#PER_LINE}, through the public facade. */
class PerLineRoundingTest {

    @Test
    @DisplayName("BR-S-09: 200 lines of 0.25 h at 50.00 at 19 % issue with the sum of the line taxes (476.00)")
    void issue_perLineManyHalfCentLines_groupTaxIsSumOfLineTaxes() {
        CreditFixture f = new CreditFixture(TaxPolicy.defaults().withRounding(TaxRoundingPolicy.PER_LINE));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add("0.25");
            lines.add("50.00");
        }
        Invoice inv = f.acme.invoices().issue(f.draft(VAT19, lines.toArray(String[]::new)).id());

        assertEquals(InvoiceStatus.ISSUED, inv.status());
        TaxSubtotal group = inv.taxBreakdown().get(0);
        assertEquals(f.money("2500.00"), group.taxableAmount());
        assertEquals(f.money("476.00"), group.taxAmount());
        assertEquals(f.money("2976.00"), inv.totals().payable());
    }

    @Test
    @DisplayName("BR-CO-14: under PER_LINE any number of net lines issues, with the group tax the sum of the line taxes")
    void issue_perLineAnyLines_groupTaxIsSumOfRoundedLineTaxes() {
        Gen<List<BigDecimal>> quarterHours = Gen.listOf(Gen.bigDecimals(new BigDecimal("0.25"), new BigDecimal("8"), 2),
                1, 400);
        Property.forAll(quarterHours, Gen.bigDecimals(new BigDecimal("0.01"), new BigDecimal("300"), 2))
                .tries(25).verify((hours, rate) -> {
                    CreditFixture f = new CreditFixture(TaxPolicy.defaults().withRounding(TaxRoundingPolicy.PER_LINE));
                    List<String> lines = new ArrayList<>();
                    Money expectedTax = Money.zero(f.currency);
                    for (BigDecimal h : hours) {
                        lines.add(h.toPlainString());
                        lines.add(rate.toPlainString());
                        Money net = Money.of(f.currency, h.multiply(rate), RoundingMode.HALF_UP);
                        expectedTax = expectedTax.plus(TaxCalculator.taxOf(net, new BigDecimal("19")));
                    }
                    Invoice inv = f.acme.invoices().issue(f.draft(VAT19, lines.toArray(String[]::new)).id());
                    assertEquals(expectedTax, inv.taxBreakdown().get(0).taxAmount());
                });
    }

    @Test
    @DisplayName("BR-S-09: the per-line allowance is half a unit per amount, not a free pass")
    void violations_perLineTaxBeyondHalfUnitPerAmount_reportsBrS09() {
        TaxSubtotal group = new TaxSubtotal(TaxCategory.S, new BigDecimal("19"), Money.of("EUR", "2500.00"),
                Money.of("EUR", "476.00"), null);
        List<TaxTreatment> lines200 = Collections.nCopies(200, VAT19);
        List<TaxTreatment> lines150 = Collections.nCopies(150, VAT19);

        assertEquals(List.of(), TaxRules.violations(document(lines200, group, TaxRoundingPolicy.PER_LINE)));
        assertBrS09(TaxRules.violations(document(lines200, group, TaxRoundingPolicy.PER_GROUP)));
        assertBrS09(TaxRules.violations(document(lines150, group, TaxRoundingPolicy.PER_LINE)));
    }

    private static TaxedDocument document(List<TaxTreatment> lines, TaxSubtotal group, TaxRoundingPolicy rounding) {
        return new TaxedDocument(lines, List.of(), List.of(), List.of(group), "DE123456789", null, true, "DE",
                rounding);
    }

    private static void assertBrS09(List<TaxRuleViolation> found) {
        assertTrue(found.stream().anyMatch(v -> v.ruleId().equals("BR-S-09")), found.toString());
    }
}
