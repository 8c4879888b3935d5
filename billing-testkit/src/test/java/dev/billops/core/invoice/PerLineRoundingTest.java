package dev.billops.core.invoice;

import static dev.billops.core.invoice.CreditFixture.VAT19;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.money.Money;
import dev.billops.core.tax.TaxCategory;
import dev.billops.core.tax.TaxPolicy;
import dev.billops.core.tax.TaxRuleViolation;
import dev.billops.core.tax.TaxRules;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.tax.TaxedDocument;
import java.math.BigDecimal;
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
