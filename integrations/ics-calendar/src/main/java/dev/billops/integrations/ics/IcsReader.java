package dev.billops.integrations.ics;

import dev.billops.spi.MalformedCalendarException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.ContentHandler;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.data.UnfoldingReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads iCalendar text into {@link RawComponent}s with ical4j's parser (line unfolding,
 * component nesting, parameter syntax) and nothing else: no value is interpreted here, so that
 * an unknown time zone or a broken date is reported by us with the event it belongs to.
 */
final class IcsReader {

    /**
     * Deepest nesting of components read (VCALENDAR, VEVENT, VALARM is 3): ical4j's parser recurses
     * per level, so a file of 100,000 nested BEGIN lines would overflow the stack.
     */
    static final int MAX_DEPTH = 32;

    private IcsReader() {
    }

    /** The VCALENDAR component of {@code text}; throws {@link MalformedCalendarException} naming {@code source}. */
    static RawComponent read(String source, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        checkDepth(source, body);
        Collector collector = new Collector();
        try {
            new CalendarParserImpl().parse(new UnfoldingReader(new StringReader(body), true), collector);
        } catch (ParserException e) {
            throw new MalformedCalendarException(source, describe(e), e);
        } catch (IOException | RuntimeException e) {
            throw new MalformedCalendarException(source, "cannot be parsed: "
                    + CalendarProblem.shown(String.valueOf(e.getMessage())), e);
        } catch (StackOverflowError e) {
            // not expected after checkDepth; never let it reach a caller as an Error
            throw new MalformedCalendarException(source, "is nested too deeply to be read");
        }
        if (collector.calendar == null) {
            throw new MalformedCalendarException(source, "has no VCALENDAR");
        }
        return collector.calendar;
    }

    /** Refuses components nested more than {@link #MAX_DEPTH} deep, before ical4j recurses into them. */
    private static void checkDepth(String source, String body) {
        int depth = 0;
        int line = 0;
        int start = 0;
        int length = body.length();
        while (start < length) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            line++;
            // folded continuation lines start with a space or tab: they cannot begin a BEGIN/END line, and a
            // BEGIN/END name folded across lines is still counted at its first line
            if (body.regionMatches(true, start, "BEGIN:", 0, 6)) {
                if (++depth > MAX_DEPTH) {
                    String name = body.substring(start, Math.min(end, start + 40)).strip();
                    throw new MalformedCalendarException(source, "line " + line + ": components are nested more than "
                            + MAX_DEPTH + " deep (" + CalendarProblem.shown(name) + ")");
                }
            } else if (body.regionMatches(true, start, "END:", 0, 4)) {
                depth = Math.max(0, depth - 1);
            }
            start = end + 1;
        }
    }

    private static String describe(ParserException e) {
        String message = e.getMessage() == null ? "syntax error" : e.getMessage();
        String prefix = "Error at line " + e.getLineNo() + ":";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length()).trim();
        }
        return "line " + e.getLineNo() + ": " + CalendarProblem.shown(message);
    }

    /** Builds the tree from parser callbacks. */
    private static final class Collector implements ContentHandler {

        private final Deque<Builder> open = new ArrayDeque<>();
        private final Map<String, Integer> ordinals = new HashMap<>();
        private @Nullable RawComponent calendar;
        private String propertyName = "";
        private Map<String, String> parameters = new LinkedHashMap<>();
        private String value = "";

        @Override
        public void startCalendar() {
            open.push(new Builder("VCALENDAR", 0));
        }

        @Override
        public void endCalendar() {
            RawComponent read = open.pop().build();
            RawComponent before = calendar;
            if (before == null) {
                calendar = read;
            } else {
                // several VCALENDARs concatenated in one file: one calendar with all their components
                List<RawComponent> all = new ArrayList<>(before.components());
                all.addAll(read.components());
                calendar = new RawComponent(before.name(), before.properties(), all, 0);
            }
        }

        @Override
        public void startComponent(String name) {
            String upper = name.toUpperCase(java.util.Locale.ROOT);
            int ordinal = ordinals.merge(upper, 1, Integer::sum);
            open.push(new Builder(upper, ordinal));
        }

        @Override
        public void endComponent(String name) {
            RawComponent c = open.pop().build();
            if (!open.isEmpty()) {
                open.peek().components.add(c);
            }
        }

        @Override
        public void startProperty(String name) {
            propertyName = name;
            parameters = new LinkedHashMap<>();
            value = "";
        }

        @Override
        public void propertyValue(String v) {
            value = v;
        }

        @Override
        public void parameter(String name, String v) {
            String unquoted = v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            parameters.putIfAbsent(name.toUpperCase(java.util.Locale.ROOT), unquoted);
        }

        @Override
        public void endProperty(String name) {
            if (!open.isEmpty()) {
                open.peek().properties.add(new RawProperty(propertyName, parameters, value));
            }
        }
    }

    private static final class Builder {
        final String name;
        final int ordinal;
        final List<RawProperty> properties = new ArrayList<>();
        final List<RawComponent> components = new ArrayList<>();

        Builder(String name, int ordinal) {
            this.name = name;
            this.ordinal = ordinal;
        }

        RawComponent build() {
            return new RawComponent(name, properties, components, ordinal);
        }
    }
}
