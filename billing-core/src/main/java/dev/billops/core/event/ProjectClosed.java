package dev.billops.core.event;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.EventId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.project.ProjectStatus;
import java.time.Instant;

/**
 * Event {@code project.closed}: a project left the open states (ACTIVE, ON_HOLD) for COMPLETED or ARCHIVED.
 *
 * @param eventId unique id
 * @param occurredAt when it was recorded
 * @param projectId the project
 * @param clientId its client
 * @param status COMPLETED or ARCHIVED
 */
public record ProjectClosed(EventId eventId, Instant occurredAt, ProjectId projectId, ClientId clientId, ProjectStatus status) implements BillingEvent {

    @Override
    public String type() {
        return "project.closed";
    }
}
