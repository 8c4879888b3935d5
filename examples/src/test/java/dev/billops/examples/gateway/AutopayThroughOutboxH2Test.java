package dev.billops.examples.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.TenantId;
import dev.billops.core.internal.Internals;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.spi.PaymentStore;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import dev.billops.jdbc.OutboxDispatcher;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.runtime.EventDelivery;
import dev.billops.spi.runtime.PluginRegistry;
import dev.billops.spi.runtime.autopay.Autopay;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a host wires: H2 store, outbox dispatcher, EventDelivery, Autopay over the discovered HTTP gateway. */
class AutopayThroughOutboxH2Test {

    private static final TenantId FIRM = TenantId.of("firm");
    private static final Address ADDRESS = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");

    @Test
    void invoiceIssued_dispatchedTwice_chargedOnceAndPaid() throws Exception {
        try (StubGatewayServer stub = new StubGatewayServer("sk_test_outbox_0001");
                JdbcBillingStore store = JdbcStores.h2InMemory("gateway-outbox-" + System.nanoTime());
                PluginRegistry plugins = PluginRegistry.builder().discover()
                        .configure(HttpPaymentGateway.ID, PluginConfig.of(HttpPaymentGateway.ID,
                                Map.of("baseUrl", stub.baseUrl().toString(), "timeout", "2s"))
                                .withSecret("apiKey", stub.apiKey))
                        .build()) {
            Billing billing = Billing.builder().stores(store).build();
            TenantBilling firm = billing.tenant(FIRM, Actor.user("owner@firm.test"));
            firm.profile().save(Tenant.of(FIRM, "Firm GmbH", ADDRESS)
                    .withVatId("DE123456789")
                    .withDefaultVatRate(new BigDecimal("19")));
            ClientId globex = ClientId.of("globex");
            firm.clients().create(Client.of(globex, "Globex Corp", ADDRESS, Currencies.of("EUR"))
                    .withAutopay("pm_card_4242"));
            Invoice draft = firm.invoices().createDraft(globex);
            firm.invoices().addLine(draft.id(), InvoiceLine.of("Retainer", BigDecimal.ONE, UnitCode.PIECE,
                    UnitPrice.of(Currencies.of("EUR"), "1000.00"), TaxTreatment.standard(new BigDecimal("19"))));
            Invoice invoice = firm.invoices().issue(draft.id());

            plugins.add(new Autopay(billing, plugins.paymentGateway(HttpPaymentGateway.ID)));
            EventDelivery delivery = new EventDelivery(plugins);
            OutboxDispatcher dispatcher = new OutboxDispatcher(store.outbox(),
                    m -> delivery.deliver(m.tenant(), m.event()), Duration.ZERO);
            while (dispatcher.dispatchOnce(50) > 0) {
                // deliver everything written so far
            }
            assertEquals(1, stub.chargeCount.get());
            assertEquals(InvoiceStatus.PAID, firm.invoices().get(invoice.id()).status());
            assertEquals(0, store.outbox().pendingCount());

            // an operator re-runs autopay by hand: still one charge, one payment
            new Autopay(firm, plugins.paymentGateway(HttpPaymentGateway.ID)).charge(invoice.id());
            assertEquals(1, stub.chargeCount.get());
            assertEquals(1, Internals.scope(firm).tx(s -> s.get(PaymentStore.class).list()).size());
        }
    }
}
