package dev.billops.examples.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.internal.Internals;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.payment.Payment;
import dev.billops.core.spi.PaymentStore;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.spi.ChargeRequest;
import dev.billops.spi.ChargeResult;
import dev.billops.spi.PaymentGateway;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginException;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.TransientPluginException;
import dev.billops.spi.runtime.PluginRegistry;
import dev.billops.spi.runtime.RetryPolicy;
import dev.billops.spi.runtime.autopay.Autopay;
import dev.billops.spi.runtime.autopay.AutopayResult;
import dev.billops.testkit.clock.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The example gateway against a stub payment service on loopback, alone and under autopay. */
class HttpPaymentGatewayTest {

    private static final String API_KEY = "sk_test_51Hsecret0123456789";
    private static final TenantId FIRM = TenantId.of("firm");
    private static final ClientId GLOBEX = ClientId.of("globex");
    private static final Address ADDRESS = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");

    private final StubGatewayServer stub;
    private final PluginRegistry registry;

    HttpPaymentGatewayTest() throws Exception {
        stub = new StubGatewayServer(API_KEY);
        registry = PluginRegistry.builder().discover()
                .configure(HttpPaymentGateway.ID, config(stub.baseUrl().toString(), "300ms"))
                .retry(new RetryPolicy(3, Duration.ofMillis(5), 2, Duration.ofMillis(50)))
                .build();
    }

    @AfterEach
    void close() {
        registry.close();
        stub.close();
    }

    private static PluginConfig config(String baseUrl, String timeout) {
        return PluginConfig.of(HttpPaymentGateway.ID, Map.of("baseUrl", baseUrl, "timeout", timeout))
                .withSecret("apiKey", API_KEY);
    }

    private PaymentGateway gateway() {
        return registry.paymentGateway(HttpPaymentGateway.ID);
    }

    private static ChargeRequest request(String key) {
        return new ChargeRequest(FIRM, GLOBEX, InvoiceId.of("inv-1"), "INV-2026-00001",
                Money.of("EUR", "119.00"), "pm_card_4242", key);
    }

    @Test
    void discover_findsTheGatewayThroughMetaInfServices() {
        assertTrue(registry.ids().contains(HttpPaymentGateway.ID), registry.ids().toString());
        assertEquals(PluginHealth.Status.UP, registry.health().get(HttpPaymentGateway.ID).status());
    }

    @Test
    void charge_postsAmountAndIdempotencyKey_succeeds() {
        ChargeResult r = gateway().charge(request("autopay:firm:inv-1"));
        assertEquals(ChargeResult.Status.SUCCEEDED, r.status());
        assertEquals("ch_1", r.gatewayReference());
        assertEquals(List.of("autopay:firm:inv-1"), stub.keys);
        assertEquals("119.00", stub.bodies.get(0).path("amount").asText());
        assertEquals("EUR", stub.bodies.get(0).path("currency").asText());
        assertEquals("pm_card_4242", stub.bodies.get(0).path("paymentMethod").asText());
        assertEquals(ChargeResult.Status.SUCCEEDED, gateway().status("autopay:firm:inv-1").status());
    }

    @Test
    void charge_sameKeyTwice_chargedOnce_sameReference() {
        ChargeResult a = gateway().charge(request("k-1"));
        ChargeResult b = gateway().charge(request("k-1"));
        assertEquals(a, b);
        assertEquals(2, stub.chargeRequests.get());
        assertEquals(1, stub.chargeCount.get());
    }

    @Test
    void charge_declined_isFailedWithTheReason() {
        stub.declineNext = true;
        ChargeResult r = gateway().charge(request("k-2"));
        assertEquals(ChargeResult.Status.FAILED, r.status());
        assertEquals("card_declined", r.message());
    }

    @Test
    void charge_answerLate_isUnknown_statusKnowsTheCharge() {
        stub.delayNextAnswerMillis = 2_000;
        ChargeResult r = gateway().charge(request("k-3"));
        assertEquals(ChargeResult.Status.UNKNOWN, r.status());
        assertEquals(ChargeResult.Status.SUCCEEDED, gateway().status("k-3").status());
        assertEquals(1, stub.chargeCount.get());
    }

