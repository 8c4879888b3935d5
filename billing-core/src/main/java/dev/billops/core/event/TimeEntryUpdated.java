package dev.billops.core.event;

import dev.billops.core.id.EventId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import java.time.Instant;

/**
 * Event {@code time_entry.updated}: an open time entry was changed.
 *
 * @param eventId unique id
 * @param occurredAt when it was recorded
 * @param timeEntryId the entry
 * @param projectId its project after the change
 * @param timekeeperId who worked, after the change
 */
public record TimeEntryUpdated(EventId eventId, Instant occurredAt, TimeEntryId timeEntryId, ProjectId projectId, TimekeeperId timekeeperId) implements BillingEvent {

    @Override
    public String type() {
        return "time_entry.updated";
    }
}
