package dev.billops.core.event;

import dev.billops.core.id.EventId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import java.time.Instant;

/**
 * Event {@code time_entry.deleted}: an open time entry was deleted.
 *
 * @param eventId unique id
 * @param occurredAt when it was recorded
 * @param timeEntryId the deleted entry
 * @param projectId its project
 */
public record TimeEntryDeleted(EventId eventId, Instant occurredAt, TimeEntryId timeEntryId, ProjectId projectId) implements BillingEvent {

    @Override
    public String type() {
        return "time_entry.deleted";
    }
}
