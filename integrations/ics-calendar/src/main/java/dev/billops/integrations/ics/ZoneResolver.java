package dev.billops.integrations.ics;

import java.io.StringReader;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Resolves TZID values of one calendar: IANA ids (what Google writes), their old aliases,
 * Windows names (what Outlook writes), then a VTIMEZONE defined in the file under that id
 * (built into zone rules by ical4j). The bundled or JDK tzdata wins over a file's VTIMEZONE for
 * a known id; nothing is fetched from the network. Zones built from a VTIMEZONE have ical4j's
 * generated ids ({@code ical4j~…}). Not thread-safe; one per read.
 */
final class ZoneResolver {

    /**
     * Zones built from VTIMEZONE definitions, by definition text: ical4j registers every zone it
     * builds for good, so a calendar re-read every few minutes must not build its zones again.
     */
    private static final Map<String, ZoneId> BUILT = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_BUILT = 512;

    private final Map<String, RawComponent> definitions = new HashMap<>();
    private final Map<String, Optional<ZoneId>> resolved = new HashMap<>();
    private final List<RawProperty> calendarHeader;

    ZoneResolver(RawComponent calendar) {
        for (RawComponent c : calendar.children("VTIMEZONE")) {
            c.property("TZID").ifPresent(id -> definitions.putIfAbsent(id.value().trim(), c));
        }
        calendarHeader = calendar.properties().stream()
                .filter(p -> p.name().equals("VERSION") || p.name().equals("PRODID")).toList();
    }

    /** The zone for {@code tzid}, or empty when it is neither a known id nor defined in the file. */
    Optional<ZoneId> resolve(String tzid) {
        return resolved.computeIfAbsent(tzid.trim(), this::lookUp);
    }

    private Optional<ZoneId> lookUp(String tzid) {
        ZoneId known = known(tzid);
        if (known == null && tzid.startsWith("/")) {
            // Old Mozilla/Lightning exports prefix the IANA id: /mozilla.org/20050126_1/Europe/Berlin
            String[] parts = tzid.split("/");
            if (parts.length >= 2) {
                known = known(parts[parts.length - 2] + "/" + parts[parts.length - 1]);
            }
        }
        if (known != null) {
            return Optional.of(known);
        }
        RawComponent definition = definitions.get(tzid);
        return definition == null ? Optional.empty() : Optional.ofNullable(fromDefinition(tzid, definition));
    }

    private static @Nullable ZoneId known(String tzid) {
        Optional<String> windows = WindowsZones.ianaId(tzid);
        if (windows.isPresent()) {
            return ZoneId.of(windows.get());
        }
        ZoneId direct = ofId(tzid);
        if (direct != null) {
            return direct;
        }
        // ical4j's alias table (old ids); it is a shared map ical4j itself extends at run time, hence last
        String alias = TimeZoneRegistry.ZONE_ALIASES.get(tzid);
        return alias == null ? null : ofId(alias);
    }

    private static @Nullable ZoneId ofId(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Zone rules from the file's own VTIMEZONE, through ical4j's observance arithmetic. */
    private @Nullable ZoneId fromDefinition(String tzid, RawComponent definition) {
        StringBuilder text = new StringBuilder("BEGIN:VCALENDAR\r\n");
        calendarHeader.forEach(p -> append(text, p));
        if (calendarHeader.stream().noneMatch(p -> p.name().equals("VERSION"))) {
            text.append("VERSION:2.0\r\n");
        }
        append(text, definition);
        text.append("END:VCALENDAR\r\n");
        String key = text.toString();
        ZoneId cached = BUILT.get(key);
        if (cached != null) {
            return cached;
        }
        try {
            CalendarBuilder builder = new CalendarBuilder();
            builder.build(new StringReader(key));
            ZoneId zone = builder.getRegistry().getZoneId(tzid);
            if (zone != null && BUILT.size() < MAX_BUILT) {
                BUILT.putIfAbsent(key, zone);
            }
            return zone;
        } catch (Exception e) {
            // a VTIMEZONE ical4j cannot turn into rules is as good as none: the caller reports the TZID
            return null;
        }
    }

    private static void append(StringBuilder text, RawComponent c) {
        text.append("BEGIN:").append(c.name()).append("\r\n");
        c.properties().forEach(p -> append(text, p));
        c.components().forEach(child -> append(text, child));
        text.append("END:").append(c.name()).append("\r\n");
    }

    private static void append(StringBuilder text, RawProperty p) {
        text.append(p.name());
        p.parameters().forEach((k, v) -> text.append(';').append(k).append('=').append(quoteIfNeeded(v)));
        text.append(':').append(p.value()).append("\r\n");
    }

    private static String quoteIfNeeded(String v) {
        return v.indexOf(',') >= 0 || v.indexOf(';') >= 0 || v.indexOf(':') >= 0 ? '"' + v + '"' : v;
    }
}
