package dev.billops.spi;

import java.util.List;

/**
 * What a {@link CalendarSource} read for a range: the event occurrences, and warnings about what
 * it had to leave out (e.g. a recurrence with more occurrences than the source expands), one
 * line each, for the import to report.
 *
 * @param events the occurrences, as {@link CalendarSource#events} returns them
 * @param warnings one line per limit that was hit; empty when the read is complete
 */
public record CalendarReading(List<CalendarEvent> events, List<String> warnings) {

    public CalendarReading {
        events = List.copyOf(events);
        warnings = List.copyOf(warnings);
    }
}
