package dev.billops.core.numbering;

/** When a series' counter starts again at 1 (or at its configured start). */
public enum CounterReset {
    /** One counter for ever. */
    NEVER,
    /** A new counter every calendar year of the issue date; the pattern must show the year. */
    YEARLY,
    /** A new counter every calendar month; the pattern must show the year and the month. */
    MONTHLY
}
