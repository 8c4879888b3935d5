package dev.billops.core.time;

/**
 * The length of a reporting or billing period. Where weeks start and where quarters and years
 * start is decided by a {@link PeriodCalendar}, not by the granularity.
 */
public enum Granularity {
    /** One calendar day. */
    DAY,
    /** Seven days from the calendar's week start. */
    WEEK,
    /** One calendar month. */
    MONTH,
    /** Three months, aligned to the calendar's fiscal-year start. */
    QUARTER,
    /** Twelve months from the calendar's fiscal-year start. */
    YEAR
}
