package dev.billops.spi;

import java.time.Instant;
import java.util.List;

/**
 * A source of calendar events that become time entries (an ICS file or feed, a calendar API).
 *
 * <p>The calendar import maps events to projects, skips what is not work time
 * ({@link CalendarEvent#isWorkTime()}), and is idempotent by {@link CalendarEvent#uid()}.
 */
public interface CalendarSource extends BillingPlugin {

    /**
     * Every event occurrence that overlaps {@code [fromInclusive, toExclusive)}, recurrences
     * expanded, cancelled and declined events included (the import decides what to skip, and
     * deletes entries whose event was cancelled).
     *
     * @throws MalformedCalendarException if the calendar cannot be read
     * @throws TransientPluginException if it cannot be reached now
     */
    List<CalendarEvent> events(Instant fromInclusive, Instant toExclusive);

    /**
     * {@link #events} with warnings about what the source left out (a recurrence over its cap of
     * occurrences), so that an import can report them. The default has no warnings.
     *
     * @throws MalformedCalendarException if the calendar cannot be read
     * @throws TransientPluginException if it cannot be reached now
     */
    default CalendarReading read(Instant fromInclusive, Instant toExclusive) {
        return new CalendarReading(events(fromInclusive, toExclusive), List.of());
    }
}
