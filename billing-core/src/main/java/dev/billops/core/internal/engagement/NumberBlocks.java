package dev.billops.core.internal.engagement;

import dev.billops.core.id.ClientId;
import dev.billops.core.numbering.SeriesNumbering;
import dev.billops.core.spi.NumberSequenceStore;
import dev.billops.core.spi.StoreSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The invoice numbers of one chunk transaction, reserved with one counter update per period key
 * ({@link NumberSequenceStore#reserve}) and handed out lowest first. A number whose invoice was
 * rolled back to its savepoint ({@link #rollbackLast}) is handed out again, so the numbers used are
 * always the lowest of the block; {@link #releaseUnused} gives the rest back before the commit.
 * Together: the chunk's numbers are contiguous and every number taken is used. Confined to the
 * chunk's thread and transaction.
 */
final class NumberBlocks {

    private final String series;
    private final SeriesNumbering numbering;
    private final LocalDate issueDate;
    private final Map<String, TreeSet<Long>> free = new HashMap<>();
    private @Nullable String lastKey;
    private long lastNumber;
    private final List<Map.Entry<String, Long>> sinceMark = new ArrayList<>();

    private NumberBlocks(String series, SeriesNumbering numbering, LocalDate issueDate) {
        this.series = series;
        this.numbering = numbering;
        this.issueDate = issueDate;
    }

    /** Reserves one number per client of {@code clients} (one entry per invoice to come). */
    static NumberBlocks reserve(StoreSession session, String series, SeriesNumbering numbering, LocalDate issueDate,
            List<ClientId> clients) {
        NumberBlocks blocks = new NumberBlocks(series, numbering, issueDate);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ClientId client : clients) {
            counts.merge(numbering.periodKey(client, issueDate), 1, Integer::sum);
        }
        NumberSequenceStore store = session.get(NumberSequenceStore.class);
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            String key = e.getKey();
            int count = e.getValue();
            long last = store.reserve(series, key, numbering.startAfterFor(key), count);
            TreeSet<Long> numbers = new TreeSet<>();
            for (long n = last - count + 1; n <= last; n++) {
                numbers.add(n);
            }
            blocks.free.put(key, numbers);
        }
        return blocks;
    }

    /** The lowest free number for an invoice of {@code client}, formatted. */
    String take(ClientId client) {
        String key = numbering.periodKey(client, issueDate);
        TreeSet<Long> numbers = free.get(key);
        if (numbers == null || numbers.isEmpty()) {
            throw new IllegalStateException("no number reserved for " + client + " in " + series + "/" + key);
        }
        long n = numbers.pollFirst();
        lastKey = key;
        lastNumber = n;
        return numbering.format(series, client, issueDate, n);
    }

    /** The last number taken is used: its invoice was stored (or is built to be, see {@link #mark}). */
    void commitLast() {
        if (lastKey != null) {
            sinceMark.add(Map.entry(lastKey, lastNumber));
        }
        lastKey = null;
    }

    /** Starts remembering the numbers committed from now on, for {@link #rollbackToMark}. */
    void mark() {
        sinceMark.clear();
    }

    /**
     * The numbers committed since {@link #mark} are not used after all (their invoices, written
     * together, rolled back): they are handed out again, lowest first.
     */
    void rollbackToMark() {
        rollbackLast();
        for (Map.Entry<String, Long> n : sinceMark) {
            Objects.requireNonNull(free.get(n.getKey())).add(n.getValue());
        }
        sinceMark.clear();
    }

    /** The last number taken is not used (its invoice rolled back): it is handed out again. */
    void rollbackLast() {
        if (lastKey != null) {
            Objects.requireNonNull(free.get(lastKey)).add(lastNumber);
            lastKey = null;
        }
    }

    /** Gives the unused numbers (the highest of each block) back to the counters. */
    void releaseUnused(StoreSession session) {
        NumberSequenceStore store = session.get(NumberSequenceStore.class);
        for (Map.Entry<String, TreeSet<Long>> e : free.entrySet()) {
            if (!e.getValue().isEmpty()) {
                store.release(series, e.getKey(), e.getValue().size());
            }
        }
    }
}
