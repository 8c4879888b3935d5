package dev.billops.core.timeentry;

import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import java.util.Objects;

/**
 * Two entries of one timekeeper that share some instant (entries that merely touch do not
 * overlap).
 *
 * @param entryId the entry being logged or updated
 * @param otherId the entry it overlaps (stored, or logged in the same batch)
 * @param timekeeperId whose time it is
 */
public record Overlap(TimeEntryId entryId, TimeEntryId otherId, TimekeeperId timekeeperId) {

    public Overlap {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(otherId, "otherId");
        Objects.requireNonNull(timekeeperId, "timekeeperId");
    }
}
