package dev.billops.core.engagement;

/** ACTIVE engagements are billed; ENDED and RENEWED ones keep their invoices but get no new periods beyond their end. */
public enum EngagementStatus {
    ACTIVE,
    RENEWED,
    ENDED
}
