package dev.billops.core.timeentry;

import java.util.Objects;

/**
 * How time entries are accepted.
 *
 * @param overlaps what happens when a timekeeper's entries overlap
 */
public record TimeEntryPolicy(OverlapPolicy overlaps) {

    /** Overlaps are stored and reported ({@link OverlapPolicy#WARN}). */
    public static final TimeEntryPolicy DEFAULT = new TimeEntryPolicy(OverlapPolicy.WARN);

    public TimeEntryPolicy {
        Objects.requireNonNull(overlaps, "overlaps");
    }

    public static TimeEntryPolicy defaults() {
        return DEFAULT;
    }

    public TimeEntryPolicy withOverlaps(OverlapPolicy policy) {
        return new TimeEntryPolicy(policy);
    }
}