    @Test
    void charge_503WithRetryAfter_isTransient_registryRetriesWithSameKey() {
        stub.failNextWith = 503;
        stub.retryAfter = "0";
        ChargeResult r = gateway().charge(request("k-4"));
        assertEquals(ChargeResult.Status.SUCCEEDED, r.status());
        assertEquals(List.of("k-4", "k-4"), stub.keys);
        assertEquals(1, stub.chargeCount.get());
    }

    @Test
    void charge_429WithLongRetryAfter_transientCarriesIt_notRetriedNow() {
        stub.failNextWith = 429;
        stub.retryAfter = "120";
        TransientPluginException e = assertThrows(TransientPluginException.class, () -> gateway().charge(request("k-5")));
        assertEquals(Duration.ofSeconds(120), e.retryAfter().orElseThrow());
        assertEquals(1, stub.chargeRequests.get());
        assertEquals(0, stub.chargeCount.get());
    }

    @Test
    void charge_wrongApiKey_permanentFailure_keyNotInMessage() {
        try (PluginRegistry other = PluginRegistry.builder().register(new HttpPaymentGateway())
                .configure(HttpPaymentGateway.ID, PluginConfig.of(HttpPaymentGateway.ID,
                        Map.of("baseUrl", stub.baseUrl().toString())).withSecret("apiKey", "sk_wrong_key_999"))
                .build()) {
            PluginException e = assertThrows(PluginException.class,
                    () -> other.paymentGateway(HttpPaymentGateway.ID).charge(request("k-6")));
            assertFalse(e instanceof TransientPluginException);
            assertTrue(e.getMessage().contains("401"), e.getMessage());
            assertFalse(e.getMessage().contains("sk_wrong_key_999"));
            assertEquals(1, stub.chargeRequests.get(), "not retried");
        }
    }

