package dev.billops.spi.runtime.autopay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.audit.AuditRecord;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.internal.Internals;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentStatus;
import dev.billops.core.spi.AuditLog;
import dev.billops.core.spi.PaymentStore;
import dev.billops.spi.ChargeRequest;
import dev.billops.spi.ChargeResult;
import dev.billops.spi.PaymentGateway;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.SpiFixture;
import dev.billops.spi.TransientPluginException;
import dev.billops.spi.runtime.EventDelivery;
import dev.billops.spi.runtime.PluginRegistry;
import dev.billops.spi.runtime.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Autopay on the in-memory store; {@link H2AutopayTest} and {@link PostgresAutopayTest} run the same on JDBC. */
class AutopayTest {

    /** How the scripted gateway answers a charge. */
    enum Answer { SUCCEED, DECLINE, CHARGE_BUT_ANSWER_UNKNOWN, CHARGE_THEN_HANG, UNREACHABLE, PENDING, NULL, NO_REFERENCE,
        BUG }

    /** A gateway that charges at most once per key and answers as scripted. */
    static final class ScriptedGateway implements PaymentGateway {
        volatile Answer answer = Answer.SUCCEED;
        volatile boolean statusUnreachable;
        final AtomicInteger chargeCalls = new AtomicInteger();
        final AtomicInteger statusCalls = new AtomicInteger();
        final AtomicInteger charged = new AtomicInteger();
        final Map<String, ChargeResult> byKey = new ConcurrentHashMap<>();
        final List<ChargeRequest> requests = new ArrayList<>();

        @Override
        public String id() {
            return "scripted-gateway";
        }

