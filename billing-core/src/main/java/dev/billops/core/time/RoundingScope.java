package dev.billops.core.time;

/** What a {@link DurationRounding} is applied to when time is billed. */
public enum RoundingScope {
    /** Each time entry is rounded on its own. */
    PER_ENTRY,
    /**
     * The entries of one timekeeper on one project are summed per local day, and the sum is rounded
     * once; an entry crossing midnight is split first ({@link TimeSpan#splitAtMidnight()}).
     */
    PER_DAY_AND_PROJECT
}
