package dev.billops.einvoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.AllowanceCharge;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Client;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.einvoice.model.EInvoice;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host's path end to end: issue through {@code TenantBilling}, map, write, read back. */
class EInvoiceThroughBillingTest {

    @Test
    void issuedThroughTheFacade_invoiceAndItsCreditNote_writeAndReadBack() {
        Billing billing = Billing.builder().stores(new InMemoryBillingStore())
                .clock(Clock.fixed(Instant.parse("2026-12-20T10:00:00Z"), ZoneOffset.UTC)).build();
        TenantBilling t = billing.tenant(TenantId.of("northwind"), Actor.user("office@northwind.test"));
        t.profile().create(Samples.seller().withDefaultVatRate(new BigDecimal("19")));
        Client client = t.clients().create(Samples.buyer());
        Invoice draft = t.invoices().createDraft(client.id());
        t.invoices().addLine(draft.id(), InvoiceLine.of("Consulting", new BigDecimal("12.5"), UnitCode.HOUR,
                UnitPrice.of(Samples.EUR, "120.00"), TaxTreatment.standard(new BigDecimal("19"))));
        t.invoices().addAdjustment(draft.id(), AllowanceCharge.allowance(Money.of(Samples.EUR, "100.00"),
                "Loyalty discount", TaxTreatment.standard(new BigDecimal("19"))));
        Invoice issued = t.invoices().issue(draft.id(), LocalDate.of(2026, 12, 1));
        Invoice creditNote = t.invoices().creditFully(issued.id());

        EInvoice mapped = EInvoiceMapper.map(t.profile().get(), client, issued);
        EInvoice e = mapped.withBuyerReference("ACME-KST-4711").withSeller(mapped.seller()
                .withContact(new dev.billops.einvoice.model.Contact("Billing", "+49 30 1", "b@n.test")));
        ReadResult read = EInvoiceReader.standard().read(EInvoiceWriter.write(e, EInvoiceProfile.XRECHNUNG_UBL));
        assertEquals(List.of(), read.warnings());
        assertEquals(issued.number(), read.invoice().number());
        assertEquals(new BigDecimal("1666.00"), read.invoice().totals().payable()); // (1500 - 100) × 1.19
        assertEquals(new BigDecimal("100.00"), read.invoice().totals().allowanceTotal());

        EInvoice cn = EInvoiceMapper.creditNote(t.profile().get(), client, creditNote, issued);
        byte[] xml = EInvoiceWriter.write(cn, EInvoiceProfile.EN16931_UBL);
        assertTrue(new String(xml, java.nio.charset.StandardCharsets.UTF_8).contains("<CreditNote "));
        ReadResult back = EInvoiceReader.standard().read(xml);
        assertEquals("381", back.invoice().typeCode());
        assertEquals(issued.number(), back.invoice().precedingInvoices().get(0).id());
        assertEquals(new BigDecimal("1666.00"), back.invoice().totals().payable());
    }
}
