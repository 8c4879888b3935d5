package dev.billops.examples.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The demo's calendar: a clock standing at 10:00 of the day it was last {@linkplain #set set
 * to}, so that every date the library takes from "today" (issue dates, payment dates, audit
 * times) is the same in every run. Thread-safe.
 */
public final class DemoClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    public DemoClock(LocalDate today, ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.now = at(today);
    }

    /** Moves the clock to 10:00 of {@code today}. */
    public void set(LocalDate today) {
        now = at(today);
    }

    private Instant at(LocalDate today) {
        return today.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        DemoClock c = new DemoClock(LocalDate.ofInstant(now, other), other);
        c.now = now;
        return c;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
