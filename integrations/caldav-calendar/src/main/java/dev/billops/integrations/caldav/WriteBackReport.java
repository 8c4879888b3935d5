package dev.billops.integrations.caldav;

import dev.billops.core.id.TimeEntryId;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link CalendarWriteBack} run did, entry by entry, in the order it handled them.
 *
 * @param created entries whose event was created
 * @param updated entries whose event was rewritten
 * @param deleted deleted entries whose event was deleted
 * @param unchanged entries whose event already showed them as they are
 * @param skipped entries that are not written, with the reason
 * @param conflicts entries whose event was changed or deleted on the server since it was written;
 *        their events were left as the server has them
 */
public record WriteBackReport(List<TimeEntryId> created, List<TimeEntryId> updated, List<TimeEntryId> deleted,
        List<TimeEntryId> unchanged, List<Skipped> skipped, List<Conflict> conflicts) {

    public WriteBackReport {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        deleted = List.copyOf(deleted);
        unchanged = List.copyOf(unchanged);
        skipped = List.copyOf(skipped);
        conflicts = List.copyOf(conflicts);
    }

    /**
     * An entry that is not written back.
     *
     * @param entryId the entry
     * @param reason why, e.g. that it was imported from a calendar
     */
    public record Skipped(TimeEntryId entryId, String reason) {
        public Skipped {
            Objects.requireNonNull(entryId, "entryId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * An entry whose event was not written because the server's copy is not the one last written.
     *
     * @param entryId the entry
     * @param href the event's URL
     * @param kind what happened on the server
     * @param message one line for a person, naming the entry and the ETags
     */
    public record Conflict(TimeEntryId entryId, String href, Kind kind, String message) {

        /** What the server's copy shows. */
        public enum Kind {
            /** The event's ETag differs from the one written: someone edited it on the server. */
            CHANGED_ON_SERVER,
            /** The event written earlier is no longer on the server. */
            DELETED_ON_SERVER,
            /**
             * The server has an event for the entry that the write-back state has no record of (the state
             * was lost or is another host's): it is not known to be unchanged.
             */
            NOT_RECORDED
        }

        public Conflict {
            Objects.requireNonNull(entryId, "entryId");
            Objects.requireNonNull(href, "href");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Whether any event was left unwritten because of a conflict. */
    public boolean hasConflicts() {
        return !conflicts.isEmpty();
    }

    /** Whether the run created, updated or deleted any event. */
    public boolean changedAnything() {
        return !created.isEmpty() || !updated.isEmpty() || !deleted.isEmpty();
    }

    /** One line: the counts of each outcome. */
    public String summary() {
        return created.size() + " created, " + updated.size() + " updated, " + deleted.size() + " deleted, "
                + unchanged.size() + " unchanged, " + skipped.size() + " skipped, " + conflicts.size() + " conflicts";
    }
}
