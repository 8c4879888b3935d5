package dev.billops.core.internal.timeentry;

import static dev.billops.core.internal.timeentry.TimeUnits.SECONDS_PER_DAY;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Local dates of instants, exactly as {@code instant.atZone(zone).toLocalDate()} gives them, but
 * cheaper when asked the way generation and billed durations ask: many instants in a few zones, mostly in ascending
 * order. Per zone it keeps the offset until the zone's next transition and the last date until the
 * day changes, so most calls are an addition and a comparison. Not thread-safe: one per generation or computation.
 */
public final class LocalDates {

    private final Map<ZoneId, Zone> zones = new HashMap<>();
    private @Nullable Zone last;

    /** An empty cache. */
    public LocalDates() {
    }

    /** The local date of the instant {@code epochSecond} (and any nanoseconds after it) in {@code zone}. */
    public LocalDate of(long epochSecond, ZoneId zone) {
        Zone z = last;
        if (z == null || !z.id.equals(zone)) {
            z = zones.computeIfAbsent(zone, Zone::new);
            last = z;
        }
        return z.date(z.localSecond(epochSecond));
    }

    /** The local date of {@code instant} in {@code zone}. */
    public LocalDate of(Instant instant, ZoneId zone) {
        return of(instant.getEpochSecond(), zone);
    }

    /** The local date of the last instant before {@code end} (the last date of a span ending there). */
    public LocalDate before(Instant end, ZoneId zone) {
        return of(end.getNano() == 0 ? end.getEpochSecond() - 1 : end.getEpochSecond(), zone);
    }

    /**
     * The offset period each zone was last asked about, shared by all instances (one generation
     * is short, and many run one after another on the same zones). The periods are immutable, so
     * sharing them is thread-safe; at most one per zone id is kept.
     */
    private static final ConcurrentHashMap<ZoneId, Period> PERIODS = new ConcurrentHashMap<>();
    /**
     * The period last looked up in {@link #PERIODS}, asked first: most generations run in one zone,
     * and a new instance would otherwise start with a map lookup per zone. Immutable, so a racing
     * reader sees an old or a new period, each correct for its own zone.
     */
    private static volatile @Nullable Period recent;

    /** A zone's offset over {@code [from, to)} epoch seconds, between two of its transitions. */
    private record Period(ZoneId zone, long from, long to, int offset) {

        boolean contains(long epochSecond) {
            return epochSecond >= from && epochSecond < to;
        }

        boolean covers(ZoneId id, long epochSecond) {
            return (zone == id || zone.equals(id)) && contains(epochSecond);
        }

        static Period of(ZoneId zone, ZoneRules rules, long epochSecond) {
            Instant instant = Instant.ofEpochSecond(epochSecond);
            int offset = rules.getOffset(instant).getTotalSeconds();
            if (rules.isFixedOffset()) {
                return new Period(zone, Long.MIN_VALUE, Long.MAX_VALUE, offset);
            }
            // the last transition at or before the instant: previousTransition looks strictly before
            ZoneOffsetTransition previous = epochSecond < Instant.MAX.getEpochSecond()
                    ? rules.previousTransition(Instant.ofEpochSecond(epochSecond + 1)) : null;
            ZoneOffsetTransition next = rules.nextTransition(instant);
            long from = previous == null ? epochSecond : previous.toEpochSecond();
            return new Period(zone, Math.min(from, epochSecond), next == null ? Long.MAX_VALUE : next.toEpochSecond(),
                    offset);
        }
    }

    /** One zone's offset, valid over a period between transitions, and its last date. */
    private static final class Zone {
        final ZoneId id;
        private final ZoneRules rules;
        private long validFrom = Long.MAX_VALUE;
        private long validTo = Long.MIN_VALUE;
        private int offset;
        private long lastDay = Long.MIN_VALUE;
        private @Nullable LocalDate lastDate;

        Zone(ZoneId id) {
            this.id = id;
            this.rules = id.getRules();
        }

        /** Seconds since the epoch of the local date-time of {@code epochSecond} (as if it were UTC). */
        long localSecond(long epochSecond) {
            if (epochSecond < validFrom || epochSecond >= validTo) {
                Period period = recent;
                if (period == null || !period.covers(id, epochSecond)) {
                    period = PERIODS.get(id);
                    if (period == null || !period.contains(epochSecond)) {
                        period = Period.of(id, rules, epochSecond);
                        PERIODS.put(id, period);
                    }
                    recent = period;
                }
                offset = period.offset();
                validFrom = period.from();
                validTo = period.to();
            }
            return epochSecond + offset;
        }

        LocalDate date(long localSecond) {
            long day = Math.floorDiv(localSecond, SECONDS_PER_DAY);
            if (day != lastDay || lastDate == null) {
                lastDay = day;
                lastDate = LocalDate.ofEpochDay(day);
            }
            return lastDate;
        }
    }
}
