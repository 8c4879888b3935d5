package dev.billops.spi;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One occurrence of a calendar event, as a {@link CalendarSource} reports it. A recurring event
 * is reported once per occurrence in the asked range, each with its own {@link #uid} (the
 * event's UID plus the occurrence's start), so that re-imports can match occurrences one by one.
 *
 * @param uid stable, unique per occurrence; what imported time entries are keyed by
 * @param summary the title (project codes such as {@code [ACME-WEB]} are usually here)
 * @param description the body text, or empty
 * @param start when it starts
 * @param end when it ends; after {@code start}, except for all-day events where it may equal it
 * @param zone the zone the event was scheduled in (its TZID, or the calendar's, or UTC)
 * @param allDay a date-only event (not work time)
 * @param status CONFIRMED, TENTATIVE or CANCELLED
 * @param busy false for events marked free / transparent
 * @param declined the calendar's owner declined it
 * @param categories the event's categories, in order
 * @param sequence the revision number (iCalendar SEQUENCE), 0 when absent
 */
public record CalendarEvent(String uid, String summary, String description, Instant start, Instant end, ZoneId zone,
        boolean allDay, Status status, boolean busy, boolean declined, List<String> categories, int sequence) {

    /** The event's status. */
    public enum Status { CONFIRMED, TENTATIVE, CANCELLED }

    public CalendarEvent {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(status, "status");
        categories = List.copyOf(categories);
        if (uid.isBlank()) {
            throw new IllegalArgumentException("calendar event uid is blank");
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("calendar event " + uid + " ends (" + end + ") before it starts ("
                    + start + ")");
        }
    }

    /** Whether this is time worth logging: not all-day, not cancelled, not declined, busy. */
    public boolean isWorkTime() {
        return !allDay && status != Status.CANCELLED && !declined && busy && end.isAfter(start);
    }
}
