package dev.billops.einvoice;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.einvoice.model.Contact;
import dev.billops.einvoice.model.EInvoice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javax.money.CurrencyUnit;

/** A German seller and buyer and a two-line invoice, as the e-invoice tests need them. */
final class Samples {

    static final CurrencyUnit EUR = Currencies.of("EUR");

    private Samples() {
    }

    static Tenant seller() {
        return Tenant.of(TenantId.of("northwind"), "Northwind Consulting GmbH", Address.of("Friedrichstraße 68", "10117", "Berlin", "DE")).withVatId("DE811907980").withEmail("billing@northwind.test")
                .withBankAccount("DE89370400440532013000", "COBADEFFXXX").withDefaultVatRate(new BigDecimal("19"));
    }

    static Client buyer() {
        return Client.of(ClientId.of("acme"), "ACME Corporation AG",
                Address.of("Königsallee 12", "40212", "Düsseldorf", "DE"), EUR).withEmail("ap@acme.test");
    }

    static Invoice invoice() {
        return Issued.as(Invoice.draft(InvoiceId.of("inv-1"), ClientId.of("acme"), EUR, InvoiceSource.MANUAL)
                .withLines(List.of(
                        InvoiceLine.of("Consulting", new BigDecimal("12.5"), UnitCode.HOUR,
                                UnitPrice.of(EUR, "120.00"), TaxTreatment.standard(new BigDecimal("19"))),
                        InvoiceLine.of("Workshop", new BigDecimal("1"), UnitCode.DAY, UnitPrice.of(EUR, "950.00"),
                                TaxTreatment.standard(new BigDecimal("19")))))
                , "INV-2026-0001", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 15));
    }

    /** The sample mapped, with what XRechnung needs beyond BillOps' data. */
    static EInvoice xrechnungReady() {
        EInvoice e = EInvoiceMapper.map(seller(), buyer(), invoice());
        return e.withBuyerReference("04011000-12345-03")
                .withSeller(e.seller().withContact(new Contact("Accounts", "+49 30 1234567", "billing@northwind.test")));
    }
}
