package dev.billops.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryQuery;
import dev.billops.core.spi.TimeEntryStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Bulk insert in JDBC batches and streamed reads with a small fetch size, on both databases. */
abstract class StreamingTests {

    static final int ENTRIES = 5_000;

    abstract JdbcBillingStore store();

    @Test
    void insertAllThenForEach_manyEntriesOverSeveralBatchesAndFetches_allBackInStartOrder() {
        TenantId tenant = TenantId.generate();
        List<TimeEntry> entries = new ArrayList<>(ENTRIES);
        for (int i = 0; i < ENTRIES; i++) {
            // descending start so the store, not the insert order, produces the order
            entries.add(Seeds.entry(String.format("e-%05d", i), ENTRIES - i));
        }
        JdbcBillingStore streaming = store().withFetchSize(100);
        streaming.inTransaction(tenant, s -> {
            s.get(TimeEntryStore.class).insertAll(entries);
            return null;
        });
        AtomicInteger seen = new AtomicInteger();
        AtomicReference<Instant> last = new AtomicReference<>(Instant.MIN);
        LocalDateRange all = LocalDateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));
        streaming.inTransaction(tenant, s -> {
            s.get(TimeEntryStore.class).forEach(TimeEntryQuery.unbilled(Set.of(Seeds.PROJECT), all), e -> {
                assertTrue(!e.span().start().isBefore(last.get()), "ordered by start");
                last.set(e.span().start());
                seen.incrementAndGet();
            });
            return null;
        });
        assertEquals(ENTRIES, seen.get());
    }

    @Test
    void forEach_sinkBillsWhatItReads_whileTheCursorIsOpen() {
        TenantId tenant = TenantId.generate();
        List<TimeEntry> entries = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            entries.add(Seeds.entry("e-" + i, i));
        }
        JdbcBillingStore streaming = store().withFetchSize(50);
        streaming.inTransaction(tenant, s -> {
            s.get(TimeEntryStore.class).insertAll(entries);
            return null;
        });
        LocalDateRange all = LocalDateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));
        streaming.inTransaction(tenant, s -> {
            TimeEntryStore store = s.get(TimeEntryStore.class);
            store.forEach(TimeEntryQuery.unbilled(Set.of(), all),
                    e -> store.markBilled(List.of(e.id()), InvoiceId.of("inv-1")));
            return null;
        });
        long billed = streaming.inTransaction(tenant, s -> s.get(TimeEntryStore.class)
                .list(TimeEntryQuery.all(Set.of(), all)).stream().filter(e -> !e.isOpen()).count());
        assertEquals(450, billed);
    }
}
