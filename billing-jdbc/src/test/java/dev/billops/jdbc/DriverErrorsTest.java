package dev.billops.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.billops.core.error.BillingException;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.error.StoreFailureException;
import dev.billops.core.error.StoreUnavailableException;
import dev.billops.core.id.TenantId;
import dev.billops.core.party.Client;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.spi.TimeEntryStore;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryQuery;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Driver failures provoked on real databases reach the host through the public API of
 * billing-jdbc (the store, its sessions' ports, the outbox, the dispatcher, the migrator) as typed
 * {@link BillingException}s whose cause is the driver's error, never as a {@link JdbiException}
 * or {@link SQLException}.
 */
class DriverErrorsTest {

    /** The connection-lost SQLSTATEs a terminated backend or aborted session may surface with. */
    private static final Set<String> CONNECTION_LOST = Set.of("57P01", "08006", "08003", "90067", "90121", "90098");

    private static <T extends BillingException> T assertTranslated(Class<T> type, Executable call) {
        return assertTranslated(type, call, c -> c instanceof SQLException);
    }

    /** {@code call} throws {@code type}, with a cause that {@code driverCause} recognizes, and nothing raw. */
    private static <T extends BillingException> T assertTranslated(Class<T> type, Executable call,
            Predicate<Throwable> driverCause) {
        Throwable thrown = assertThrows(Throwable.class, call);
        if (thrown instanceof JdbiException || thrown instanceof SQLException) {
            fail("a raw database exception escaped: " + thrown, thrown);
        }
        if (!type.isInstance(thrown)) {
            fail("expected " + type.getSimpleName() + " but got " + thrown, thrown);
        }
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = thrown.getCause(); c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        assertTrue(chain.stream().anyMatch(driverCause), "the driver's error is kept as the cause: " + chain);
        return type.cast(thrown);
    }

    private static String h2Url(String name) {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + JdbcStores.H2_SETTINGS;
    }

    private static Client seedClient(JdbcBillingStore store, TenantId tenant) {
        Seeds.tenantWithClient(store, tenant);
        return store.inTransaction(tenant, s -> s.get(ClientStore.class).find(Seeds.CLIENT).orElseThrow());
    }

    /** Locks the client row from another connection, runs {@code whileLocked}, then lets go. */
    private static void whileClientRowLocked(Connection other, TenantId tenant, Executable whileLocked)
            throws Throwable {
        other.setAutoCommit(false);
        try (PreparedStatement lock = other.prepareStatement("SELECT * FROM billops_client WHERE tenant_id = ? "
                + "FOR UPDATE")) {
            lock.setString(1, tenant.value());
            try (ResultSet rs = lock.executeQuery()) {
                assertTrue(rs.next(), "the client row is there to lock");
            }
            whileLocked.execute();
        } finally {
            other.rollback();
        }
    }

    private static void updateClient(JdbcBillingStore store, TenantId tenant, Client client) {
        store.inTransaction(tenant, s -> s.get(ClientStore.class).update(client.withEmail("ap@globex.test")));
    }

    // --- timeouts ---

    @Test
    @Timeout(60)
    void update_rowLockedPastTheLockTimeout_h2_isStoreUnavailable() throws Throwable {
        String name = "lock-timeout-" + System.nanoTime();
        try (JdbcBillingStore store = JdbcStores.of("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=300");
                Connection other = DriverManager.getConnection(h2Url(name), "sa", "")) {
            TenantId tenant = TenantId.generate();
            Client client = seedClient(store, tenant);
            whileClientRowLocked(other, tenant, () -> {
                StoreUnavailableException e = assertTranslated(StoreUnavailableException.class,
                        () -> updateClient(store, tenant, client));
                assertEquals("HYT00", e.sqlState().orElseThrow(), e.toString());
                assertFalse(e.commitOutcomeUnknown());
            });
            updateClient(store, tenant, client); // the lock is gone: the same call succeeds
        }
    }

    @Test
    @Timeout(120)
    void list_statementTimeout_h2_isStoreUnavailable() {
        // H2 applies its statement timeout to work, not to lock waits: a query over many rows runs out of time
        // (1 ms); the store does not migrate, so that the query is its only statement
        String name = "query-timeout-" + System.nanoTime();
        try (JdbcBillingStore seeding = JdbcStores.h2InMemory(name);
                JdbcBillingStore store = JdbcStores.of("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;QUERY_TIMEOUT=1")
                        .migrate(false)) {
            TenantId tenant = TenantId.generate();
            List<TimeEntry> entries = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                entries.add(Seeds.entry("e-" + i, i % 2000));
            }
            seeding.inTransaction(tenant, s -> {
                s.get(TimeEntryStore.class).insertAll(entries);
                return null;
            });
            TimeEntryQuery all = TimeEntryQuery.all(Set.of(Seeds.PROJECT),
                    LocalDateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)));
            StoreUnavailableException e = assertTranslated(StoreUnavailableException.class,
                    () -> store.inTransaction(tenant, s -> s.get(TimeEntryStore.class).list(all)));
            assertEquals("57014", e.sqlState().orElseThrow(), e.toString());
            assertTrue(e.getMessage().contains("did not answer in time"), e.getMessage());
        }
    }

    @Test
    @Timeout(60)
    void portAndStoreAndOutbox_statementTimeout_postgres_areStoreUnavailable() throws Throwable {
        try (PostgresTestDatabase db = PostgresTestDatabase.open("timeout")) {
            PGSimpleDataSource source = db.unpooledDataSource();
            source.setOptions("-c statement_timeout=300");
            JdbcBillingStore store = JdbcStores.postgres(source);
            TenantId tenant = TenantId.generate();
            Client client = seedClient(store, tenant);
            JdbcOutbox outbox = store.outbox();
            try (Connection other = db.connect()) {
                other.setAutoCommit(false);
                try (Statement lock = other.createStatement()) {
                    lock.execute("LOCK TABLE billops_client, billops_tenant, billops_outbox IN ACCESS EXCLUSIVE MODE");
                    List<Executable> blocked = List.of(
                            () -> store.inTransaction(tenant, s -> s.get(ClientStore.class).find(Seeds.CLIENT)),
                            () -> updateClient(store, tenant, client),
                            store::tenantIds,
                            outbox::pendingCount,
                            () -> new OutboxDispatcher(outbox, m -> { }).dispatchOnce(10));
                    for (Executable call : blocked) {
                        StoreUnavailableException e = assertTranslated(StoreUnavailableException.class, call);
                        assertEquals("57014", e.sqlState().orElseThrow(), e.toString());
                        assertTrue(e.getMessage().contains("did not answer in time"), e.getMessage());
                    }
                } finally {
                    other.rollback();
                }
            }
            updateClient(store, tenant, client);
        }
    }

    // --- the connection closed under the store ---

    @Test
    @Timeout(60)
    void port_sessionAbortedByTheServer_h2_isStoreUnavailable() throws Throwable {
        String name = "abort-" + System.nanoTime();
        try (JdbcBillingStore store = JdbcStores.h2InMemory(name);
                Connection killer = DriverManager.getConnection(h2Url(name), "sa", "")) {
            TenantId tenant = TenantId.generate();
            seedClient(store, tenant);
            StoreUnavailableException e = assertTranslated(StoreUnavailableException.class,
                    () -> store.inTransaction(tenant, s -> {
                        s.get(ClientStore.class).find(Seeds.CLIENT);
                        abortOtherSessions(killer);
                        return s.get(ClientStore.class).find(Seeds.CLIENT);
                    }));
            assertTrue(CONNECTION_LOST.contains(e.sqlState().orElse("none")), e.toString());
        }
    }

    private static void abortOtherSessions(Connection killer) {
        try (Statement s = killer.createStatement();
                ResultSet rs = s.executeQuery("SELECT ABORT_SESSION(SESSION_ID) FROM INFORMATION_SCHEMA.SESSIONS "
                        + "WHERE SESSION_ID <> SESSION_ID()")) {
            int aborted = 0;
            while (rs.next()) {
                aborted += rs.getBoolean(1) ? 1 : 0;
            }
            assertTrue(aborted > 0, "the store's session was aborted");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Timeout(60)
    void port_backendTerminated_postgres_isStoreUnavailable() throws Throwable {
        try (PostgresTestDatabase db = PostgresTestDatabase.open("terminate")) {
            PGSimpleDataSource source = db.unpooledDataSource();
            String application = "billops-victim-" + System.nanoTime();
            source.setApplicationName(application);
            JdbcBillingStore store = JdbcStores.postgres(source);
            TenantId tenant = TenantId.generate();
            seedClient(store, tenant);
            StoreUnavailableException e = assertTranslated(StoreUnavailableException.class,
                    () -> store.inTransaction(tenant, s -> {
                        s.get(ClientStore.class).find(Seeds.CLIENT);
                        terminate(db, application);
                        return s.get(ClientStore.class).find(Seeds.CLIENT);
                    }));
            assertTrue(CONNECTION_LOST.contains(e.sqlState().orElse("none")), e.toString());
            assertFalse(e.commitOutcomeUnknown(), "the failure came before the commit");

            // the work swallows the port's error: the commit on the dead connection is refused, typed
            StoreUnavailableException atCommit = assertTranslated(StoreUnavailableException.class,
                    () -> store.inTransaction(tenant, s -> {
                        terminate(db, application);
                        try {
                            s.get(ClientStore.class).find(Seeds.CLIENT);
                        } catch (StoreUnavailableException swallowed) {
                            // ignored on purpose
                        }
                        return null;
                    }));
            assertTrue(CONNECTION_LOST.contains(atCommit.sqlState().orElse("none")), atCommit.toString());
            assertTrue(store.inTransaction(tenant, s -> s.get(ClientStore.class).find(Seeds.CLIENT)).isPresent(),
                    "a new connection works");
        }
    }

    private static void terminate(PostgresTestDatabase db, String application) {
        try (Connection killer = db.connect();
                PreparedStatement k = killer.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE application_name = ?")) {
            k.setString(1, application);
            try (ResultSet rs = k.executeQuery()) {
                assertTrue(rs.next() && rs.getBoolean(1), "the store's backend was terminated");
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Timeout(60)
    void storeOutboxDispatcher_dataSourceClosed_postgres_areStoreUnavailable() throws Throwable {
        try (PostgresTestDatabase db = PostgresTestDatabase.open("closedsource")) {
            JdbcConnectionPool pool = db.newPool();
            JdbcBillingStore store = JdbcStores.postgres(pool);
            TenantId tenant = TenantId.generate();
            seedClient(store, tenant);
            JdbcOutbox outbox = store.outbox();
            pool.dispose();
            Predicate<Throwable> poolRefused = c -> c instanceof IllegalStateException
                    && String.valueOf(c.getMessage()).contains("disposed");
            List<Executable> calls = List.of(
                    () -> store.inTransaction(tenant, s -> s.get(ClientStore.class).find(Seeds.CLIENT)),
                    store::tenantIds,
                    () -> store.migrator().migrate(),
                    outbox::pendingCount,
                    () -> new OutboxDispatcher(outbox, m -> { }).dispatchOnce(10));
            for (Executable call : calls) {
                StoreUnavailableException e = assertTranslated(StoreUnavailableException.class, call, poolRefused);
                assertTrue(e.getMessage().contains("cannot open a connection"), e.getMessage());
            }
        }
    }

    @Test
    void anyCall_closedStore_h2_isStoreFailure() {
        JdbcBillingStore store = JdbcStores.h2InMemory("closed-" + System.nanoTime());
        TenantId tenant = TenantId.generate();
        seedClient(store, tenant);
        JdbcBillingStore copy = store.migrate(false);
        store.close();
        store.close();
        for (Executable call : List.<Executable>of(
                () -> store.inTransaction(tenant, s -> s.get(ClientStore.class).find(Seeds.CLIENT)),
                store::tenantIds, copy::tenantIds, () -> store.migrator().migrate())) {
            StoreFailureException e = assertThrows(StoreFailureException.class, call);
            assertTrue(e.getMessage().contains("is closed"), e.getMessage());
        }
    }

    @Test
    @Timeout(60)
    void everyEntry_serverUnreachable_h2_isStoreUnavailable() {
        assertEveryEntryUnavailable("jdbc:h2:tcp://127.0.0.1:1/mem:nothing");
    }

    @Test
    @Timeout(60)
    void everyEntry_serverUnreachable_postgres_isStoreUnavailable() {
        assertEveryEntryUnavailable("jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2");
    }

    private static void assertEveryEntryUnavailable(String url) {
        try (JdbcBillingStore store = JdbcStores.of(url)) {
            List<Executable> calls = List.of(
                    () -> store.inTransaction(TenantId.generate(), s -> s.get(ClientStore.class).list()),
                    store::tenantIds,
                    () -> store.migrator().migrate(),
                    store::outbox,
                    () -> store.migrate(false).outbox().claim(10));
            for (Executable call : calls) {
                StoreUnavailableException e = assertTranslated(StoreUnavailableException.class, call);
                assertTrue(e.getMessage().contains("cannot open a connection"), url + ": " + e.getMessage());
            }
        }
    }

    // --- unique violations ---

    @Test
    void insertAll_idAlreadyStored_h2_isDuplicateKeyWithTheDriversCause() {
        try (JdbcBillingStore store = JdbcStores.h2InMemory("unique-" + System.nanoTime())) {
            assertDuplicateFromTheDatabase(store);
        }
    }

    @Test
    void insertAll_idAlreadyStored_postgres_isDuplicateKeyWithTheDriversCause() {
        try (PostgresTestDatabase db = PostgresTestDatabase.open("unique")) {
            assertDuplicateFromTheDatabase(JdbcStores.postgres(db.dataSource()));
        }
    }

    private static void assertDuplicateFromTheDatabase(JdbcBillingStore store) {
        TenantId tenant = TenantId.generate();
        TimeEntry stored = Seeds.entry("e-1", 0);
        store.inTransaction(tenant, s -> {
            s.get(TimeEntryStore.class).insertAll(List.of(stored));
            return null;
        });
        DuplicateKeyException e = assertTranslated(DuplicateKeyException.class, () -> store.inTransaction(tenant,
                s -> {
                    s.get(TimeEntryStore.class).insertAll(List.of(Seeds.entry("e-2", 1), stored));
                    return null;
                }), c -> c instanceof SQLException sql && "23505".equals(sql.getSQLState()));
        assertEquals("time entry", e.kind());
        assertEquals("e-1", e.key());
        assertFalse(store.inTransaction(tenant, s -> s.get(TimeEntryStore.class).find(Seeds.entry("e-2", 1).id()))
                .isPresent(), "nothing of the refused batch was stored");
    }
}
