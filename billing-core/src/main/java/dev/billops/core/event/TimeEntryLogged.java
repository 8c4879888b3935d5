package dev.billops.core.event;

import dev.billops.core.id.EventId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import java.time.Instant;

/**
 * Event {@code time_entry.logged}: a time entry was logged (one event per entry of a batch).
 *
 * @param eventId unique id
 * @param occurredAt when it was recorded
 * @param timeEntryId the new entry
 * @param projectId its project
 * @param timekeeperId who worked
 */
public record TimeEntryLogged(EventId eventId, Instant occurredAt, TimeEntryId timeEntryId, ProjectId projectId, TimekeeperId timekeeperId) implements BillingEvent {

    @Override
    public String type() {
        return "time_entry.logged";
    }
}
