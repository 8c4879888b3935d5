package dev.billops.core.timeentry;

/** What a time summary breaks worked time down by, besides the period. */
public enum SummaryDimension {
    CLIENT,
    PROJECT,
    TIMEKEEPER
}
