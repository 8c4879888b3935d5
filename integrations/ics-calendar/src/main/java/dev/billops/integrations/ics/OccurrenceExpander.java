package dev.billops.integrations.ics;

import dev.billops.spi.CalendarEvent;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import net.fortuna.ical4j.model.Recur;
import org.jspecify.annotations.Nullable;

/**
 * Turns a calendar's VEVENTs into the occurrences overlapping a range: RRULE (via ical4j's
 * {@link Recur}), RDATE and EXDATE, with RECURRENCE-ID overrides replacing the occurrence they
 * name. Every VEVENT of the calendar is interpreted first, so a broken event anywhere fails the
 * whole read. Not thread-safe; one per read.
 */
final class OccurrenceExpander {

    /** The default upper bound on the occurrences one rule may produce in one read, against runaway rules. */
    static final int MAX_OCCURRENCES = 100_000;
    /** How many chunks of {@link #maxOccurrences} a rule over the cap is read in to find its latest occurrences. */
    static final int MAX_CHUNKS = 20;

    private final ZoneResolver zones;
    private final ZoneId defaultZone;
    private final @Nullable String owner;
    private final int maxOccurrences;
    private final List<String> warnings = new ArrayList<>();

    OccurrenceExpander(ZoneResolver zones, ZoneId defaultZone, @Nullable String owner) {
        this(zones, defaultZone, owner, MAX_OCCURRENCES);
    }

    OccurrenceExpander(ZoneResolver zones, ZoneId defaultZone, @Nullable String owner, int maxOccurrences) {
        this.zones = zones;
        this.defaultZone = defaultZone;
        this.owner = owner;
        this.maxOccurrences = maxOccurrences;
    }

    /** What the last read had to leave out (a rule over the occurrence cap), one line each. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    List<CalendarEvent> occurrences(RawComponent calendar, Instant from, Instant to) {
        Map<String, ParsedEvent> masters = new LinkedHashMap<>();
        Map<String, Map<String, ParsedEvent>> overrides = new LinkedHashMap<>();
        for (RawComponent vevent : calendar.children("VEVENT")) {
            ParsedEvent e = ParsedEvent.of(vevent, zones, defaultZone, owner);
            if (e.recurrenceId() == null) {
                masters.merge(e.uid(), e, OccurrenceExpander::newer);
            } else {
                overrides.computeIfAbsent(e.uid(), k -> new LinkedHashMap<>())
                        .merge(e.recurrenceId().key(), e, OccurrenceExpander::newer);
            }
        }
        List<CalendarEvent> out = new ArrayList<>();
        for (ParsedEvent master : masters.values()) {
            try {
                expandMaster(out, master, overrides.getOrDefault(master.uid(), Map.of()), from, to);
            } catch (DateTimeException | ArithmeticException e) {
                throw new CalendarProblem("event " + CalendarProblem.shown(master.uid())
                        + ": a date, duration or recurrence is out of range (" + CalendarProblem.shown(String.valueOf(e.getMessage())) + ")", e);
            }
        }
        // overrides whose master is not in the file (e.g. one invited occurrence): report them as they are
        overrides.forEach((uid, own) -> {
            if (!masters.containsKey(uid)) {
                own.forEach((key, o) -> addIfOverlapping(out, uid + "#" + key, o, o.start(), from, to));
            }
        });
        out.sort(Comparator.comparing(CalendarEvent::start).thenComparing(CalendarEvent::uid));
        return out;
    }

    private void expandMaster(List<CalendarEvent> out, ParsedEvent master, Map<String, ParsedEvent> own, Instant from,
            Instant to) {
        if (!master.recurring()) {
            ParsedEvent replacement = own.get(master.start().key());
            ParsedEvent e = replacement != null && replacement.sequence() >= master.sequence() ? replacement : master;
            addIfOverlapping(out, master.uid(), e, e.start(), from, to);
            return;
        }
        for (IcsTime start : starts(master, from, to)) {
            String key = start.key();
            if (!master.exdates().contains(key) && !own.containsKey(key)) {
                addIfOverlapping(out, master.uid() + "#" + key, master, start, from, to);
            }
        }
        own.forEach((key, o) -> {
            if (!master.exdates().contains(key)) {
                addIfOverlapping(out, master.uid() + "#" + key, o, o.start(), from, to);
            }
        });
    }

    private static ParsedEvent newer(ParsedEvent a, ParsedEvent b) {
        return b.sequence() >= a.sequence() ? b : a;
    }

    private void addIfOverlapping(List<CalendarEvent> out, String uid, ParsedEvent e, IcsTime start, Instant from,
            Instant to) {
        IcsTime end = e.length().after(start);
        Instant s = start.instant();
        Instant en = end.instant();
        boolean overlaps = en.isAfter(s) ? s.isBefore(to) && en.isAfter(from) : !s.isBefore(from) && s.isBefore(to);
        if (overlaps) {
            out.add(new CalendarEvent(uid, e.summary(), e.description(), s, en, start.zone(), start.dateOnly(),
                    e.status(), e.busy(), e.declined(), e.categories(), e.sequence()));
        }
    }

    /** The starts of a recurring master's occurrences that may overlap the range (superset; filtered later). */
    private List<IcsTime> starts(ParsedEvent master, Instant from, Instant to) {
        IcsTime seed = master.start();
        TreeMap<Instant, IcsTime> starts = new TreeMap<>();
        starts.put(seed.instant(), seed);
        for (IcsTime r : master.rdates()) {
            starts.put(r.instant(), r.dateOnly() == seed.dateOnly() ? r : seed.with(r.at()));
        }
        for (String rule : master.rrules()) {
            for (IcsTime t : expand(master, rule, from, to)) {
                starts.put(t.instant(), t);
            }
        }
        return new ArrayList<>(starts.values());
    }

