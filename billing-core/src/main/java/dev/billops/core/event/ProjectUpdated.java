package dev.billops.core.event;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.EventId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.project.ProjectStatus;
import java.time.Instant;

/**
 * Event {@code project.updated}: a project was changed (closing it also publishes {@code project.closed}).
 *
 * @param eventId unique id
 * @param occurredAt when it was recorded
 * @param projectId the project
 * @param clientId its client after the change
 * @param status its status after the change
 */
public record ProjectUpdated(EventId eventId, Instant occurredAt, ProjectId projectId, ClientId clientId, ProjectStatus status) implements BillingEvent {

    @Override
    public String type() {
        return "project.updated";
    }
}
