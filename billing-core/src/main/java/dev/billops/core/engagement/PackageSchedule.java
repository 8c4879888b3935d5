package dev.billops.core.engagement;

/** How often a package fee is billed: calendar month, calendar quarter, calendar year, or once for the whole engagement. */
public enum PackageSchedule {
    MONTHLY,
    QUARTERLY,
    ANNUAL,
    ONE_TIME
}
