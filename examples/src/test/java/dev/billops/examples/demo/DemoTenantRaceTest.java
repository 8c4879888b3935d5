package dev.billops.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billops.core.spi.AuditLog;
import dev.billops.core.party.TenantAlreadyExistsException;
import dev.billops.core.id.TenantId;
import dev.billops.core.party.Client;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.party.Tenant;
import dev.billops.core.spi.TenantStore;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two demo runs that picked the same tenant id (the loser looked before the winner committed):
 * the loser stops with {@link TenantAlreadyExistsException} before it changes anything, instead of
 * rewriting the winner's tenant profile and then failing on its clients.
 */
class DemoTenantRaceTest {

    @TempDir
    Path dir;

    @Test
    void setUp_tenantCreatedByAnotherRun_throwsTenantAlreadyExistsAndLeavesItsProfile() {
        TenantId id = TenantId.of("northwind");
        try (JdbcBillingStore store = JdbcStores.h2InMemory("demo-race-" + System.nanoTime())) {
            new DemoRun(store, id, 1, dir.resolve("winner"), (step, done, total) -> { }, null).run();
            Tenant winner = store.inTransaction(id, s -> s.get(TenantStore.class).find().orElseThrow());
            List<Client> clients = store.inTransaction(id, s -> s.get(ClientStore.class).list());

            DemoRun loser = new DemoRun(store, id, 2, dir.resolve("loser"), (step, done, total) -> { }, null);
            assertThrows(TenantAlreadyExistsException.class, loser::run);

            assertEquals(winner, store.inTransaction(id, s -> s.get(TenantStore.class).find().orElseThrow()));
            assertEquals(clients, store.inTransaction(id, s -> s.get(ClientStore.class).list()));
            assertEquals(1, store.inTransaction(id, s -> s.get(AuditLog.class).history("tenant", id.value())).size());
        }
    }
}
