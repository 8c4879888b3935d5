package dev.billops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.billops.core.spi.AuditLog;
import dev.billops.core.audit.AuditRecord;
import dev.billops.core.Billing;
import dev.billops.core.Clients;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.spi.EventOutbox;
import dev.billops.core.event.InvoiceIssued;
import dev.billops.core.event.PaymentReceived;
import dev.billops.core.event.TimeEntriesBilled;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EventId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.money.Money;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Client;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.testkit.gen.DomainGens;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link AuditLog} and {@link EventOutbox}: audit history per entity in append order
 * with who, when and what kept exactly (before/after states are stored values whose read-back
 * representation is the store's choice, so only their presence is compared); events kept in
 * append order, unique by event id, and gone with a rolled-back transaction. Outbox contents are
 * read through {@link #committedEvents}; without it those tests are skipped. See
 * {@link StoreContract}.
 */
public abstract class AuditAndOutboxContract extends StoreContract {

    private static AuditRecord record(String action, String entityId, Object before, Object after, int second) {
        return new AuditRecord(Fixtures.T0.plusSeconds(second), Actor.user("alice@acme.test"), action, "client",
                entityId, before, after);
    }

    private static void assertSameRecord(AuditRecord expected, AuditRecord actual) {
        assertEquals(expected.at(), actual.at());
        assertEquals(expected.actor(), actual.actor());
        assertEquals(expected.action(), actual.action());
        assertEquals(expected.entityType(), actual.entityType());
        assertEquals(expected.entityId(), actual.entityId());
        assertEquals(expected.before() == null, actual.before() == null, "before present");
        assertEquals(expected.after() == null, actual.after() == null, "after present");
    }

    @Test
    void auditHistory_oneEntity_inAppendOrderWithEveryField() {
        var client = Fixtures.richClient(ClientId.of("c-1"), "O'Brien 😀");
        AuditRecord created = record("client.create", "c-1", null, client, 0);
        AuditRecord changed = record("client.update", "c-1", client, client.withTerms(60), 1);
        AuditRecord other = record("client.create", "c-2", null, Fixtures.sparseClient(ClientId.of("c-2")), 2);
        AuditRecord deleted = new AuditRecord(Fixtures.T0.plusSeconds(3), Actor.system("nightly-job"),
                "client.delete", "client", "c-1", client, null);
        run(s -> {
            s.get(AuditLog.class).append(created);
            s.get(AuditLog.class).append(changed);
            s.get(AuditLog.class).append(other);
        });
        run(s -> s.get(AuditLog.class).append(deleted));
        List<AuditRecord> history = tx(s -> s.get(AuditLog.class).history("client", "c-1"));
        assertEquals(3, history.size());
        assertSameRecord(created, history.get(0));
        assertSameRecord(changed, history.get(1));
        assertSameRecord(deleted, history.get(2));
        assertNull(history.get(0).before());
        assertNotNull(history.get(0).after());
        assertEquals(List.of(), tx(s -> s.get(AuditLog.class).history("invoice", "c-1")));
    }

    @Test
    void auditAppend_hostileTexts_keptExactly() {
        for (int i = 0; i < DomainGens.HOSTILE_TEXTS.size(); i++) {
            String text = DomainGens.HOSTILE_TEXTS.get(i);
            String id = "n-" + i;
            AuditRecord r = new AuditRecord(Fixtures.T0, new Actor("user", text), text, "note", id, null, text);
            run(s -> s.get(AuditLog.class).append(r));
            List<AuditRecord> history = tx(s -> s.get(AuditLog.class).history("note", id));
            assertEquals(1, history.size(), text);
            assertSameRecord(r, history.get(0));
        }
    }

    @Test
    void clientService_autopayClient_auditNeverHoldsThePaymentMethodReference() {
        String secret = "pm_live_SECRET_4242";
        Clients clients = Billing.builder().stores(store).clock(Clock.fixed(Fixtures.T0, ZoneOffset.UTC)).build()
                .tenant(tenant, Actor.user("alice@acme.test")).clients();
        Client created = clients.create(Fixtures.richClient(ClientId.of("c-pm"), "Autopay GmbH").withAutopay(secret));
        clients.update(created.withTerms(14));
        List<AuditRecord> history = tx(s -> s.get(AuditLog.class).history("client", "c-pm"));
        assertEquals(2, history.size());
        for (AuditRecord r : history) {
            for (Object state : new Object[] {r.before(), r.after()}) {
                if (state instanceof Client c) {
                    assertNotEquals(secret, c.paymentMethodRef(), r.action());
                } else if (state != null) {
                    assertFalse(state.toString().contains(secret), r.action() + " stored " + state);
                    assertTrue(state.toString().contains("sha256:"), r.action() + " keeps a fingerprint: " + state);
                }
            }
        }
        assertEquals(secret, clients.get(ClientId.of("c-pm")).paymentMethodRef(), "the client itself keeps it");
    }

    @Test
    void auditAppend_transactionRolledBack_leavesNoRecord() {
        assertThrows(IllegalStateException.class, () -> run(s -> {
            s.get(AuditLog.class).append(record("client.create", "c-1", null, "x", 0));
            throw new IllegalStateException("boom");
        }));
        assertEquals(List.of(), tx(s -> s.get(AuditLog.class).history("client", "c-1")));
    }

    @Test
    void outboxAppend_sameEventIdTwice_throwsDuplicateKey() {
        BillingEvent e = new TimeEntriesBilled(EventId.of("evt-1"), Fixtures.T0, InvoiceId.of("inv-1"), 3);
        run(s -> s.get(EventOutbox.class).append(e));
        assertThrows(DuplicateKeyException.class, () -> run(s -> s.get(EventOutbox.class).append(
                new TimeEntriesBilled(EventId.of("evt-1"), Fixtures.T0, InvoiceId.of("inv-2"), 1))));
    }

    @Test
    void auditAppendAll_severalEntities_inAppendOrderWithEveryField() {
        var client = Fixtures.richClient(ClientId.of("c-1"), "O'Brien 😀");
        AuditRecord created = record("client.create", "c-1", null, client, 0);
        AuditRecord other = record("client.create", "c-2", null, Fixtures.sparseClient(ClientId.of("c-2")), 1);
        AuditRecord changed = record("client.update", "c-1", client, client.withTerms(60), 2);
        run(s -> s.get(AuditLog.class).appendAll(List.of(created, other, changed)));
        run(s -> s.get(AuditLog.class).appendAll(List.of()));
        List<AuditRecord> history = tx(s -> s.get(AuditLog.class).history("client", "c-1"));
        assertEquals(2, history.size());
        assertSameRecord(created, history.get(0));
        assertSameRecord(changed, history.get(1));
        assertEquals(1, tx(s -> s.get(AuditLog.class).history("client", "c-2")).size());
    }

    @Test
    void outboxAppendAll_knownOrRepeatedEventId_throwsDuplicateKeyNamingIt_appendsNothing() {
        BillingEvent first = new TimeEntriesBilled(EventId.of("evt-1"), Fixtures.T0, InvoiceId.of("inv-1"), 3);
        run(s -> s.get(EventOutbox.class).append(first));
        BillingEvent fresh = new TimeEntriesBilled(EventId.of("evt-2"), Fixtures.T0, InvoiceId.of("inv-2"), 1);
        DuplicateKeyException known = assertThrows(DuplicateKeyException.class, () -> run(s -> s.get(EventOutbox.class)
                .appendAll(List.of(fresh, new TimeEntriesBilled(EventId.of("evt-1"), Fixtures.T0,
                        InvoiceId.of("inv-3"), 1)))));
        assertEquals("evt-1", known.key());
        DuplicateKeyException twice = assertThrows(DuplicateKeyException.class, () -> run(s -> {
            s.get(EventOutbox.class).appendAll(List.of(fresh, fresh));
        }));
        assertEquals("evt-2", twice.key());
        // the refusal appended nothing, and the transaction stays usable
        BillingEvent later = new TimeEntriesBilled(EventId.of("evt-3"), Fixtures.T0, InvoiceId.of("inv-4"), 2);
        run(s -> {
            assertThrows(DuplicateKeyException.class, () -> s.get(EventOutbox.class).appendAll(List.of(later, first)));
            s.get(EventOutbox.class).appendAll(List.of(fresh, later));
        });
        Optional<List<BillingEvent>> committed = committedEvents(store, tenant);
        if (committed.isPresent()) {
            assertEquals(List.of(first, fresh, later), committed.get());
        }
    }

    @Test
    void outbox_committedEvents_inAppendOrderAndEqual() {
        Optional<List<BillingEvent>> probe = committedEvents(store, tenant);
        assumeTrue(probe.isPresent(), "this store does not expose its outbox to the contract");
        BillingEvent issued = new InvoiceIssued(EventId.of("evt-b"), Fixtures.T0, InvoiceId.of("inv-1"),
                "INV-2026-0001", ClientId.of("acme"), Money.of(Fixtures.BHD, "119.500"), Fixtures.D0.plusDays(30));
        BillingEvent paid = new PaymentReceived(EventId.of("evt-a"), Fixtures.T0.plusSeconds(1), PaymentId.of("p-1"),
                ClientId.of("acme"), Money.of(Fixtures.JPY, "1200"));
        BillingEvent billed = new TimeEntriesBilled(EventId.of("evt-c"), Fixtures.T0.plusSeconds(2),
                InvoiceId.of("inv-1"), 7);
        run(s -> {
            s.get(EventOutbox.class).append(issued);
            s.get(EventOutbox.class).append(paid);
        });
        assertThrows(IllegalStateException.class, () -> run(s -> {
            s.get(EventOutbox.class).append(new TimeEntriesBilled(EventId.of("evt-rolled-back"), Fixtures.T0,
                    InvoiceId.of("inv-9"), 1));
            throw new IllegalStateException("boom");
        }));
        run(s -> s.get(EventOutbox.class).append(billed));
        assertEquals(List.of(issued, paid, billed), committedEvents(store, tenant).orElseThrow());
        assertEquals(List.of(), committedEvents(store, otherTenant).orElseThrow());
    }
}
