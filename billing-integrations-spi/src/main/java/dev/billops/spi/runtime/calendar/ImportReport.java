package dev.billops.spi.runtime.calendar;

import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.timeentry.TimeEntry;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a calendar import did, event by event.
 *
 * @param created entries made for new events
 * @param updated still-open entries changed to follow their event (times, summary, project)
 * @param deleted open entries removed because their event disappeared from the range, was
 *     cancelled or declined, or stopped being work time (as they were before deletion)
 * @param unchanged uids of events whose entry already matched
 * @param skipped events that are not work time (all-day, free, declined, cancelled) and had no
 *     entry, or repeated a uid
 * @param unmapped events no project rule matched
 * @param invalid events whose entry was rejected (e.g. longer than 24 h, an inactive project),
 *     with the reason; nothing was stored for them
 * @param conflicts events whose entry is billed or locked and would have changed; it was left
 *     as it is
 * @param warnings what the calendar source left out (e.g. a recurrence over its cap of
 *     occurrences, of which only the latest were imported), one line each
 */
public record ImportReport(List<TimeEntry> created, List<TimeEntry> updated, List<TimeEntry> deleted,
        List<String> unchanged, List<Item> skipped, List<Item> unmapped, List<Item> invalid, List<Conflict> conflicts,
        List<String> warnings) {

    /** A report without warnings. */
    public ImportReport(List<TimeEntry> created, List<TimeEntry> updated, List<TimeEntry> deleted,
            List<String> unchanged, List<Item> skipped, List<Item> unmapped, List<Item> invalid,
            List<Conflict> conflicts) {
        this(created, updated, deleted, unchanged, skipped, unmapped, invalid, conflicts, List.of());
    }

    /** An event that was not imported, and why. */
    public record Item(String uid, String summary, String reason) {
        public Item {
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A billed or locked entry whose event changed or went away.
     *
     * @param uid the event uid
     * @param entryId the entry left as it is
     * @param invoiceId the invoice that billed it, or null when locked
     * @param reason what would have changed
     */
    public record Conflict(String uid, TimeEntryId entryId, @Nullable InvoiceId invoiceId,
            String reason) {
        public Conflict {
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(entryId, "entryId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public ImportReport {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        deleted = List.copyOf(deleted);
        unchanged = List.copyOf(unchanged);
        skipped = List.copyOf(skipped);
        unmapped = List.copyOf(unmapped);
        invalid = List.copyOf(invalid);
        conflicts = List.copyOf(conflicts);
        warnings = List.copyOf(warnings);
    }

    /** Whether the import changed any entry. */
    public boolean changedAnything() {
        return !created.isEmpty() || !updated.isEmpty() || !deleted.isEmpty();
    }

    /** One line of counts, e.g. for a command-line summary. */
    public String summary() {
        return "created " + created.size() + ", updated " + updated.size() + ", deleted " + deleted.size()
                + ", unchanged " + unchanged.size() + ", skipped " + skipped.size() + ", unmapped " + unmapped.size()
                + ", invalid " + invalid.size() + ", conflicts " + conflicts.size()
                + (warnings.isEmpty() ? "" : ", warnings " + warnings.size());
    }
}
