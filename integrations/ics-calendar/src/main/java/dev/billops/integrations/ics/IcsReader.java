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

    private IcsReader() {
    }

    /** The VCALENDAR component of {@code text}; throws {@link MalformedCalendarException} naming {@code source}. */
    static RawComponent read(String source, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Collector collector = new Collector();
        try {
            new CalendarParserImpl().parse(new UnfoldingReader(new StringReader(body), true), collector);
        } catch (ParserException e) {
            throw new MalformedCalendarException(source, describe(e), e);
        } catch (IOException | RuntimeException e) {
            throw new MalformedCalendarException(source, "cannot be parsed: " + e.getMessage(), e);
        }
        if (collector.calendar == null) {
            throw new MalformedCalendarException(source, "has no VCALENDAR");
        }
        return collector.calendar;
    }

    private static String describe(ParserException e) {
        String message = e.getMessage() == null ? "syntax error" : e.getMessage();
        String prefix = "Error at line " + e.getLineNo() + ":";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length()).trim();
        }
        return "line " + e.getLineNo() + ": " + message;
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