    private List<IcsTime> expand(ParsedEvent master, String rule, Instant from, Instant to) {
        IcsTime seed = master.start();
        String where = "event " + CalendarProblem.shown(master.uid());
        StringBuilder withoutUntil = new StringBuilder();
        String until = null;
        int count = 0;
        for (String part : rule.split(";")) {
            String[] kv = part.split("=", 2);
            String name = kv[0].trim().toUpperCase(Locale.ROOT);
            if (name.equals("UNTIL") && kv.length == 2) {
                until = kv[1].trim();
                continue;
            }
            if (name.equals("COUNT") && kv.length == 2) {
                try {
                    count = Integer.parseInt(kv[1].trim());
                } catch (NumberFormatException e) {
                    throw new CalendarProblem(where + ": RRULE '" + CalendarProblem.shown(rule) + "' has a COUNT that is not a number");
                }
            }
            if (!part.isBlank()) {
                withoutUntil.append(withoutUntil.length() == 0 ? "" : ";").append(part.trim());
            }
        }
        String frequency = withoutUntil.toString().toUpperCase(Locale.ROOT);
        if (frequency.contains("FREQ=SECONDLY") || frequency.contains("FREQ=MINUTELY")) {
            // expanding from DTSTART to the range could take billions of steps; no work calendar needs these
            throw new CalendarProblem(where + ": RRULE '" + CalendarProblem.shown(rule) + "' repeats more often than hourly, which is not supported");
        }
        IcsTime untilTime = until == null ? null
                : IcsTime.parse(new RawProperty("UNTIL", Map.of(), until), zones, defaultZone, where + " RRULE");
        if (untilTime != null && untilTime.instant().isBefore(from.minus(java.time.Duration.ofDays(1)))
                && master.length().days() < 1 && master.length().time().toDays() < 1) {
            return List.of(); // the rule ended before the range (events of under a day cannot reach into it)
        }
        List<IcsTime> result = new ArrayList<>();
        try {
            if (seed.dateOnly()) {
                Recur<LocalDate> recur = new Recur<>(withoutUntil.toString());
                LocalDate s = seed.at().toLocalDate();
                LocalDate end = LocalDate.ofInstant(until(to, untilTime), defaultZone).plusDays(1);
                LocalDate low = count > 0 ? s : max(s, LocalDate.ofInstant(from, defaultZone).minusDays(master.length().days() + 1));
                for (LocalDate d : window(recur, s, low, end, ChronoUnit.DAYS, count, where, rule)) {
                    result.add(new IcsTime(d.atStartOfDay(seed.zone()), true, true));
                }
            } else if (seed.custom() != null) {
                // a zone of the file's own VTIMEZONE: expand in local time, then place each reading by its rules
                ZoneRules rules = seed.custom();
                Recur<LocalDateTime> recur = new Recur<>(withoutUntil.toString());
                LocalDateTime s = seed.at().toLocalDateTime();
                LocalDateTime end = LocalDateTime.ofInstant(until(to, untilTime), rules.getOffset(to));
                LocalDateTime low = count > 0 ? s : max(s, LocalDateTime.ofInstant(from, rules.getOffset(from))
                        .minusDays(master.length().days() + 1).minus(master.length().time()));
                for (LocalDateTime d : window(recur, s, low, end, ChronoUnit.SECONDS, count, where, rule)) {
                    result.add(seed.withLocal(d));
                }
            } else {
                Recur<ZonedDateTime> recur = new Recur<>(withoutUntil.toString());
                ZonedDateTime s = seed.at();
                ZonedDateTime end = until(to, untilTime).atZone(seed.zone());
                ZonedDateTime low = count > 0 ? s
                        : max(s, from.atZone(seed.zone()).minusDays(master.length().days() + 1).minus(master.length().time()));
                for (ZonedDateTime d : window(recur, s, low, end, ChronoUnit.SECONDS, count, where, rule)) {
                    // RFC 5545: a wall-clock time that happens twice is the first of them (as for DTSTART)
                    result.add(seed.withLocal(d.withZoneSameInstant(seed.zone()).toLocalDateTime()));
                }
            }
        } catch (RuntimeException e) {
            throw new CalendarProblem(where + ": RRULE '" + CalendarProblem.shown(rule) + "' cannot be read: " + CalendarProblem.shown(String.valueOf(e.getMessage())), e);
        }
        if (count > 0 && result.stream().noneMatch(t -> t.instant().equals(seed.instant()))) {
            // RFC 5545: DTSTART is the first occurrence and counts towards COUNT even if the rule does not match it
            result.add(0, seed);
            result = new ArrayList<>(result.subList(0, Math.min(count, result.size())));
        }
        if (untilTime != null) {
            IcsTime u = untilTime;
            result.removeIf(t -> after(t, u));
        }
        return result;
    }

