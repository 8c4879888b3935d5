package dev.billops.core.engagement;

/** What a partial first or last period costs: the fee prorated by days, or the full fee. */
public enum ProrationPolicy {
    PRORATE_BY_DAYS,
    FULL_PERIOD
}
