package dev.billops.integrations.ics;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Recur;
import org.jspecify.annotations.Nullable;

/**
 * Resolves TZID values of one calendar: IANA ids (what Google writes), their old aliases,
 * Windows names (what Outlook writes), then a VTIMEZONE defined in the file under that id. The
 * JDK tzdata wins over a file's VTIMEZONE for a known id; nothing is fetched from the network.
 *
 * <p>A VTIMEZONE is turned into {@link ZoneRules} here (its STANDARD/DAYLIGHT onsets expanded up to
 * {@value #LAST_YEAR}), never registered with ical4j: ical4j's zones live in a pool of ids
 * ({@code ical4j-local-N}) whose rules are only weakly held, so they vanish when the garbage
 * collector runs (a {@code NullPointerException} on some runs) and do not exist in another JVM
 * (a time entry stored with such a zone could not be read back). A VTIMEZONE with a fixed offset
 * becomes that {@link ZoneOffset}; others are {@link Resolved#custom() custom rules}, placed at
 * the offset each moment has. The alias tables are read once from ical4j's resources into our
 * own map, so that the result does not depend on what ical4j loaded before. Not thread-safe;
 * one per read.
 */
final class ZoneResolver {

    /** Custom zones are expanded up to this year; later moments keep the offset they had then. */
    static final int LAST_YEAR = 2100;

