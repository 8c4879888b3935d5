package dev.billops.core.invoice;

import static dev.billops.core.invoice.CreditFixture.VAT19;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billops.core.tax.TaxPolicy;
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
}
