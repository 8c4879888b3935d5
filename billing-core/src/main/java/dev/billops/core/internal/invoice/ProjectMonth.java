package dev.billops.core.internal.invoice;

import dev.billops.core.id.ProjectId;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A project and a calendar month: what a MONTH rate bills once.
 *
 * @param projectId the project
 * @param month the calendar month
 */
public record ProjectMonth(ProjectId projectId, YearMonth month) {

    public ProjectMonth {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(month, "month");
    }
}
