package dev.billops.core.memory;

import dev.billops.core.id.TimeEntryId;
import dev.billops.core.timeentry.TimeEntry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Time entries with indexes by (start, id) for ordered range scans and by external uid. */
final class TimeEntryTable extends Table<TimeEntryId, TimeEntry> {

    /** Position in start order; a null id sorts before every id of the same instant (range bounds). */
    record Order(Instant start, @Nullable TimeEntryId id) implements Comparable<Order> {
        @Override
        public int compareTo(Order o) {
            int c = start.compareTo(o.start);
            if (c != 0) {
                return c;
            }
            if (id == null || o.id == null) {
                return id == null ? (o.id == null ? 0 : -1) : 1;
            }
            return id.compareTo(o.id);
        }
    }

    private final TreeMap<Order, TimeEntry> byStart = new TreeMap<>();
    private final Map<String, TimeEntryId> byUid = new HashMap<>();

    TimeEntryTable(UndoLog undo) {
        // lookups by id need no order: listings go through byStart
        super(TimeEntry::id, undo, new HashMap<>());
    }

    @Nullable TimeEntryId idOfUid(String uid) {
        return byUid.get(uid);
    }

    /** Entries starting in {@code [from, to)}, in (start, id) order; a live view. */
    NavigableMap<Order, TimeEntry> startingBetween(Instant from, Instant to) {
        return byStart.subMap(new Order(from, null), true, new Order(to, null), false);
    }

    @Override
    void indexed(TimeEntry row) {
        byStart.put(new Order(row.span().start(), row.id()), row);
        if (row.externalUid() != null) {
            byUid.put(row.externalUid(), row.id());
        }
    }

    @Override
    void unindexed(TimeEntry row) {
        byStart.remove(new Order(row.span().start(), row.id()));
        if (row.externalUid() != null) {
            byUid.remove(row.externalUid(), row.id());
        }
    }
}
