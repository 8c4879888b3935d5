package dev.billops.examples.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Cuts one person's events out of a shared iCalendar file: a {@link dev.billops.spi.CalendarEvent}
 * does not say whose event it is, but an import is per timekeeper, so a team calendar is split by
 * {@code ORGANIZER} before it is imported. Text in, text out; the calendar's time zones and
 * properties are kept, only the {@code VEVENT}s of other organizers are left out.
 */
public final class CalendarFiles {

    private CalendarFiles() {
    }

    /**
     * The calendar {@code ics} with only the events whose {@code ORGANIZER} is {@code email}
     * (compared case-insensitively, with or without {@code mailto:}). Lines are unfolded (RFC 5545
     * §3.1) and end in CRLF.
     */
    public static String organizedBy(String ics, String email) {
        Objects.requireNonNull(ics, "ics");
        String wanted = Objects.requireNonNull(email, "email").trim().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(ics.length());
        List<String> event = null;
        for (String line : unfold(ics)) {
            if (event == null && line.equalsIgnoreCase("BEGIN:VEVENT")) {
                event = new ArrayList<>();
            }
            if (event == null) {
                out.append(line).append("\r\n");
                continue;
            }
            event.add(line);
            if (line.equalsIgnoreCase("END:VEVENT")) {
                if (organizer(event).equals(wanted)) {
                    event.forEach(l -> out.append(l).append("\r\n"));
                }
                event = null;
            }
        }
        return out.toString();
    }

    /** The organizer's address of an event's lines, lower case without {@code mailto:}; empty if none. */
    static String organizer(List<String> event) {
        for (String line : event) {
            if (line.regionMatches(true, 0, "ORGANIZER", 0, 9) && line.length() > 9
                    && (line.charAt(9) == ':' || line.charAt(9) == ';')) {
                String value = line.substring(valueStart(line)).trim().toLowerCase(Locale.ROOT);
                return value.startsWith("mailto:") ? value.substring(7) : value;
            }
        }
        return "";
    }

    /** Where a content line's value starts: after the first colon outside a quoted parameter. */
    private static int valueStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i + 1;
            }
        }
        return line.length();
    }

    /** The content lines of {@code ics}, continuation lines (starting with a space or tab) joined. */
    static List<String> unfold(String ics) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = null;
        for (String raw : ics.split("\r\n|\n|\r", -1)) {
            if (current != null && !raw.isEmpty() && (raw.charAt(0) == ' ' || raw.charAt(0) == '\t')) {
                current.append(raw, 1, raw.length());
                continue;
            }
            if (current != null) {
                lines.add(current.toString());
            }
            current = new StringBuilder(raw);
        }
        if (current != null && current.length() > 0) {
            lines.add(current.toString());
        }
        lines.removeIf(String::isEmpty);
        return lines;
    }
}
