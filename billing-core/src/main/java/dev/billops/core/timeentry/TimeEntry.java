package dev.billops.core.timeentry;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.time.TimeSpan;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Time a timekeeper worked on a project. Raw times are never rewritten: rounding is a billing
 * rule applied when an invoice is generated.
 *
 * @param id entry id
 * @param projectId the project worked on
 * @param timekeeperId who worked
 * @param activityId kind of work, or null
 * @param span start and end instants and the zone the work happened in
 * @param description what was done
 * @param billable whether the time is billed
 * @param explicitRate a price set on this entry, which wins over every rate rule, or null
 * @param explicitRateUnit the unit of {@code explicitRate} (null exactly when it is null)
 * @param state OPEN, BILLED or LOCKED
 * @param invoiceId the invoice that billed it (non-null exactly when BILLED)
 * @param externalUid the calendar event uid it was imported from, or null
 * @param version optimistic-locking version, managed by the store
 */
public record TimeEntry(
        TimeEntryId id,
        ProjectId projectId,
        TimekeeperId timekeeperId,
        @Nullable ActivityId activityId,
        TimeSpan span,
        String description,
        boolean billable,
        @Nullable UnitPrice explicitRate,
        @Nullable RateUnit explicitRateUnit,
        EntryState state,
        @Nullable InvoiceId invoiceId,
        @Nullable String externalUid,
        long version) {

    /** Longest entry accepted. */
    public static final Duration MAX_DURATION = Duration.ofHours(24);

    public TimeEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(timekeeperId, "timekeeperId");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(state, "state");
        Text.require("time entry " + id + " description", description, 4000);
        Text.optional("time entry external uid", externalUid, 1000);
        Duration d = span.duration();
        if (d.isZero() || d.isNegative()) {
            throw new InvalidTimeEntryException(id, "lasts " + d + "; it must be positive");
        }
        if (d.compareTo(MAX_DURATION) > 0) {
            throw new InvalidTimeEntryException(id, "lasts " + d + ", longer than " + MAX_DURATION);
        }
        if ((explicitRate == null) != (explicitRateUnit == null)) {
            throw new InvalidTimeEntryException(id, "has an explicit rate without a unit or a unit without a rate");
        }
        if ((state == EntryState.BILLED) != (invoiceId != null)) {
            throw new InvalidTimeEntryException(id, "is " + state + " but invoice is " + invoiceId);
        }
        if (description.length() > 4000) {
            throw new InvalidInputException("time entry " + id + ": description longer than 4000 characters");
        }
    }

    /** A new open, billable entry without activity and without explicit rate. */
    public static TimeEntry of(ProjectId project, TimekeeperId timekeeper, TimeSpan span, String description) {
        return of(project, timekeeper, null, span, description);
    }

    /**
     * A new open, billable entry from {@code start} to {@code end} ({@link TimeSpan#of(ZonedDateTime,
     * ZonedDateTime)}), without activity and without explicit rate.
     */
    public static TimeEntry of(ProjectId project, TimekeeperId timekeeper, ZonedDateTime start, ZonedDateTime end,
            String description) {
        return of(project, timekeeper, null, TimeSpan.of(start, end), description);
    }

    /** A new open, billable entry without explicit rate. */
    public static TimeEntry of(ProjectId project, TimekeeperId timekeeper, @Nullable ActivityId activity,
            TimeSpan span, String description) {
        return new TimeEntry(TimeEntryId.generate(), project, timekeeper, activity, span, description, true,
                null, null, EntryState.OPEN, null, null, 0);
    }

    /** The exact worked duration (instant difference, right across DST changes). */
    public Duration duration() {
        return span.duration();
    }

    public boolean isOpen() {
        return state == EntryState.OPEN;
    }

    public TimeEntry withId(TimeEntryId id) {
        return new TimeEntry(id, projectId, timekeeperId, activityId, span, description, billable, explicitRate,
                explicitRateUnit, state, invoiceId, externalUid, version);
    }

    public TimeEntry withBillable(boolean billable) {
        return new TimeEntry(id, projectId, timekeeperId, activityId, span, description, billable, explicitRate,
                explicitRateUnit, state, invoiceId, externalUid, version);
    }

    public TimeEntry withExplicitRate(@Nullable UnitPrice rate, @Nullable RateUnit unit) {
        return new TimeEntry(id, projectId, timekeeperId, activityId, span, description, billable, rate, unit,
                state, invoiceId, externalUid, version);
    }

    public TimeEntry withSpan(TimeSpan span) {
        return new TimeEntry(id, projectId, timekeeperId, activityId, span, description, billable, explicitRate,
                explicitRateUnit, state, invoiceId, externalUid, version);
    }

    public TimeEntry withDescription(String description) {
        return new TimeEntry(id, projectId, timekeeperId, activityId, span, description, billable, explicitRate,
                explicitRateUnit, state, invoiceId, externalUid, version);
    }

    public TimeEntry withExternalUid(@Nullable String uid) {
        return new TimeEntry(id, projectId, timekeeperId, activityId, span, description, billable, explicitRate,
                explicitRateUnit, state, invoiceId, uid, version);
    }

    public TimeEntry billedOn(InvoiceId invoice) {
        return new TimeEntry(id, projectId, timekeeperId, activityId, span, description, billable, explicitRate,
                explicitRateUnit, EntryState.BILLED, invoice, externalUid, version);
    }

    /** This entry OPEN again, on no invoice (its invoice was voided). */
    public TimeEntry reopened() {
        return new TimeEntry(id, projectId, timekeeperId, activityId, span, description, billable, explicitRate,
                explicitRateUnit, EntryState.OPEN, null, externalUid, version);
    }

    public TimeEntry withVersion(long version) {
        return new TimeEntry(id, projectId, timekeeperId, activityId, span, description, billable, explicitRate,
                explicitRateUnit, state, invoiceId, externalUid, version);
    }
}