    /** Rules built from VTIMEZONE definitions, by definition text (immutable values, so safe to share). */
    private static final Map<String, Optional<ZoneRules>> BUILT = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_BUILT = 512;
    private static final Map<String, String> ALIASES = loadAliases();
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2})(\\d{2})(\\d{2})?");
    private static final Pattern LOCAL = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})Z?");

    private final Map<String, RawComponent> definitions = new HashMap<>();
    private final Map<String, Optional<Resolved>> resolved = new HashMap<>();

    /**
     * A resolved zone: a JDK zone id, or (with {@code id == null}) rules built from a VTIMEZONE.
     */
    record Resolved(@Nullable ZoneId id, @Nullable ZoneRules custom) {

        /** The moment of a wall-clock reading: gaps move forward, overlaps take the earlier offset. */
        ZonedDateTime at(LocalDateTime local) {
            return id != null ? local.atZone(id) : atLocal(local, java.util.Objects.requireNonNull(custom));
        }
    }

    ZoneResolver(RawComponent calendar) {
        for (RawComponent c : calendar.children("VTIMEZONE")) {
            c.property("TZID").ifPresent(id -> definitions.putIfAbsent(RawProperty.unescape(id.value()).trim(), c));
        }
    }

    /** The zone for {@code tzid}, or empty when it is neither a known id nor defined (usably) in the file. */
    Optional<Resolved> resolve(String tzid) {
        return resolved.computeIfAbsent(tzid.trim(), this::lookUp);
    }

    /** {@code local} in {@code rules}, as a date-time at the offset valid then (like {@link ZonedDateTime#ofLocal}). */
    static ZonedDateTime atLocal(LocalDateTime local, ZoneRules rules) {
        return atLocal(local, rules, null);
    }

    /** As {@link #atLocal(LocalDateTime, ZoneRules)}, but an overlap takes {@code preferred} if it is one of its offsets. */
    static ZonedDateTime atLocal(LocalDateTime local, ZoneRules rules, @Nullable ZoneOffset preferred) {
        ZoneOffsetTransition t = rules.getTransition(local);
        if (t == null) {
            return local.atOffset(rules.getOffset(local)).toZonedDateTime();
        }
        if (t.isGap()) {
            return local.plus(t.getDuration()).atOffset(t.getOffsetAfter()).toZonedDateTime();
        }
        ZoneOffset offset = preferred != null && t.isValidOffset(preferred) ? preferred : t.getOffsetBefore();
        return local.atOffset(offset).toZonedDateTime();
    }

    /** {@code instant} in {@code rules}, at the offset valid then. */
    static ZonedDateTime atInstant(Instant instant, ZoneRules rules) {
        return instant.atZone(rules.getOffset(instant));
    }

    private Optional<Resolved> lookUp(String tzid) {
        ZoneId known = known(tzid);
        if (known == null && tzid.startsWith("/")) {
            // Old Mozilla/Lightning exports prefix the IANA id: /mozilla.org/20050126_1/Europe/Berlin
            String[] parts = tzid.split("/");
            if (parts.length >= 2) {
                known = known(parts[parts.length - 2] + "/" + parts[parts.length - 1]);
            }
        }
        if (known != null) {
            return Optional.of(new Resolved(known, null));
        }
        RawComponent definition = definitions.get(tzid);
        if (definition == null) {
            return Optional.empty();
        }
        Optional<ZoneRules> rules = rulesOf(definition);
        return rules.map(r -> r.isFixedOffset() ? new Resolved(r.getOffset(Instant.EPOCH), null) : new Resolved(null, r));
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
        String alias = ALIASES.get(tzid);
        return alias == null ? null : ofId(alias);
    }

    private static @Nullable ZoneId ofId(String id) {
        if (id.startsWith("ical4j")) {
            return null; // ical4j's pooled ids are not zones of their own
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** ical4j's alias tables (old ids, Microsoft names), read from its jar once, in a fixed order. */
    private static Map<String, String> loadAliases() {
        Map<String, String> aliases = new HashMap<>();
        for (String resource : List.of("net/fortuna/ical4j/model/tz.alias",
                "net/fortuna/ical4j/transform/compliance/msTimezoneNames",
                "net/fortuna/ical4j/transform/compliance/msTimezoneIds")) {
            Properties p = new Properties();
            try (InputStream in = Recur.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                continue;
            }
            p.stringPropertyNames().stream().sorted().forEach(k -> aliases.put(k.trim(), p.getProperty(k).trim()));
        }
        return Map.copyOf(aliases);
    }

    /** The rules of a VTIMEZONE, or empty when it cannot be read (then the TZID counts as unknown). */
    static Optional<ZoneRules> rulesOf(RawComponent definition) {
        StringBuilder key = new StringBuilder();
        append(key, definition);
        String text = key.toString();
        Optional<ZoneRules> cached = BUILT.get(text);
        if (cached != null) {
            return cached;
        }
        Optional<ZoneRules> built;
        try {
            built = Optional.ofNullable(build(definition));
        } catch (RuntimeException e) {
            built = Optional.empty(); // a VTIMEZONE we cannot read is as good as none: the caller reports the TZID
        }
        if (BUILT.size() < MAX_BUILT) {
            BUILT.putIfAbsent(text, built);
        }
        return built;
    }

    private record Onset(Instant at, ZoneOffset from, ZoneOffset to) {
    }

    private static @Nullable ZoneRules build(RawComponent definition) {
        List<Onset> onsets = new ArrayList<>();
        LocalDateTime last = LocalDateTime.of(LAST_YEAR, 12, 31, 23, 59);
        for (RawComponent observance : definition.components()) {
            if (!observance.name().equals("STANDARD") && !observance.name().equals("DAYLIGHT")) {
                continue;
            }
            LocalDateTime start = local(observance.property("DTSTART").map(RawProperty::value).orElse(null));
            ZoneOffset from = offset(observance.property("TZOFFSETFROM").map(RawProperty::value).orElse(null));
            ZoneOffset to = offset(observance.property("TZOFFSETTO").map(RawProperty::value).orElse(null));
            if (start == null || from == null || to == null || start.isAfter(last)) {
                return null;
            }
            List<LocalDateTime> starts = new ArrayList<>(List.of(start));
            for (RawProperty rrule : observance.all("RRULE")) {
                StringBuilder rule = new StringBuilder();
                Instant until = null;
                for (String part : rrule.value().trim().split(";")) {
                    if (part.toUpperCase(Locale.ROOT).startsWith("UNTIL=")) {
                        LocalDateTime u = local(part.substring(6));
                        if (u == null) {
                            return null;
                        }
                        // UNTIL is UTC (RFC 5545); some writers give local time: read both as UTC
                        until = u.toInstant(ZoneOffset.UTC);
                    } else if (!part.isBlank()) {
                        rule.append(rule.length() == 0 ? "" : ";").append(part.trim());
                    }
                }
                Instant u = until;
                for (LocalDateTime d : new Recur<LocalDateTime>(rule.toString()).getDates(start, start, last, 5_000)) {
                    if (u == null || !d.toInstant(from).isAfter(u)) {
                        starts.add(d);
                    }
                }
            }
            for (RawProperty rdate : observance.all("RDATE")) {
                for (String v : rdate.value().split(",")) {
                    LocalDateTime d = local(v.trim());
                    if (d == null) {
                        return null;
                    }
                    starts.add(d);
                }
            }
            for (LocalDateTime s : starts) {
                onsets.add(new Onset(s.toInstant(from), from, to));
            }
        }
        if (onsets.isEmpty()) {
            return null;
        }
        onsets.sort(Comparator.comparing(Onset::at));
        ZoneOffset initial = onsets.get(0).from();
        ZoneOffset current = initial;
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        for (Onset o : onsets) {
            if (!o.to().equals(current)) {
                transitions.add(ZoneOffsetTransition.of(LocalDateTime.ofInstant(o.at(), current), current, o.to()));
                current = o.to();
            }
        }
        if (transitions.isEmpty()) {
            return ZoneRules.of(initial);
        }
        return ZoneRules.of(initial, initial, List.of(), transitions, List.of());
    }

    private static @Nullable LocalDateTime local(@Nullable String value) {
        if (value == null) {
            return null;
        }
        Matcher m = LOCAL.matcher(value.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static @Nullable ZoneOffset offset(@Nullable String value) {
        if (value == null) {
            return null;
        }
        Matcher m = OFFSET.matcher(value.trim());
        if (!m.matches()) {
            return null;
        }
        int sign = m.group(1).equals("-") ? -1 : 1;
        try {
            return ZoneOffset.ofHoursMinutesSeconds(sign * Integer.parseInt(m.group(2)), sign * Integer.parseInt(m.group(3)),
                    m.group(4) == null ? 0 : sign * Integer.parseInt(m.group(4)));
        } catch (DateTimeException e) {
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
        new TreeMap<>(p.parameters()).forEach((k, v) -> text.append(';').append(k).append('=').append(v));
        text.append(':').append(p.value()).append("\r\n");
    }
}
