package dev.billops.core.project;

/** Where a project stands; only ACTIVE projects accept new time. */
public enum ProjectStatus {
    ACTIVE,
    ON_HOLD,
    COMPLETED,
    ARCHIVED
}
