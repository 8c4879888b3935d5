package dev.billops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.spi.AuditLog;
import dev.billops.core.audit.AuditRecord;
import dev.billops.core.spi.EngagementStore;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.spi.NumberSequenceStore;
import dev.billops.core.party.Actor;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.spi.TenantStore;
import dev.billops.core.spi.TimekeeperStore;
import dev.billops.core.spi.PaymentStore;
import dev.billops.core.spi.ReminderStore;
import dev.billops.core.spi.ActivityStore;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.spi.RateRuleStore;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.spi.TimeEntryStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@code BillingStore.inTransaction}: all writes of a transaction commit together or
 * not at all, across every port; the exception that aborted it is rethrown unchanged; its result
 * is returned; its writes are visible to itself; a nested transaction on the same thread joins
 * the outer one; and a port exception caught inside the work (a duplicate key) leaves the
 * transaction usable. See {@link StoreContract}.
 */
public abstract class TransactionContract extends StoreContract {

    private static final ClientId CLIENT = ClientId.of("c");

    /** Writes one row through every port, then (if asked) fails. */
    private void writeEverything(dev.billops.core.spi.StoreSession s) {
        s.get(TenantStore.class).save(Fixtures.sparseTenant(s.tenant()));
        s.get(ClientStore.class).insert(Fixtures.sparseClient(CLIENT));
        s.get(TimekeeperStore.class).insert(Fixtures.sparseTimekeeper(TimekeeperId.of("tk")));
        s.get(ProjectStore.class).insert(Fixtures.sparseProject(ProjectId.of("p"), CLIENT));
        s.get(ActivityStore.class).insert(Fixtures.activity(ActivityId.of("a"), "Dev"));
        s.get(RateRuleStore.class).insert(Fixtures.sparseRule(RateRuleId.of("r")));
        TimeEntry e = Fixtures.entry("e", ProjectId.of("p"), TimekeeperId.of("tk"), 0);
        s.get(TimeEntryStore.class).insert(e);
        s.get(TimeEntryStore.class).markBilled(List.of(e.id()), InvoiceId.of("i"));
        long n = s.get(NumberSequenceStore.class).next("INV", "2026", 0);
        s.get(InvoiceStore.class).insert(Fixtures.issued(InvoiceId.of("i"), CLIENT, "INV", "INV-" + n, Fixtures.D0));
        s.get(PaymentStore.class).insert(Fixtures.keyedPayment(PaymentId.of("pay"), CLIENT, "key"));
        s.get(ReminderStore.class).recordSent(InvoiceId.of("i"), "due+7", Fixtures.D0);
        s.get(EngagementStore.class).insert(Fixtures.packageEngagement(EngagementId.of("eng"), CLIENT));
        s.get(AuditLog.class).append(new AuditRecord(Fixtures.T0, Actor.user("u"), "everything", "test", "t", null,
                null));
    }

