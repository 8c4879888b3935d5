package dev.billops.benchmarks;

import dev.billops.core.invoice.GenerationPolicy;
import dev.billops.core.internal.invoice.InvoiceDrafts;
import dev.billops.core.internal.Internals;
import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.invoice.DraftOptions;
import dev.billops.core.internal.invoice.Generation;
import dev.billops.core.party.Actor;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Case 6, the child JVM (started with {@code -Xmx256m}): generates the November draft lines of
 * every client from the entries in the database, one client at a time through
 * the draft generation behind {@code TenantBilling.invoices()} (the store streams each client's entries from a
 * cursor; nothing else is kept between clients), and prints one {@code RESULT} line.
 *
 * <p>Arguments: {@code h2 <jdbc-url> <clients>} or {@code postgres <base-url> <schema> <clients>}.
 */
public final class StreamingGeneration {

    private StreamingGeneration() {
    }

    public static void main(String[] args) {
        JdbcBillingStore store;
        int clients;
        JdbcConnectionPool pool = null;
        if (args[0].equals("h2")) {
            store = JdbcStores.of(args[1]);
            clients = Integer.parseInt(args[2]);
        } else {
            PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
            pg.setURL(args[1]);
            pg.setCurrentSchema(args[2]);
            pool = JdbcConnectionPool.create(pg);
            store = JdbcStores.postgres(pool);
            clients = Integer.parseInt(args[3]);
        }
        Billing billing = Billing.builder().stores(store).build();
        TenantBilling tenant = billing.tenant(Workload.TENANT_ID, Actor.system("benchmark"));
        InvoiceDrafts drafts = new InvoiceDrafts(Internals.scope(tenant), GenerationPolicy.defaults());
        long entries = 0;
        long lines = 0;
        long t = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Generation g = drafts.generation(ClientId.of("c" + c), Workload.PERIOD, DraftOptions.defaults());
            entries += g.entryIds().size();
            lines += g.lines().size();
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool2 : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool2.getType() == MemoryType.HEAP) {
                peak += pool2.getPeakUsage().getUsed();
            }
        }
        store.close();
        if (pool != null) {
            pool.dispose();
        }
        System.out.println("RESULT entries=" + entries + " lines=" + lines + " seconds=" + seconds + " peakHeapMB="
                + peak / (1024 * 1024) + " maxHeapMB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
}