        @Override
        public synchronized ChargeResult charge(ChargeRequest request) {
            chargeCalls.incrementAndGet();
            requests.add(request);
            ChargeResult first = byKey.get(request.idempotencyKey());
            if (first != null) {
                return first;
            }
            switch (answer) {
                case UNREACHABLE -> throw new TransientPluginException(id(), "connection refused");
                case NULL -> {
                    return null;
                }
                case NO_REFERENCE -> {
                    return new ChargeResult(ChargeResult.Status.SUCCEEDED, null, "");
                }
                case BUG -> throw new IllegalStateException("gateway bug");
                case DECLINE -> {
                    ChargeResult r = ChargeResult.failed("ch_" + byKey.size(), "card declined");
                    byKey.put(request.idempotencyKey(), r);
                    return r;
                }
                case PENDING -> {
                    ChargeResult r = ChargeResult.pending("ch_" + byKey.size());
                    byKey.put(request.idempotencyKey(), r);
                    return r;
                }
                default -> {
                    ChargeResult r = ChargeResult.succeeded("ch_" + byKey.size());
                    byKey.put(request.idempotencyKey(), r);
                    charged.incrementAndGet();
                    if (answer == Answer.CHARGE_BUT_ANSWER_UNKNOWN) {
                        return ChargeResult.unknown("upstream timeout");
                    }
                    if (answer == Answer.CHARGE_THEN_HANG) {
                        try {
                            new CountDownLatch(1).await(1, TimeUnit.HOURS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return r;
                }
            }
        }

        @Override
        public ChargeResult status(String idempotencyKey) {
            statusCalls.incrementAndGet();
            if (statusUnreachable) {
                throw new TransientPluginException(id(), "connection refused");
            }
            return byKey.getOrDefault(idempotencyKey, ChargeResult.failed(null, "no charge with key " + idempotencyKey));
        }
    }

    final SpiFixture f = fixture();
    private final ScriptedGateway gateway = new ScriptedGateway();
    private final PluginRegistry registry = PluginRegistry.builder().register(gateway)
            .timeout("scripted-gateway", Duration.ofMillis(200))
            .retry(new RetryPolicy(3, Duration.ofMillis(1), 2, Duration.ofMillis(20))).build();
    private final Autopay autopay = new Autopay(f.firm, registry.paymentGateway("scripted-gateway"));

    /** The store the tests run on: in memory here, H2 and PostgreSQL in the subclasses. */
    SpiFixture fixture() {
        InMemoryBillingStore memory = new InMemoryBillingStore();
        return new SpiFixture(memory, memory::events);
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private List<Payment> payments() {
        return Internals.scope(f.firm).tx(s -> s.get(PaymentStore.class).list());
    }

    private Optional<Payment> paymentWithKey(String key) {
        return Internals.scope(f.firm).tx(s -> s.get(PaymentStore.class).findByIdempotencyKey(key));
    }

    @Test
    void charge_succeeds_recordsPaymentWithKeyMethodAndReference() {
        Invoice inv = f.issueInvoice(SpiFixture.GLOBEX, 2);
        AutopayResult r = autopay.charge(inv.id());
        String key = "autopay:firm:" + inv.id().value();
        assertEquals(AutopayResult.Outcome.PAID, r.outcome());
        assertEquals(key, r.idempotencyKey());
        assertEquals(key, Autopay.idempotencyKey(SpiFixture.FIRM, inv.id()));
        ChargeRequest sent = gateway.requests.get(0);
        assertEquals(key, sent.idempotencyKey());
        assertEquals(inv.amountDue(), sent.amount());
        assertEquals(SpiFixture.CARD, sent.paymentMethodRef());
        assertTrue(!sent.toString().contains(SpiFixture.CARD), sent.toString());
        Payment p = paymentWithKey(key).orElseThrow();
        assertEquals(r.paymentId(), p.id());
        assertEquals("autopay", p.method());
        assertEquals("ch_0", p.externalRef());
        assertEquals(inv.amountDue(), p.amount());
        assertEquals(inv.id(), p.allocations().get(0).invoiceId());
        assertEquals(InvoiceStatus.PAID, f.firm.invoices().get(inv.id()).status());
    }

    @Test
    void charge_unknownThenSucceededOnReconcile_chargedOncePaidOnce() {
        gateway.answer = Answer.CHARGE_BUT_ANSWER_UNKNOWN;
        Invoice inv = f.issueInvoice(SpiFixture.GLOBEX, 3);
        AutopayResult first = autopay.charge(inv.id());
        assertEquals(AutopayResult.Outcome.ERROR, first.outcome(), "the gateway answered UNKNOWN");
        assertNull(first.paymentId());
        assertEquals(List.of(), payments(), "nothing recorded for an unknown result");
        assertEquals(InvoiceStatus.ISSUED, f.firm.invoices().get(inv.id()).status());

        List<AutopayResult> reconciled = autopay.reconcile();
        assertEquals(1, reconciled.size());
        assertEquals(AutopayResult.Outcome.PAID, reconciled.get(0).outcome());
        assertEquals(1, gateway.chargeCalls.get(), "reconcile asks for the status, it does not charge");
        assertEquals(1, gateway.charged.get());
        assertEquals(1, gateway.statusCalls.get());
        assertEquals(1, payments().size());
        assertEquals(InvoiceStatus.PAID, f.firm.invoices().get(inv.id()).status());

        assertEquals(List.of(), autopay.reconcile(), "reconciling again finds nothing to do");
        AutopayResult again = autopay.charge(inv.id());
        assertEquals(AutopayResult.Outcome.SKIPPED, again.outcome(), again.message());
        assertEquals(1, payments().size());
        assertEquals(1, gateway.chargeCalls.get());
    }

    @Test
    void reconcile_twiceWhilePendingThenSettled_onePayment_neverChargesAgain() {
        gateway.answer = Answer.PENDING;
        Invoice inv = f.issueInvoice(SpiFixture.GLOBEX, 1);
        assertEquals(AutopayResult.Outcome.PENDING, autopay.charge(inv.id()).outcome());
        assertEquals(AutopayResult.Outcome.PENDING, autopay.reconcile().get(0).outcome());
        assertEquals(AutopayResult.Outcome.PENDING, autopay.charge(inv.id()).outcome(),
                "charging a marked invoice asks for the status");
        String key = Autopay.idempotencyKey(SpiFixture.FIRM, inv.id());
        gateway.byKey.put(key, ChargeResult.succeeded("ch_settled"));
        assertEquals(AutopayResult.Outcome.PAID, autopay.reconcile().get(0).outcome());
        assertEquals(List.of(), autopay.reconcile());
        assertEquals(1, gateway.chargeCalls.get());
        assertEquals(1, payments().size());
        assertEquals("ch_settled", payments().get(0).externalRef());
    }

    @Test
    void charge_gatewayTimesOutAfterCharging_pendingThenReconciled_chargedOnce() {
        gateway.answer = Answer.CHARGE_THEN_HANG;
        Invoice inv = f.issueInvoice(SpiFixture.GLOBEX, 2);
        AutopayResult r = autopay.charge(inv.id());
        assertEquals(AutopayResult.Outcome.ERROR, r.outcome());
        assertTrue(r.message().contains("timed out"), r.message());
        assertEquals(PluginHealth.Status.DEGRADED, registry.health().get("scripted-gateway").status());
        assertEquals(List.of(), payments());
        assertEquals(AutopayResult.Outcome.PAID, autopay.reconcile().get(0).outcome());
        assertEquals(1, gateway.chargeCalls.get());
        assertEquals(1, payments().size());
        assertEquals(PluginHealth.Status.UP, registry.health().get("scripted-gateway").status());
    }

    @Test
    void charge_gatewayThrows_invoiceStaysIssued_healthShowsFailure_reconcileDoesNotCharge() {
        gateway.answer = Answer.UNREACHABLE;
        gateway.statusUnreachable = true;
        Invoice inv = f.issueInvoice(SpiFixture.GLOBEX, 2);
        AutopayResult r = autopay.charge(inv.id());
        assertEquals(AutopayResult.Outcome.ERROR, r.outcome());
        assertEquals(InvoiceStatus.ISSUED, f.firm.invoices().get(inv.id()).status());
        assertEquals(List.of(), payments());
        PluginHealth h = registry.health().get("scripted-gateway");
        assertEquals(PluginHealth.Status.DEGRADED, h.status());
        assertTrue(h.lastFailure().contains("connection refused"), h.lastFailure());
        assertEquals(3, gateway.chargeCalls.get(), "transient failures retried with the same key");
        assertTrue(gateway.requests.stream().allMatch(q -> q.idempotencyKey().equals(r.idempotencyKey())));

        assertEquals(AutopayResult.Outcome.ERROR, autopay.reconcile().get(0).outcome(), "status unreachable too");
        assertEquals(3, gateway.chargeCalls.get());
        gateway.statusUnreachable = false;
        AutopayResult settled = autopay.reconcile().get(0);
        assertEquals(AutopayResult.Outcome.FAILED, settled.outcome(), "the gateway never saw the charge");
        assertEquals(3, gateway.chargeCalls.get());
        assertEquals(InvoiceStatus.ISSUED, f.firm.invoices().get(inv.id()).status());
    }

    @Test
    void charge_declined_recordsFailedAttemptAndRaisesPaymentFailed() {
        gateway.answer = Answer.DECLINE;
        Invoice inv = f.issueInvoice(SpiFixture.GLOBEX, 2);
        AutopayResult r = autopay.charge(inv.id());
        assertEquals(AutopayResult.Outcome.FAILED, r.outcome());
        assertEquals("card declined", r.message());
        Payment p = payments().get(0);
        assertEquals(PaymentStatus.FAILED, p.status());
        assertEquals(List.of(), p.allocations());
        assertEquals(1, f.events("payment.failed").size());
        assertEquals(InvoiceStatus.ISSUED, f.firm.invoices().get(inv.id()).status());
        assertEquals(List.of(), autopay.reconcile(), "a failed attempt is recorded: nothing left to reconcile");
    }

    @Test
    void charge_unknownInvoice_throwsNotFoundNamingIt_nothingChargedOrStored() {
        dev.billops.core.error.NotFoundException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.billops.core.error.NotFoundException.class,
                () -> autopay.charge(dev.billops.core.id.InvoiceId.of("no-such-invoice")));
        assertTrue(e.getMessage().contains("no-such-invoice"), e.getMessage());
        assertEquals(0, gateway.chargeCalls.get());
        assertEquals(List.of(), payments());
    }

    @Test
    void charge_clientWithoutAutopay_skippedAndGatewayNotCalled() {
        Invoice inv = f.issueInvoice(SpiFixture.ACME, 2);
        AutopayResult r = autopay.charge(inv.id());
        assertEquals(AutopayResult.Outcome.SKIPPED, r.outcome());
        assertTrue(r.message().contains("acme"), r.message());
        assertEquals(0, gateway.chargeCalls.get());
        assertEquals(Map.of(), f.firm.invoices().get(inv.id()).metadata());
    }

    @Test
    void onInvoiceIssued_throughEventDelivery_chargesAutopayClientsOnce() {
        registry.add(new Autopay(f.billing, registry.paymentGateway("scripted-gateway")));
        EventDelivery delivery = new EventDelivery(registry);
        Invoice acme = f.issueInvoice(SpiFixture.ACME, 1);
        Invoice globex = f.issueInvoice(SpiFixture.GLOBEX, 1);
        for (int round = 0; round < 2; round++) {
            for (BillingEvent e : f.events()) {
                delivery.deliver(SpiFixture.FIRM, e);
            }
        }
        assertEquals(1, gateway.chargeCalls.get());
        assertEquals(globex.id(), gateway.requests.get(0).invoiceId());
        assertEquals(InvoiceStatus.PAID, f.firm.invoices().get(globex.id()).status());
        assertEquals(InvoiceStatus.ISSUED, f.firm.invoices().get(acme.id()).status());
        assertEquals(PluginHealth.Status.UP, registry.health().get(Autopay.ID).status());
    }

    private List<AuditRecord> audit(Invoice inv) {
        return Internals.scope(f.firm).tx(s -> s.get(AuditLog.class).history("invoice", inv.id().value()));
    }

    @Test
    void charge_gatewayReturnsNull_errorNotPending_nothingRecorded() {
        gateway.answer = Answer.NULL;
        Invoice inv = f.issueInvoice(SpiFixture.GLOBEX, 2);

        AutopayResult r = autopay.charge(inv.id());

        assertEquals(AutopayResult.Outcome.ERROR, r.outcome(), r.message());
        assertTrue(r.message().contains("null"), r.message());
        assertEquals(List.of(), payments());
    }

    @Test
    void charge_gatewaySucceedsWithoutReference_errorNotPending_nothingRecorded() {
        gateway.answer = Answer.NO_REFERENCE;
        Invoice inv = f.issueInvoice(SpiFixture.GLOBEX, 2);

        AutopayResult r = autopay.charge(inv.id());

        assertEquals(AutopayResult.Outcome.ERROR, r.outcome(), r.message());
        assertTrue(r.message().contains("SUCCEEDED without a gateway reference"), r.message());
        assertEquals(List.of(), payments());
    }

    @Test
    void charge_unguardedGatewayThrowsOrReturnsNull_errorInsteadOfAnException() {
        Autopay direct = new Autopay(f.firm, gateway);
        Invoice buggy = f.issueInvoice(SpiFixture.GLOBEX, 1);
        Invoice nulls = f.issueInvoice(SpiFixture.GLOBEX, 2);

        gateway.answer = Answer.BUG;
        AutopayResult bug = direct.charge(buggy.id());
        gateway.answer = Answer.NULL;
        AutopayResult none = direct.charge(nulls.id());

        assertEquals(AutopayResult.Outcome.ERROR, bug.outcome(), bug.message());
        assertTrue(bug.message().contains("gateway bug"), bug.message());
        assertEquals(AutopayResult.Outcome.ERROR, none.outcome(), none.message());
        assertEquals(List.of(), payments());
    }

    @Test
    void charge_pendingAnswer_pendingNotError() {
        gateway.answer = Answer.PENDING;
        Invoice inv = f.issueInvoice(SpiFixture.GLOBEX, 1);

        AutopayResult r = autopay.charge(inv.id());

        assertEquals(AutopayResult.Outcome.PENDING, r.outcome(), r.message());
    }

    @Test
    void rearm_afterErrorAndGatewayConfirmsNoCharge_auditedAndNextChargeUsesANewKey() {
        gateway.answer = Answer.UNREACHABLE;
        gateway.statusUnreachable = true;
        Invoice inv = f.issueInvoice(SpiFixture.GLOBEX, 2);
        String firstKey = autopay.charge(inv.id()).idempotencyKey();
        gateway.statusUnreachable = false;
        gateway.answer = Answer.SUCCEED;
        assertEquals(AutopayResult.Outcome.FAILED, autopay.reconcile().get(0).outcome(), "no charge: recorded failed");
        assertEquals(AutopayResult.Outcome.FAILED, autopay.charge(inv.id()).outcome(), "stuck without a re-arm");
        int auditBefore = audit(inv).size();

        String newKey = autopay.rearm(inv.id(), "PSP support confirmed no charge (ticket 4711)");

        assertEquals(firstKey + ":2", newKey);
        assertEquals(newKey, Autopay.idempotencyKey(SpiFixture.FIRM, inv.id(), 2));
        List<AuditRecord> audit = audit(inv);
        assertEquals(auditBefore + 1, audit.size());
        AuditRecord rearm = audit.get(audit.size() - 1);
        assertEquals("autopay.rearm", rearm.action());
        assertTrue(String.valueOf(rearm.after()).contains("PSP support confirmed no charge (ticket 4711)"),
                String.valueOf(rearm.after()));
        AutopayResult second = autopay.charge(inv.id());
        assertEquals(AutopayResult.Outcome.PAID, second.outcome(), second.message());
        assertEquals(newKey, second.idempotencyKey());
        assertEquals(newKey, gateway.requests.get(gateway.requests.size() - 1).idempotencyKey());
        assertEquals(InvoiceStatus.PAID, f.firm.invoices().get(inv.id()).status());
        assertEquals(1, gateway.charged.get(), "money moved once");
        assertEquals(PaymentStatus.FAILED, paymentWithKey(firstKey).orElseThrow().status(), "history kept");
        assertEquals(List.of(), autopay.reconcile());
    }

    @Test
    void rearm_gatewayHasTheCharge_refusedNamingIt_nothingChanged() {
        gateway.answer = Answer.CHARGE_BUT_ANSWER_UNKNOWN;
        Invoice inv = f.issueInvoice(SpiFixture.GLOBEX, 2);
        assertEquals(AutopayResult.Outcome.ERROR, autopay.charge(inv.id()).outcome());
        Map<String, String> metadata = f.firm.invoices().get(inv.id()).metadata();
        int auditBefore = audit(inv).size();

        AutopayRearmRefusedException e = assertThrows(AutopayRearmRefusedException.class,
                () -> autopay.rearm(inv.id(), "customer says it failed"));

        assertTrue(e.getMessage().contains("SUCCEEDED"), e.getMessage());
        assertTrue(e.getMessage().contains(Autopay.idempotencyKey(SpiFixture.FIRM, inv.id())), e.getMessage());
        assertEquals(inv.id(), e.invoiceId());
        assertEquals(metadata, f.firm.invoices().get(inv.id()).metadata());
        assertEquals(auditBefore, audit(inv).size());
        assertEquals(AutopayResult.Outcome.PAID, autopay.reconcile().get(0).outcome());
        assertEquals(1, gateway.charged.get());
    }

    @Test
    void rearm_gatewayCannotBeAsked_refused_nothingChanged() {
        gateway.answer = Answer.UNREACHABLE;
        gateway.statusUnreachable = true;
        Invoice inv = f.issueInvoice(SpiFixture.GLOBEX, 2);
        autopay.charge(inv.id());
        Map<String, String> metadata = f.firm.invoices().get(inv.id()).metadata();

        AutopayRearmRefusedException e = assertThrows(AutopayRearmRefusedException.class,
                () -> autopay.rearm(inv.id(), "no idea"));

        assertTrue(e.getMessage().contains("could not confirm"), e.getMessage());
        assertEquals(metadata, f.firm.invoices().get(inv.id()).metadata());
    }

    @Test
    void rearm_invoiceNeverCharged_refused() {
        Invoice inv = f.issueInvoice(SpiFixture.ACME, 2);

        AutopayRearmRefusedException e = assertThrows(AutopayRearmRefusedException.class,
                () -> autopay.rearm(inv.id(), "why not"));

        assertTrue(e.getMessage().contains("was never charged by autopay"), e.getMessage());
        assertEquals(0, gateway.statusCalls.get());
    }

    @Test
    void rearm_blankReason_refusedAsInvalidInput() {
        Invoice inv = f.issueInvoice(SpiFixture.GLOBEX, 2);
        assertThrows(dev.billops.core.error.InvalidInputException.class, () -> autopay.rearm(inv.id(), " "));
    }
}
