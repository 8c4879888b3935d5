package dev.billops.core.internal.timeentry;

import static dev.billops.core.internal.timeentry.TimeUnits.SECONDS_PER_DAY;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Map;
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

    /** One zone's offset, valid from an instant to the zone's next transition, and its last date. */
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
                Instant instant = Instant.ofEpochSecond(epochSecond);
                offset = rules.getOffset(instant).getTotalSeconds();
                if (rules.isFixedOffset()) {
                    validFrom = Long.MIN_VALUE;
                    validTo = Long.MAX_VALUE;
                } else {
                    ZoneOffsetTransition next = rules.nextTransition(instant);
                    validFrom = epochSecond;
                    validTo = next == null ? Long.MAX_VALUE : next.toEpochSecond();
                }
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
