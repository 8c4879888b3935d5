package dev.billops.core.timeentry;

import java.util.List;
import java.util.Objects;

/**
 * What logging stored: the entries as stored (with their versions), and the overlaps found under
 * {@link OverlapPolicy#WARN} (empty under ALLOW, and always empty under REJECT, which throws).
 *
 * @param entries the stored entries, in the order given
 * @param overlaps overlaps with stored entries or within the batch
 */
public record LogResult(List<TimeEntry> entries, List<Overlap> overlaps) {

    public LogResult {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        overlaps = List.copyOf(Objects.requireNonNull(overlaps, "overlaps"));
    }

    /** The one stored entry of a single {@code log}. */
    public TimeEntry entry() {
        if (entries.size() != 1) {
            throw new IllegalStateException("logged " + entries.size() + " entries, not one");
        }
        return entries.get(0);
    }

    /** Whether some entry overlaps another. */
    public boolean hasOverlaps() {
        return !overlaps.isEmpty();
    }
}
