package dev.billops.core.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.tax.PriceBasis;
import dev.billops.core.tax.TaxRoundingPolicy;
import dev.billops.core.tax.TaxTreatment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class IssuedInvoiceImmutabilityTest {

    private static final InvoiceLine LINE = InvoiceLine.of("Consulting", BigDecimal.TEN, UnitCode.HOUR,
            UnitPrice.of(Currencies.of("EUR"), "100.00"), TaxTreatment.standard(new BigDecimal("19")));

    @Test
    void contentWithers_issuedInvoice_throwInvoiceAlreadyIssued() {
        Invoice draft = Invoice.draft(InvoiceId.of("i1"), ClientId.of("c"), Currencies.of("EUR"), InvoiceSource.MANUAL)
                .withLines(List.of(LINE));
        Invoice issued = Transitions.issuedAs(draft, "INV-1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
        List<Executable> changes = List.of(
                () -> issued.withLines(List.of()),
                () -> issued.withAdjustments(List.of()),
                () -> issued.withPricing(PriceBasis.GROSS, TaxRoundingPolicy.PER_LINE, null),
                () -> issued.withServicePeriod(null),
                () -> issued.withNotes("changed"),
                () -> issued.withPurchaseOrderRef("PO-2"),
                () -> issued.withSeries("OTHER"),
                () -> issued.forPackagePeriod(dev.billops.core.id.EngagementId.of("e"), LocalDate.of(2026, 1, 1)),
                () -> issued.asCreditNoteOf(InvoiceId.of("i0")));
        for (Executable change : changes) {
            InvoiceAlreadyIssuedException e = assertThrows(InvoiceAlreadyIssuedException.class, change);
            assertEquals(InvoiceStatus.ISSUED, e.status());
        }
        Invoice voided = Transitions.withStatus(issued, InvoiceStatus.VOID);
        assertThrows(InvoiceAlreadyIssuedException.class, () -> voided.withNotes("x"));
    }

    @Test
    void settlementAndMetadata_issuedInvoice_stillChange() {
        Invoice draft = Invoice.draft(InvoiceId.of("i1"), ClientId.of("c"), Currencies.of("EUR"), InvoiceSource.MANUAL)
                .withLines(List.of(LINE));
        Invoice issued = Transitions.issuedAs(draft, "INV-1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
        Invoice paid = Transitions.withSettlement(issued, Money.of("EUR", "1190.00"), Money.of("EUR", "0.00"));
        assertEquals(InvoiceStatus.PAID, paid.status());
        assertEquals(Map.of("pdf", "stored"), issued.withMetadata(Map.of("pdf", "stored")).metadata());
    }
}
