package dev.billops.testkit.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it: it starts at a fixed instant and
 * changes only through {@link #advance}, {@link #setInstant} and {@link #setDate}.
 *
 * <p>Thread-safe. {@link #withZone} returns a view on the same instant in another zone: moving
 * either moves both.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> instant;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> instant, ZoneId zone) {
        this.instant = instant;
        this.zone = zone;
    }

    /** A clock standing at {@code instant}, in {@code zone}. */
    public static MutableClock of(Instant instant, ZoneId zone) {
        return new MutableClock(new AtomicReference<>(Objects.requireNonNull(instant, "instant")),
                Objects.requireNonNull(zone, "zone"));
    }

    /** A clock standing at 09:00 on {@code date} in {@code zone}. */
    public static MutableClock at(LocalDate date, ZoneId zone) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
        return of(date.atTime(LocalTime.of(9, 0)).atZone(zone).toInstant(), zone);
    }

    /** A clock standing at 09:00 UTC on {@code date}. */
    public static MutableClock at(LocalDate date) {
        return at(date, ZoneOffset.UTC);
    }

    /** Moves the clock forward (or, for a negative duration, back) by {@code duration}. */
    public MutableClock advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        instant.updateAndGet(i -> i.plus(duration));
        return this;
    }

    /** Moves the clock to {@code date}, keeping the wall-clock time of day in this clock's zone. */
    public MutableClock setDate(LocalDate date) {
        Objects.requireNonNull(date, "date");
        instant.updateAndGet(i -> date.atTime(i.atZone(zone).toLocalTime()).atZone(zone).toInstant());
        return this;
    }

    /** Moves the clock to {@code instant}. */
    public MutableClock setInstant(Instant instant) {
        this.instant.set(Objects.requireNonNull(instant, "instant"));
        return this;
    }

    /** Today in this clock's zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(instant(), zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public MutableClock withZone(ZoneId zone) {
        return new MutableClock(instant, Objects.requireNonNull(zone, "zone"));
    }

    @Override
    public Instant instant() {
        return instant.get();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MutableClock other && other.instant == instant && other.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(instant) * 31 + zone.hashCode();
    }

    @Override
    public String toString() {
        return "MutableClock[" + instant() + ", " + zone + "]";
    }
}
