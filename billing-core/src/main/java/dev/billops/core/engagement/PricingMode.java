package dev.billops.core.engagement;

/** HOURLY: time billed by rates only. PACKAGE: a fixed fee per period. MIXED: the fee plus hourly billing beyond the included hours. */
public enum PricingMode {
    HOURLY,
    PACKAGE,
    MIXED
}
