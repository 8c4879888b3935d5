package dev.billops.core.engagement;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.time.LocalDateRange;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One billing period of an engagement: a schedule period (calendar month, quarter or year, or the
 * whole engagement for ONE_TIME) clipped to the engagement's dates.
 *
 * <p>Its {@link #start()} is the key of its package invoice: an engagement has at most one
 * invoice per period start. Because periods are clipped, the first period of an engagement that
 * starts on 15 February starts on 15 February.
 *
 * @param range the days billed, half-open, never empty
 * @param fullPeriod the whole schedule period the range is part of; equal to {@code range} unless
 *     the engagement starts or ends inside it
 */
public record BillingPeriod(LocalDateRange range, LocalDateRange fullPeriod) {

    public BillingPeriod {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(fullPeriod, "fullPeriod");
        if (range.isEmpty()) {
            throw new InvalidInputException("billing period " + range + " is empty");
        }
        if (!fullPeriod.encloses(range)) {
            throw new InvalidInputException("billing period " + range + " is not within its full period "
                    + fullPeriod);
        }
    }

    /** A period that is a whole schedule period. */
    public static BillingPeriod whole(LocalDateRange period) {
        return new BillingPeriod(period, period);
    }

    /** The first day billed; the key of the period's invoice. */
    public LocalDate start() {
        return range.startInclusive();
    }

    /** The last day billed (inclusive). */
    public LocalDate lastDay() {
        return range.lastDay();
    }

    /** The day after the last day billed. */
    public LocalDate endExclusive() {
        return range.endExclusive();
    }

    /** Days billed. */
    public long days() {
        return range.days();
    }

    /** Days of the whole schedule period. */
    public long fullDays() {
        return fullPeriod.days();
    }

    /** Whether the engagement starts or ends inside the schedule period, so only part of it is billed. */
    public boolean isPartial() {
        return !range.equals(fullPeriod);
    }

    @Override
    public String toString() {
        return isPartial() ? range + " of " + fullPeriod : range.toString();
    }
}
