package dev.billops.core.rate;

/** What a rate's amount is per: an hour, a day of configured length, a calendar month, or a flat amount per entry. */
public enum RateUnit {
    HOUR,
    /** Per day of work, counted as {@link DayRatePolicy} says (pro rata, or started half or whole days). */
    DAY,
    /**
     * A project's monthly fee: billed once per project and calendar month, whatever the hours
     * worked, the number of drafts or the rate changes in the month. A rate that changes inside
     * the month is prorated by the days each rate was in force, rate × days ÷ days of the month,
     * rounded once half up to the currency per run of days (the rule of prorated package fees):
     * 3,000 until 15 November and 3,300 from it bill 1,400.00 + 1,760.00. A month already billed
     * (on an issued invoice or another draft of the client) bills its later entries at quantity 0.
     * See {@code InvoiceGenerator}.
     */
    MONTH,
    FIXED
}
