package dev.billops.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.spi.AuditLog;
import dev.billops.core.audit.AuditRecord;
import dev.billops.core.spi.EventOutbox;
import dev.billops.core.event.TimeEntriesBilled;
import dev.billops.core.id.EventId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.spi.NumberSequenceStore;
import dev.billops.core.party.Actor;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.spi.TimeEntryStore;
import dev.billops.jdbc.internal.JdbcSession;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * An issue-like operation (number, invoice, billed entries, audit, event) that dies half way
 * leaves nothing: not when the work throws after its first writes, not when its connection is
 * killed by the server.
 */
class FaultTest {

    private static final String[] TENANT_TABLES = {"billops_invoice", "billops_invoice_line", "billops_billed_entry",
        "billops_audit_log", "billops_outbox", "billops_number_sequence"};

    /** Writes everything an issue writes, calling {@code midway} after the first writes. */
    private static void issueLike(StoreSession s, List<TimeEntryId> entries, Runnable midway) {
        long number = s.get(NumberSequenceStore.class).next("INV", "2026", 0);
        Invoice issued = Transitions.issuedAs(Seeds.draft("inv-1", "2"), "INV-" + number, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31));
        s.get(InvoiceStore.class).insert(issued);
        midway.run();
        s.get(TimeEntryStore.class).markBilled(entries, issued.id());
        s.get(AuditLog.class).append(new AuditRecord(Seeds.T0, Actor.user("alice"), "invoice.issue", "invoice",
                "inv-1", null, issued));
        s.get(EventOutbox.class).append(new TimeEntriesBilled(EventId.generate(), Seeds.T0, issued.id(), entries.size()));
    }

    private static List<TimeEntryId> seedEntries(JdbcBillingStore store, TenantId tenant) {
        List<TimeEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(Seeds.entry("e-" + i, i));
        }
        store.inTransaction(tenant, s -> {
            s.get(TimeEntryStore.class).insertAll(entries);
            return null;
        });
        return entries.stream().map(TimeEntry::id).toList();
    }

    private static void assertNothingWritten(Jdbi jdbi, JdbcBillingStore store, TenantId tenant,
            List<TimeEntryId> entries) {
        for (String table : TENANT_TABLES) {
            long rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = :t")
                    .bind("t", tenant.value()).mapTo(Long.class).one());
            assertEquals(0, rows, table + " kept rows of the failed operation");
        }
        store.inTransaction(tenant, s -> {
            for (TimeEntryId id : entries) {
                assertTrue(s.get(TimeEntryStore.class).find(id).orElseThrow().isOpen(), id + " stayed open");
            }
            assertEquals(0, s.get(NumberSequenceStore.class).current("INV", "2026"), "the number was given back");
            return null;
        });
    }

    @Test
    void exceptionAfterFirstWrites_h2_leavesNoRows() {
        String name = "fault-" + System.nanoTime();
        try (JdbcBillingStore store = JdbcStores.h2InMemory(name)) {
            TenantId tenant = TenantId.generate();
            List<TimeEntryId> entries = seedEntries(store, tenant);
            IllegalStateException boom = new IllegalStateException("injected");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.inTransaction(tenant,
                    s -> {
                        issueLike(s, entries, () -> {
                            throw boom;
                        });
                        return null;
                    }));
            assertEquals(boom, thrown, "rethrown unchanged");
            Jdbi jdbi = Jdbi.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + JdbcStores.H2_SETTINGS, "sa", "");
            assertNothingWritten(jdbi, store, tenant, entries);
        }
    }

    @Test
    void exceptionAfterFirstWrites_postgres_leavesNoRows() {
        try (PostgresTestDatabase db = PostgresTestDatabase.open("fault1")) {
            JdbcBillingStore store = JdbcStores.postgres(db.dataSource());
            TenantId tenant = TenantId.generate();
            List<TimeEntryId> entries = seedEntries(store, tenant);
            assertThrows(IllegalStateException.class, () -> store.inTransaction(tenant, s -> {
                issueLike(s, entries, () -> {
                    throw new IllegalStateException("injected");
                });
                return null;
            }));
            assertNothingWritten(Jdbi.create(db.dataSource()), store, tenant, entries);
        }
    }

    @Test
    void connectionKilledMidTransaction_postgres_leavesNoRowsAndStoreStaysUsable() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.open("fault2")) {
            JdbcBillingStore store = JdbcStores.postgres(db.unpooledDataSource());
            TenantId tenant = TenantId.generate();
            List<TimeEntryId> entries = seedEntries(store, tenant);
            RuntimeException failure = assertThrows(RuntimeException.class, () -> store.inTransaction(tenant, s -> {
                issueLike(s, entries, () -> {
                    int pid = ((JdbcSession) s).transactionHandle().createQuery("SELECT pg_backend_pid()")
                            .mapTo(Integer.class).one();
                    try (Connection killer = db.connect(); Statement k = killer.createStatement();
                            ResultSet rs = k.executeQuery("SELECT pg_terminate_backend(" + pid + ")")) {
                        rs.next();
                        assertTrue(rs.getBoolean(1), "backend " + pid + " terminated");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                return null;
            }));
            assertTrue(String.valueOf(failure.getMessage()).length() > 0);
            assertNothingWritten(Jdbi.create(db.unpooledDataSource()), store, tenant, entries);
            // nothing of the dead transaction is in the way: the same operation now succeeds
            store.inTransaction(tenant, s -> {
                issueLike(s, entries, () -> { });
                return null;
            });
            assertEquals(InvoiceId.of("inv-1"), store.inTransaction(tenant,
                    s -> s.get(TimeEntryStore.class).find(entries.get(0)).orElseThrow().invoiceId()));
        }
    }

    /** The first message in {@code t}'s cause chain (not its suppressed ones) that contains {@code text}. */
    private static boolean causeChainSays(Throwable t, String text) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (String.valueOf(c.getMessage()).contains(text)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void connectionKilledMidTransaction_postgres_reportsTheServersReason() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.open("fault3")) {
            for (DataSource source : List.of(db.unpooledDataSource(), db.dataSource())) {
                JdbcBillingStore store = JdbcStores.postgres(source);
                TenantId tenant = TenantId.generate();
                List<TimeEntryId> entries = seedEntries(store, tenant);
                RuntimeException failure = assertThrows(RuntimeException.class, () -> store.inTransaction(tenant,
                        s -> {
                            issueLike(s, entries, () -> {
                                int pid = ((JdbcSession) s).transactionHandle().createQuery("SELECT pg_backend_pid()")
                                        .mapTo(Integer.class).one();
                                try (Connection killer = db.connect(); Statement k = killer.createStatement();
                                        ResultSet rs = k.executeQuery("SELECT pg_terminate_backend(" + pid + ")")) {
                                    rs.next();
                                    assertTrue(rs.getBoolean(1), "backend " + pid + " terminated");
                                } catch (SQLException e) {
                                    throw new IllegalStateException(e);
                                }
                            });
                            return null;
                        }));
                String reported = String.valueOf(failure.getMessage());
                assertFalse(reported.contains("isolation level"), "the restore of the isolation level hid the error: "
                        + reported);
                assertFalse(reported.contains("has been closed"), "the closed connection hid the error: " + reported);
                assertTrue(causeChainSays(failure, "terminating connection due to administrator command"),
                        "the server's reason is reported: " + failure);
            }
        }
    }
}
