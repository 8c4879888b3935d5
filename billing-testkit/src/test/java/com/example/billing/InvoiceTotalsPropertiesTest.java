package com.example.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billops.core.id.ClientId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.money.Money;
import dev.billops.testkit.gen.DomainGens;
import dev.billops.testkit.gen.MoneyGens;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import org.junit.jupiter.api.Test;

/** A downstream build's property test on BillOps values (the example of billing-testkit/README.md). */
class InvoiceTotalsPropertiesTest {

    private static final Gen<Invoice> INVOICES = MoneyGens.currencies()
            .flatMap(currency -> DomainGens.draftInvoices(ClientId.of("client-1"), currency));

    @Test
    void lineNetTotal_anyDraftInvoice_isTheSumOfTheLineNets() {
        Property.forAll(INVOICES)
                .tries(300)
                .label("currency", invoice -> invoice.currency().getCurrencyCode())
                .label("lines", invoice -> invoice.lines().size() > 2 ? "3 or more" : "1 or 2")
                .verify(invoice -> {
                    Money sum = invoice.lineNets().stream().reduce(Money.zero(invoice.currency()), Money::plus);
                    assertEquals(sum, invoice.totals().lineNetTotal(), () -> "BR-CO-10 on " + invoice.id());
                });
    }
}
