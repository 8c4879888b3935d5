package dev.billops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentStatus;
import dev.billops.core.spi.PaymentStore;
import dev.billops.core.spi.ReminderStore;
import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.spi.StoreSession;
import dev.billops.testkit.gen.DomainGens;
import dev.billops.testkit.gen.MoneyGens;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link PaymentStore} and {@link ReminderStore}: round trips with allocations,
 * unique ids and idempotency keys, optimistic locking, orderings by (date, id), and each reminder
 * step recorded once per invoice. See {@link StoreContract} for how to run it.
 */
public abstract class PaymentStoreContract extends StoreContract {

    protected static final ClientId ACME = ClientId.of("acme");
    protected static final ClientId GLOBEX = ClientId.of("globex");

    private static PaymentStore payments(StoreSession s) {
        return s.get(PaymentStore.class);
    }

    private void insert(Payment... all) {
        run(s -> {
            for (Payment p : all) {
                payments(s).insert(p);
            }
        });
    }

    private Optional<Payment> find(PaymentId id) {
        return tx(s -> payments(s).find(id));
    }

    @Test
    void insert_richWithHostileTexts_roundTripsEveryField() {
        for (int i = 0; i < DomainGens.HOSTILE_TEXTS.size(); i++) {
            Payment p = Fixtures.richPayment(PaymentId.of("pay-" + i), ACME, DomainGens.HOSTILE_TEXTS.get(i));
            insert(p);
            assertEquals(Optional.of(p), find(p.id()));
            assertEquals(Optional.of(p), tx(s -> payments(s).findByIdempotencyKey(p.idempotencyKey())));
        }
    }

    @Test
    void insert_sparse_roundTripsNulls() {
        Payment p = Fixtures.payment(PaymentId.of("p"), ACME, Fixtures.D0, "12.34");
        insert(p);
        assertEquals(Optional.of(p), find(p.id()));
    }

    @Test
    void insert_generatedPayments_roundTrip() {
        Gen<Payment> gen = MoneyGens.currencies().flatMap(c -> DomainGens.payments(ACME, c));
        Property.forAll(gen).tries(40).verify(p -> {
            dev.billops.core.id.TenantId fresh = dev.billops.core.id.TenantId.generate();
            run(fresh, s -> payments(s).insert(p));
            assertEquals(Optional.of(p), tx(fresh, s -> payments(s).find(p.id())));
        });
    }

    @Test
    void insert_knownId_throwsDuplicateKey() {
        Payment p = Fixtures.payment(PaymentId.of("p"), ACME, Fixtures.D0, "1.00");
        insert(p);
        assertFailsStoringNothing(DuplicateKeyException.class,
                () -> insert(Fixtures.payment(p.id(), GLOBEX, Fixtures.D0, "2.00")));
    }

    @Test
    void insert_knownIdempotencyKey_throwsDuplicateKey_nullKeysNeverCollide() {
        insert(Fixtures.keyedPayment(PaymentId.of("p1"), ACME, "stripe:evt_123"));
        DuplicateKeyException ex = assertFailsStoringNothing(DuplicateKeyException.class,
                () -> insert(Fixtures.keyedPayment(PaymentId.of("p2"), GLOBEX, "stripe:evt_123")));
        assertTrue(ex.getMessage().contains("stripe:evt_123"), ex.getMessage());
        insert(Fixtures.payment(PaymentId.of("n1"), ACME, Fixtures.D0, "1.00"),
                Fixtures.payment(PaymentId.of("n2"), ACME, Fixtures.D0, "1.00"));
        assertEquals(PaymentId.of("p1"), tx(s -> payments(s).findByIdempotencyKey("stripe:evt_123")).orElseThrow().id());
        assertEquals(Optional.empty(), tx(s -> payments(s).findByIdempotencyKey("stripe:evt_124")));
    }

    @Test
    void update_currentVersion_storesAndBumps_stale_throwsConcurrentUpdate() {
        Payment p = Fixtures.keyedPayment(PaymentId.of("p"), ACME, "k");
        insert(p);
        Payment ok = tx(s -> payments(s).update(Transitions.withStatus(p, PaymentStatus.SUCCEEDED)));
        assertEquals(Transitions.withStatus(p, PaymentStatus.SUCCEEDED).withVersion(p.version() + 1), ok);
        assertEquals(Optional.of(ok), find(p.id()));
        assertFailsStoringNothing(ConcurrentUpdateException.class,
                () -> run(s -> payments(s).update(Transitions.withStatus(p, PaymentStatus.FAILED))));
        assertFailsStoringNothing(NotFoundException.class, () -> run(s -> payments(s).update(
                Fixtures.payment(PaymentId.of("ghost"), ACME, Fixtures.D0, "1.00"))));
    }

    @Test
    void lists_orderedByDateThenId_filteredByClientAndInvoice() {
        InvoiceId inv = InvoiceId.of("inv-1");
        Payment late = Fixtures.allocatedPayment(PaymentId.of("a-late"), ACME, Fixtures.D0.plusDays(3), inv);
        Payment earlyB = Fixtures.payment(PaymentId.of("b"), ACME, Fixtures.D0, "5.00");
        Payment earlyA = Fixtures.allocatedPayment(PaymentId.of("a"), GLOBEX, Fixtures.D0, inv);
        Payment unrelated = Fixtures.allocatedPayment(PaymentId.of("c"), ACME, Fixtures.D0.plusDays(1),
                InvoiceId.of("inv-2"));
        insert(late, earlyB, earlyA, unrelated);
        assertEquals(List.of(earlyA, earlyB, unrelated, late), tx(s -> payments(s).list()));
        assertEquals(List.of(earlyB, unrelated, late), tx(s -> payments(s).listByClient(ACME)));
        assertEquals(List.of(earlyA, late), tx(s -> payments(s).listByInvoice(inv)));
        assertEquals(List.of(), tx(s -> payments(s).listByInvoice(InvoiceId.of("none"))));
    }

    @Test
    void recordSent_eachStepOncePerInvoice_inRecordingOrder() {
        InvoiceId a = InvoiceId.of("inv-a");
        InvoiceId b = InvoiceId.of("inv-b");
        assertTrue(txBoolean(s -> s.get(ReminderStore.class).recordSent(a, "due+7", Fixtures.D0)));
        assertTrue(txBoolean(s -> s.get(ReminderStore.class).recordSent(a, "due-3", Fixtures.D0.plusDays(1))));
        assertFalse(txBoolean(s -> s.get(ReminderStore.class).recordSent(a, "due+7", Fixtures.D0.plusDays(2))));
        assertTrue(txBoolean(s -> s.get(ReminderStore.class).recordSent(b, "due+7", Fixtures.D0)));
        assertEquals(List.of("due+7", "due-3"), tx(s -> s.get(ReminderStore.class).sentSteps(a)));
        assertEquals(List.of("due+7"), tx(s -> s.get(ReminderStore.class).sentSteps(b)));
        assertEquals(List.of(), tx(s -> s.get(ReminderStore.class).sentSteps(InvoiceId.of("none"))));
    }
}
