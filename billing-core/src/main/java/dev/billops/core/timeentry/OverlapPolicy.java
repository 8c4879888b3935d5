package dev.billops.core.timeentry;

/** What logging does with an entry whose time overlaps another entry of the same timekeeper. */
public enum OverlapPolicy {
    /** Refuse it with {@link OverlappingTimeEntryException}; nothing is stored. */
    REJECT,
    /** Store it and report the overlaps in the {@link LogResult} (and the log). */
    WARN,
    /** Store it without looking for overlaps. */
    ALLOW
}