    /**
     * The occurrences of {@code recur} in {@code [low, end]}, at most {@link #maxOccurrences}: when
     * there are more, a warning names the rule, and of a rule without COUNT the LATEST ones are kept
     * (the ones still to be billed; found by reading on in chunks, at most {@value #MAX_CHUNKS} of
     * them), of a rule with COUNT the first ones.
     */
    @SuppressWarnings("unchecked") // Temporal.plus of a T is a T for the three types used here
    private <T extends Temporal & Comparable<? super T>> List<T> window(Recur<T> recur, T seed, T low, T end,
            ChronoUnit unit, int count, String where, String rule) {
        List<T> dates = recur.getDates(seed, low, end, maxOccurrences);
        if (dates.size() < maxOccurrences) {
            return dates;
        }
        java.util.ArrayDeque<T> kept = new java.util.ArrayDeque<>(dates);
        int chunks = 1;
        while (count == 0 && dates.size() >= maxOccurrences && chunks < MAX_CHUNKS) {
            T next = (T) dates.get(dates.size() - 1).plus(1, unit);
            dates = recur.getDates(seed, next, end, maxOccurrences);
            chunks++;
            for (T d : dates) {
                kept.addLast(d);
                if (kept.size() > maxOccurrences) {
                    kept.removeFirst();
                }
            }
        }
        String max = String.format(Locale.ROOT, "%,d", maxOccurrences);
        warnings.add(where + ": RRULE '" + CalendarProblem.shown(rule) + "' has more than " + max
                + " occurrences in the range; only the " + (count == 0 ? "latest " : "first ") + max + " (from "
                + kept.getFirst() + (dates.size() >= maxOccurrences ? " to " + kept.getLast() : "") + ") were read");
        return new ArrayList<>(kept);
    }

    /**
     * The end of the expansion: the range's end, or a day after UNTIL if that is earlier (the
     * exact UNTIL test, floating or by date, is made on the occurrences afterwards).
     */
    private static Instant until(Instant to, @Nullable IcsTime untilTime) {
        if (untilTime == null) {
            return to;
        }
        Instant u = untilTime.instant().plus(java.time.Duration.ofDays(2));
        return u.isBefore(to) ? u : to;
    }

    /** Whether occurrence {@code t} lies after UNTIL {@code u} (inclusive bound), comparing like with like. */
    private static boolean after(IcsTime t, IcsTime u) {
        if (u.dateOnly()) {
            return t.at().toLocalDate().isAfter(u.at().toLocalDate());
        }
        if (u.floating()) {
            LocalDateTime local = t.at().toLocalDateTime();
            return local.isAfter(u.at().toLocalDateTime());
        }
        return t.instant().isAfter(u.instant());
    }

    private static <T extends Comparable<? super T>> T max(T a, T b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
