package dev.billops.integrations.ics;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A DATE or DATE-TIME value of a calendar, placed in a zone: its TZID's, UTC for values ending in
 * {@code Z}, or the calendar's default zone for floating times and dates.
 *
 * @param at the moment (for a date: the start of that day in the default zone)
 * @param dateOnly a DATE value (all-day)
 * @param floating a local time without zone, placed in the default zone
 * @param custom the rules of the file's VTIMEZONE when the TZID is not a known zone; {@code at} is
 *     then at the offset valid at that moment
 */
record IcsTime(ZonedDateTime at, boolean dateOnly, boolean floating, @Nullable ZoneRules custom) {

    IcsTime(ZonedDateTime at, boolean dateOnly, boolean floating) {
        this(at, dateOnly, floating, null);
    }

    private static final Pattern DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})(Z?)");
    private static final Pattern DURATION = Pattern.compile(
            "([+-]?)P(?:(\\d+)W|(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?)");
    private static final DateTimeFormatter KEY_DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final DateTimeFormatter KEY_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    /** Longest DURATION read (about 27 years); longer ones are refused rather than overflowing dates. */
    static final long MAX_DURATION_DAYS = 10_000;

    Instant instant() {
        return at.toInstant();
    }

    ZoneId zone() {
        return at.getZone();
    }

    /** The occurrence key: {@code yyyyMMdd} for dates, the UTC moment {@code yyyyMMdd'T'HHmmss'Z'} otherwise. */
    String key() {
        return dateOnly ? at.toLocalDate().format(KEY_DATE) : at.withZoneSameInstant(ZoneOffset.UTC).format(KEY_DATE_TIME);
    }

    /** The same kind of value (date, zoned or floating) at another moment of this value's zone. */
    IcsTime with(ZonedDateTime other) {
        if (custom != null) {
            return new IcsTime(ZoneResolver.atInstant(other.toInstant(), custom), dateOnly, floating, custom);
        }
        return new IcsTime(other.withZoneSameInstant(at.getZone()), dateOnly, floating);
    }

    /** The same kind of value at another wall-clock reading of this value's zone. */
    IcsTime withLocal(LocalDateTime local) {
        if (custom != null) {
            return new IcsTime(ZoneResolver.atLocal(local, custom), dateOnly, floating, custom);
        }
        return new IcsTime(local.atZone(at.getZone()), dateOnly, floating);
    }

    /** Every value of a (possibly comma-separated) date property such as EXDATE or RDATE. */
    static List<IcsTime> parseAll(RawProperty p, ZoneResolver zones, ZoneId defaultZone, String where) {
        List<IcsTime> values = new ArrayList<>();
        for (String v : p.value().split(",")) {
            String single = v.trim();
            int slash = single.indexOf('/');
            if (slash > 0) {
                single = single.substring(0, slash); // RDATE;VALUE=PERIOD: the period's start
            }
            if (!single.isEmpty()) {
                values.add(parse(p, single, zones, defaultZone, where));
            }
        }
        return values;
    }

    static IcsTime parse(RawProperty p, ZoneResolver zones, ZoneId defaultZone, String where) {
        return parse(p, p.value().trim(), zones, defaultZone, where);
    }

    private static IcsTime parse(RawProperty p, String value, ZoneResolver zones, ZoneId defaultZone, String where) {
        boolean dateValue = p.parameter("VALUE").map(v -> v.equalsIgnoreCase("DATE")).orElse(false)
                || value.length() == 8;
        try {
            if (dateValue) {
                Matcher m = DATE.matcher(value);
                if (!m.matches()) {
                    throw bad(p, value, where, "is not a DATE (yyyyMMdd)");
                }
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                return new IcsTime(d.atStartOfDay(defaultZone), true, true);
            }
            Matcher m = DATE_TIME.matcher(value);
            if (!m.matches()) {
                throw bad(p, value, where, "is not a DATE-TIME (yyyyMMdd'T'HHmmss[Z])");
            }
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)) == 60 ? 59 : Integer.parseInt(m.group(6)));
            if (!m.group(7).isEmpty()) {
                return new IcsTime(local.atZone(ZoneOffset.UTC), false, false);
            }
            if (p.parameter("TZID").isPresent()) {
                String tzid = p.parameter("TZID").get();
                ZoneResolver.Resolved zone = zones.resolve(tzid).orElseThrow(() -> new CalendarProblem(where + ": "
                        + p.name() + " has an unknown time zone TZID '" + CalendarProblem.shown(tzid)
                        + "' (not an IANA or Windows zone id, and no usable VTIMEZONE for it)"));
                return new IcsTime(zone.at(local), false, false, zone.custom());
            }
            return new IcsTime(local.atZone(defaultZone), false, true);
        } catch (DateTimeException e) {
            throw new CalendarProblem(where + ": " + p.name() + " '" + CalendarProblem.shown(value) + "' is not a valid date: "
                    + CalendarProblem.shown(String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * A DURATION value: nominal days (or weeks) and an exact time part; negative durations are
     * rejected since an event cannot end before it starts.
     */
    static Nominal parseDuration(RawProperty p, String where) {
        String value = p.value().trim();
        Matcher m = DURATION.matcher(value);
        if (!m.matches() || value.endsWith("P") || value.endsWith("T")) {
            throw bad(p, value, where, "is not a DURATION (e.g. PT1H30M, P1D)");
        }
        if (m.group(1).equals("-")) {
            throw bad(p, value, where, "is negative");
        }
        try {
            long days = m.group(2) != null ? Math.multiplyExact(7L, Long.parseLong(m.group(2))) : number(m.group(3));
            Duration time = Duration.ofHours(number(m.group(4))).plusMinutes(number(m.group(5)))
                    .plusSeconds(number(m.group(6)));
            if (days > MAX_DURATION_DAYS || time.toDays() > MAX_DURATION_DAYS) {
                throw bad(p, value, where, "is longer than " + MAX_DURATION_DAYS + " days");
            }
            return new Nominal(days, time);
        } catch (ArithmeticException | NumberFormatException e) {
            throw bad(p, value, where, "is out of range");
        }
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    private static CalendarProblem bad(RawProperty p, String value, String where, String problem) {
        return new CalendarProblem(where + ": " + p.name() + " '" + CalendarProblem.shown(value) + "' " + problem);
    }

    /** A length of calendar days (kept in local time across DST changes) plus an exact duration. */
    record Nominal(long days, Duration time) {

        static final Nominal ZERO = new Nominal(0, Duration.ZERO);

        static Nominal exact(Duration d) {
            return new Nominal(0, d);
        }

        IcsTime after(IcsTime start) {
            if (start.dateOnly()) {
                long wholeDays = days + time.toDays();
                return new IcsTime(start.at().toLocalDate().plusDays(wholeDays).atStartOfDay(start.zone()), true, true);
            }
            if (days == 0) {
                return start.with(start.at().plus(time));
            }
            // whole days keep the wall-clock time (and the start's offset where a day has that time twice)
            ZoneRules custom = start.custom();
            ZonedDateTime shifted = custom == null ? start.at().plusDays(days)
                    : ZoneResolver.atLocal(start.at().toLocalDateTime().plusDays(days), custom, start.at().getOffset());
            return start.with(shifted.plus(time));
        }
    }
}
