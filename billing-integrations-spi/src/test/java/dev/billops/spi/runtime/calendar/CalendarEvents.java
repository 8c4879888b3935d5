package dev.billops.spi.runtime.calendar;

import dev.billops.spi.CalendarEvent;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** Calendar events for the import tests, timed in Berlin. */
final class CalendarEvents {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private CalendarEvents() {
    }

    static CalendarEvent event(String uid, String summary, String start, String end, String... categories) {
        return new CalendarEvent(uid, summary, "", LocalDateTime.parse(start).atZone(BERLIN).toInstant(),
                LocalDateTime.parse(end).atZone(BERLIN).toInstant(), BERLIN, false, CalendarEvent.Status.CONFIRMED,
                true, false, List.of(categories), 0);
    }

    static CalendarEvent cancelled(CalendarEvent e) {
        return new CalendarEvent(e.uid(), e.summary(), e.description(), e.start(), e.end(), e.zone(), e.allDay(),
                CalendarEvent.Status.CANCELLED, e.busy(), e.declined(), e.categories(), e.sequence() + 1);
    }

    static CalendarEvent declined(CalendarEvent e) {
        return new CalendarEvent(e.uid(), e.summary(), e.description(), e.start(), e.end(), e.zone(), e.allDay(),
                e.status(), e.busy(), true, e.categories(), e.sequence());
    }

    static CalendarEvent free(CalendarEvent e) {
        return new CalendarEvent(e.uid(), e.summary(), e.description(), e.start(), e.end(), e.zone(), e.allDay(),
                e.status(), false, e.declined(), e.categories(), e.sequence());
    }

    static CalendarEvent allDay(String uid, String summary, String date) {
        LocalDateTime start = LocalDateTime.parse(date + "T00:00");
        return new CalendarEvent(uid, summary, "", start.atZone(BERLIN).toInstant(),
                start.plusDays(1).atZone(BERLIN).toInstant(), BERLIN, true, CalendarEvent.Status.CONFIRMED, true,
                false, List.of(), 0);
    }

    static CalendarEvent moved(CalendarEvent e, String start, String end, String summary) {
        return new CalendarEvent(e.uid(), summary, e.description(), LocalDateTime.parse(start).atZone(BERLIN).toInstant(),
                LocalDateTime.parse(end).atZone(BERLIN).toInstant(), e.zone(), e.allDay(), e.status(), e.busy(),
                e.declined(), e.categories(), e.sequence() + 1);
    }
}
