package dev.billops.benchmarks;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.invoice.DraftOptions;
import dev.billops.core.invoice.GroupingPolicy;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.party.Actor;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.spi.TimeEntryStore;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.timeentry.TimeEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Case 3, large invoice: {@code lines} time entries of one client (15 minutes each, the
 * timekeepers side by side in November), drafted with one line per entry and issued through
 * {@code TenantBilling.invoices()}; the draft (generation, lines, line entries) and the issue
 * (numbering, lines rewritten, every entry claimed and marked billed) are timed apart.
 */
final class LargeInvoiceCase {

    record Figures(double insertSeconds, double draftSeconds, double issueSeconds, int lines) {
    }

    private LargeInvoiceCase() {
    }

    static Figures run(BillingStore store, int lines) {
        Seeding.tenantAndClients(store, Workload.TENANT_ID, 1, true);
        Instant t0 = Instant.parse("2026-11-02T07:00:00Z");
        long t = System.nanoTime();
        for (int from = 0; from < lines; from += PersistCase.CHUNK) {
            List<TimeEntry> chunk = new ArrayList<>(PersistCase.CHUNK);
            for (int i = from; i < Math.min(lines, from + PersistCase.CHUNK); i++) {
                Instant start = t0.plusSeconds(900L * (i / Workload.TIMEKEEPERS));
                chunk.add(new TimeEntry(TimeEntryId.of(String.format("e%07d", i)), ProjectId.of("p0"),
                        TimekeeperId.of("tk" + i % Workload.TIMEKEEPERS), null,
                        TimeSpan.of(start, start.plusSeconds(900), Workload.ZONE), "Task " + i, true, null, null,
                        EntryState.OPEN, null, null, 0));
            }
            store.inTransaction(Workload.TENANT_ID, s -> {
                s.get(TimeEntryStore.class).insertAll(chunk);
                return null;
            });
        }
        double insert = (System.nanoTime() - t) / 1e9;
        TenantBilling billing = Billing.builder().stores(store).build().tenant(Workload.TENANT_ID,
                Actor.system("benchmark"));
        t = System.nanoTime();
        Invoice draft = billing.invoices().draft(ClientId.of("c0"), Workload.PERIOD,
                DraftOptions.defaults().withGrouping(GroupingPolicy.perEntry())).orElseThrow();
        double drafted = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        Invoice issued = billing.invoices().issue(draft.id());
        double issue = (System.nanoTime() - t) / 1e9;
        if (issued.lines().size() != lines) {
            throw new IllegalStateException("the large invoice has " + issued.lines().size() + " lines, not " + lines);
        }
        return new Figures(insert, drafted, issue, lines);
    }
}