    @Test
    void charge_serviceDown_transientAfterRetries() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (PluginRegistry down = PluginRegistry.builder().register(new HttpPaymentGateway())
                .configure(HttpPaymentGateway.ID, config("http://127.0.0.1:" + port, "300ms"))
                .retry(new RetryPolicy(2, Duration.ofMillis(1), 1, Duration.ofMillis(1))).build()) {
            assertThrows(TransientPluginException.class,
                    () -> down.paymentGateway(HttpPaymentGateway.ID).charge(request("k-7")));
            PluginHealth h = down.health().get(HttpPaymentGateway.ID);
            assertEquals(PluginHealth.Status.DOWN, h.status(), "its own health check cannot reach the service");
            assertEquals(1, h.consecutiveFailures());
            assertTrue(h.lastFailure().contains("cannot connect"), h.lastFailure());
        }
    }

    @Test
    void health_reachableWithKey_up_wrongKeyOrDown_down() throws Exception {
        assertEquals(PluginHealth.Status.UP, gateway().health().status());
        HttpPaymentGateway wrongKey = new HttpPaymentGateway();
        wrongKey.configure(PluginConfig.of(HttpPaymentGateway.ID, Map.of("baseUrl", stub.baseUrl().toString()))
                .withSecret("apiKey", "sk_wrong"));
        PluginHealth refused = wrongKey.health();
        assertEquals(PluginHealth.Status.DOWN, refused.status());
        assertTrue(refused.message().contains("401"), refused.message());
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpPaymentGateway nowhere = new HttpPaymentGateway();
        nowhere.configure(config("http://127.0.0.1:" + port, "300ms"));
        assertEquals(PluginHealth.Status.DOWN, nowhere.health().status());
        assertEquals(PluginHealth.Status.DOWN, new HttpPaymentGateway().health().status());
    }

    @Test
    void status_unknownKey_isFailed() {
        ChargeResult r = gateway().status("never-charged");
        assertEquals(ChargeResult.Status.FAILED, r.status());
        assertEquals(1, stub.statusRequests.get());
    }

    @Test
    void configure_missingApiKeyOrBadUrl_pluginDownWithTheKeyNamed() {
        try (PluginRegistry bad = PluginRegistry.builder().register(new HttpPaymentGateway())
                .configure(HttpPaymentGateway.ID, PluginConfig.of("x", Map.of("baseUrl", "ftp://example.test")))
                .build()) {
            assertEquals(List.of(), bad.paymentGateways());
            PluginHealth h = bad.health().get(HttpPaymentGateway.ID);
            assertEquals(PluginHealth.Status.DOWN, h.status());
            assertTrue(h.message().contains("baseUrl"), h.message());
        }
        try (PluginRegistry noKey = PluginRegistry.builder().register(new HttpPaymentGateway())
                .configure(HttpPaymentGateway.ID, PluginConfig.of("x", Map.of("baseUrl", "http://127.0.0.1:1")))
                .build()) {
            assertTrue(noKey.health().get(HttpPaymentGateway.ID).message().contains("apiKey"));
        }
    }

    @Test
    void autopay_firstAnswerTimesOut_unknown_thenReconcileSucceeds_chargedOnce_paidOnce() {
        InMemoryBillingStore memory = new InMemoryBillingStore();
        Billing billing = Billing.builder().stores(memory).clock(MutableClock.at(LocalDate.of(2026, 12, 1))).build();
        TenantBilling firm = billing.tenant(FIRM, Actor.user("owner@firm.test"));
        firm.profile().save(Tenant.of(FIRM, "Firm GmbH", ADDRESS)
                .withVatId("DE123456789")
                .withDefaultVatRate(new BigDecimal("19")));
        firm.clients().create(Client.of(GLOBEX, "Globex Corp", ADDRESS, Currencies.of("EUR"))
                .withAutopay("pm_card_4242"));
        Invoice draft = firm.invoices().createDraft(GLOBEX);
        firm.invoices().addLine(draft.id(), InvoiceLine.of("Consulting", new BigDecimal("5"), UnitCode.HOUR,
                UnitPrice.of(Currencies.of("EUR"), "100.00"), TaxTreatment.standard(new BigDecimal("19"))));
        Invoice invoice = firm.invoices().issue(draft.id());
        Autopay autopay = new Autopay(firm, gateway());

        stub.delayNextAnswerMillis = 2_000;
        AutopayResult first = autopay.charge(invoice.id());
        assertEquals(AutopayResult.Outcome.ERROR, first.outcome(), "timed out: " + first.message());
        assertEquals(InvoiceStatus.ISSUED, firm.invoices().get(invoice.id()).status());

        List<AutopayResult> reconciled = autopay.reconcile();
        assertEquals(AutopayResult.Outcome.PAID, reconciled.get(0).outcome(), reconciled.get(0).message());
        assertEquals(List.of(), autopay.reconcile());
        assertEquals(1, stub.chargeCount.get(), "charged once");
        assertEquals(1, stub.chargeRequests.get(), "reconcile never posts a charge");
        List<Payment> payments = Internals.scope(firm).tx(s -> s.get(PaymentStore.class).list());
        assertEquals(1, payments.size());
        assertEquals("ch_1", payments.get(0).externalRef());
        assertEquals(Money.of("EUR", "595.00"), payments.get(0).amount());
        assertEquals(InvoiceStatus.PAID, firm.invoices().get(invoice.id()).status());
    }

    @Test
    void apiKey_neverInToStringHealthOrLogs() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                captured.write(b);
                original.write(b);
            }
        }, true, StandardCharsets.UTF_8));
        try {
            stub.delayNextAnswerMillis = 2_000;
            gateway().charge(request("k-8"));
            stub.failNextWith = 500;
            stub.retryAfter = null;
            assertEquals(ChargeResult.Status.SUCCEEDED, gateway().charge(request("k-9")).status(), "retried after the 500");
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains(HttpPaymentGateway.ID), "failures are logged with the id: " + log);
        assertFalse(log.contains(API_KEY), log);
        HttpPaymentGateway plain = new HttpPaymentGateway();
        plain.configure(config(stub.baseUrl().toString(), "1s"));
        assertFalse(plain.toString().contains(API_KEY), plain.toString());
        assertTrue(plain.toString().contains("apiKey=****"), plain.toString());
        assertFalse(registry.toString().contains(API_KEY));
        assertFalse(registry.health().toString().contains(API_KEY));
        assertFalse(config(stub.baseUrl().toString(), "1s").toString().contains(API_KEY));
    }
}