    @Test
    void inTransaction_workThrowsAfterWritingEveryPort_storesNothingAndRethrowsSameException() {
        IllegalStateException boom = new IllegalStateException("boom after writing everything");
        VisibleState before = visible();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> run(s -> {
            writeEverything(s);
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals(before, visible());
        assertTrue(visible().isEmpty());
        assertEquals(0, txLong(s -> s.get(NumberSequenceStore.class).current("INV", "2026")));
        assertEquals(List.of(), tx(s -> s.get(ReminderStore.class).sentSteps(InvoiceId.of("i"))));
        assertEquals(List.of(), tx(s -> s.get(AuditLog.class).history("test", "t")));
        assertTrue(!store.tenantIds().contains(tenant), "a rolled-back tenant must not be listed");
    }

    @Test
    void inTransaction_workSucceeds_commitsEveryPortAndReturnsResult() {
        String result = tx(s -> {
            writeEverything(s);
            return "done";
        });
        assertEquals("done", result);
        VisibleState after = visible();
        assertEquals(1, after.clients().size());
        assertEquals(1, after.timekeepers().size());
        assertEquals(1, after.projects().size());
        assertEquals(1, after.activities().size());
        assertEquals(1, after.rateRules().size());
        assertEquals(1, after.timeEntries().size());
        assertEquals(1, after.invoices().size());
        assertEquals(1, after.payments().size());
        assertEquals(1, after.engagements().size());
        assertTrue(after.tenant().isPresent());
        assertEquals(1, txLong(s -> s.get(NumberSequenceStore.class).current("INV", "2026")));
        assertEquals(List.of("due+7"), tx(s -> s.get(ReminderStore.class).sentSteps(InvoiceId.of("i"))));
        assertEquals(1, tx(s -> s.get(AuditLog.class).history("test", "t")).size());
        assertTrue(store.tenantIds().contains(tenant));
    }

    @Test
    void inTransaction_ownWrites_visibleBeforeCommit() {
        run(s -> {
            s.get(ClientStore.class).insert(Fixtures.sparseClient(CLIENT));
            assertEquals(1, s.get(ClientStore.class).list().size());
            TimeEntry e = Fixtures.entry("e", ProjectId.of("p"), TimekeeperId.of("tk"), 0);
            s.get(TimeEntryStore.class).insert(e);
            s.get(TimeEntryStore.class).markBilled(List.of(e.id()), InvoiceId.of("i"));
            assertEquals(InvoiceId.of("i"), s.get(TimeEntryStore.class).find(e.id()).orElseThrow().invoiceId());
        });
    }

    @Test
    void inTransaction_nestedOnSameThread_joinsOuterAndCommitsWithIt() {
        run(s -> {
            s.get(ClientStore.class).insert(Fixtures.sparseClient(ClientId.of("outer")));
            run(inner -> {
                assertEquals(Optional.of(Fixtures.sparseClient(ClientId.of("outer"))),
                        inner.get(ClientStore.class).find(ClientId.of("outer")));
                inner.get(ClientStore.class).insert(Fixtures.sparseClient(ClientId.of("inner")));
            });
            assertEquals(2, s.get(ClientStore.class).list().size());
        });
        assertEquals(2, visible().clients().size());
    }

    @Test
    void inTransaction_outerThrowsAfterNestedCompleted_rollsBackBoth() {
        assertThrows(IllegalStateException.class, () -> run(s -> {
            s.get(ClientStore.class).insert(Fixtures.sparseClient(ClientId.of("outer")));
            run(inner -> inner.get(ClientStore.class).insert(Fixtures.sparseClient(ClientId.of("inner"))));
            throw new IllegalStateException("outer fails");
        }));
        assertTrue(visible().isEmpty());
    }

    @Test
    void inTransaction_duplicateKeyCaughtInsideWork_transactionStaysUsableAndCommits() {
        run(s -> s.get(InvoiceStore.class).insert(Fixtures.packageDraft(InvoiceId.of("first"), CLIENT,
                EngagementId.of("eng"), Fixtures.D0)));
        run(s -> {
            s.get(ClientStore.class).insert(Fixtures.sparseClient(CLIENT));
            assertThrows(DuplicateKeyException.class, () -> s.get(InvoiceStore.class).insert(
                    Fixtures.packageDraft(InvoiceId.of("second"), CLIENT, EngagementId.of("eng"), Fixtures.D0)));
            s.get(InvoiceStore.class).insert(Fixtures.packageDraft(InvoiceId.of("third"), CLIENT,
                    EngagementId.of("eng"), Fixtures.D0.plusMonths(1)));
        });
        VisibleState after = visible();
        assertEquals(1, after.clients().size());
        assertEquals(List.of("first", "third"), after.invoices().stream().map(i -> i.id().value()).sorted().toList());
    }

    @Test
    void inTransaction_committed_visibleToLaterTransactions() {
        run(s -> s.get(ClientStore.class).insert(Fixtures.sparseClient(CLIENT)));
        assertEquals(Optional.of(Fixtures.sparseClient(CLIENT)), tx(s -> s.get(ClientStore.class).find(CLIENT)));
        TimeEntryId id = TimeEntryId.of("e");
        run(s -> s.get(TimeEntryStore.class).insert(Fixtures.entry("e", ProjectId.of("p"), TimekeeperId.of("tk"), 0)));
        run(s -> s.get(TimeEntryStore.class).markBilled(List.of(id), InvoiceId.of("i")));
        assertEquals(InvoiceId.of("i"), tx(s -> s.get(TimeEntryStore.class).find(id)).orElseThrow().invoiceId());
    }
}
