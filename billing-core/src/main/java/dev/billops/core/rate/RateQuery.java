package dev.billops.core.rate;

import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimekeeperId;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a rate is looked up for: a piece of work of a client, on a project, by a timekeeper, of an
 * activity, on a date. A null component means "not known": a rule whose scope names that
 * component does not match.
 *
 * @param clientId the client billed
 * @param projectId the project, or null
 * @param timekeeperId who worked, or null
 * @param activityId kind of work, or null
 * @param date the local date of the work; the rule in force on this date applies
 */
public record RateQuery(
        ClientId clientId,
        @Nullable ProjectId projectId,
        @Nullable TimekeeperId timekeeperId,
        @Nullable ActivityId activityId,
        LocalDate date) {

    public RateQuery {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(date, "date");
    }

    /** The usual query: one project, one timekeeper, an optional activity, one date. */
    public static RateQuery of(ClientId client, ProjectId project, TimekeeperId timekeeper,
            @Nullable ActivityId activity, LocalDate date) {
        return new RateQuery(client, Objects.requireNonNull(project, "project"),
                Objects.requireNonNull(timekeeper, "timekeeper"), activity, date);
    }
}
