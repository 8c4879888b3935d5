package dev.billops.core.event;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.EventId;
import dev.billops.core.id.ProjectId;
import java.time.Instant;

/**
 * Event {@code project.created}: a project was created.
 *
 * @param eventId unique id
 * @param occurredAt when it was recorded
 * @param projectId the new project
 * @param clientId its client
 * @param name its name
 */
public record ProjectCreated(EventId eventId, Instant occurredAt, ProjectId projectId, ClientId clientId, String name) implements BillingEvent {

    @Override
    public String type() {
        return "project.created";
    }
}
