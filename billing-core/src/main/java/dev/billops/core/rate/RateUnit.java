package dev.billops.core.rate;

/** What a rate's amount is per: an hour, a day of configured length, a calendar month, or a flat amount per entry. */
public enum RateUnit {
    HOUR,
    DAY,
    MONTH,
    FIXED
}
