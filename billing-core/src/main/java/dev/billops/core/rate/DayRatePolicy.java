package dev.billops.core.rate;

import dev.billops.core.error.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * How work priced with a {@link RateUnit#DAY DAY} rate is counted in days.
 *
 * <p>A day of work is {@link #dayLength()} of billed time. With {@link PartialDays#PRO_RATA} the
 * quantity is billed time ÷ day length (3 h of an 8 h day is 0.375 days). With
 * {@link PartialDays#HALF_DAYS} or {@link PartialDays#FULL_DAYS} the work of one timekeeper on
 * one project and local date is taken together and each started half day or day counts whole
 * (3 h is 0.5 or 1 day; 9 h is 1.5 or 2 days). The days of one timekeeper, project and date
 * are counted once, whatever the number of DAY tariffs (activities, rules) worked that date; the
 * count is split across the tariffs in proportion to their billed time, to the invoice's quantity
 * scale by largest remainder, so the parts add up to the count exactly (2 h at 800/day and 2 h at
 * 900/day on one date are one full day: 0.5 × 800 + 0.5 × 900 = 850).
 *
 * @param dayLength the billed time one day stands for; more than zero and at most 24 hours
 * @param partialDays how a day with less (or more) than a whole day of work is counted
 */
public record DayRatePolicy(Duration dayLength, PartialDays partialDays) {

    /** How days that are not exactly one day length long are counted. */
    public enum PartialDays {
        /** Billed time ÷ day length, exactly (to the quantity scale). */
        PRO_RATA,
        /** Each started half day counts as half a day, per timekeeper, project and date. */
        HALF_DAYS,
        /** Each started day length counts as a whole day, per timekeeper, project and date. */
        FULL_DAYS
    }

    /** Eight-hour days, partial days pro rata. */
    public static final DayRatePolicy DEFAULT = new DayRatePolicy(Duration.ofHours(8), PartialDays.PRO_RATA);

    /**
     * @throws InvalidInputException if the day length is not positive or longer than 24 hours
     */
    public DayRatePolicy {
        Objects.requireNonNull(dayLength, "dayLength");
        Objects.requireNonNull(partialDays, "partialDays");
        if (dayLength.isNegative() || dayLength.isZero() || dayLength.compareTo(Duration.ofHours(24)) > 0) {
            throw new InvalidInputException("day length " + dayLength + " must be more than zero and at most 24 hours");
        }
    }

    /** Eight-hour days, partial days pro rata. */
    public static DayRatePolicy defaults() {
        return DEFAULT;
    }

    public static DayRatePolicy of(Duration dayLength, PartialDays partialDays) {
        return new DayRatePolicy(dayLength, partialDays);
    }
}
