package dev.billops.core.internal.timeentry;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The sizes of the time units the engines compute with (durations as nanoseconds, local times as
 * seconds of the day), and the conversion of a duration to decimal hours. Not instantiable.
 */
public final class TimeUnits {

    public static final long NANOS_PER_SECOND = 1_000_000_000L;
    public static final long SECONDS_PER_HOUR = 3_600L;
    public static final long NANOS_PER_HOUR = SECONDS_PER_HOUR * NANOS_PER_SECOND;
    public static final long SECONDS_PER_DAY = 24 * SECONDS_PER_HOUR;

    private static final BigDecimal NANOS_PER_HOUR_DECIMAL = BigDecimal.valueOf(NANOS_PER_HOUR);

    private TimeUnits() {
    }

    /** {@code nanos} in hours with {@code scale} decimals, rounded by {@code rounding}. */
    public static BigDecimal hours(BigDecimal nanos, int scale, RoundingMode rounding) {
        return nanos.divide(NANOS_PER_HOUR_DECIMAL, scale, rounding);
    }

    /** {@code nanos} in hours with {@code scale} decimals, rounded by {@code rounding}. */
    public static BigDecimal hours(long nanos, int scale, RoundingMode rounding) {
        return hours(BigDecimal.valueOf(nanos), scale, rounding);
    }

    /** {@code price} per hour times {@code nanos}, with {@code scale} decimals, rounded by {@code rounding}. */
    public static BigDecimal perHour(BigDecimal price, long nanos, int scale, RoundingMode rounding) {
        return price.multiply(BigDecimal.valueOf(nanos)).divide(NANOS_PER_HOUR_DECIMAL, scale, rounding);
    }
}
