package dev.billops.core.internal.engagement;

import dev.billops.core.engagement.BillingPeriod;
import dev.billops.core.engagement.Engagement;
import dev.billops.core.engagement.PackagePolicy;
import dev.billops.core.engagement.PackageSchedule;
import dev.billops.core.engagement.ProrationPolicy;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.money.Money;
import dev.billops.core.time.Granularity;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.PeriodCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The billing periods of engagements and what each costs.
 *
 * <p><b>Periods.</b> MONTHLY bills calendar months, QUARTERLY quarters and ANNUAL years of the
 * {@link PeriodCalendar} (calendar quarters and years with {@link PeriodCalendar#iso()}, fiscal ones
 * with another fiscal-year start); ONE_TIME bills the whole engagement, start to end, as one
 * period. Every period is clipped to the engagement: the first starts on the engagement's start
 * date, the last ends on its end date (inclusive). The periods of an engagement tile its span:
 * each starts the day after the previous one ends, with no gap and no overlap.
 *
 * <p><b>Fee.</b> A whole period costs the package fee. A partial period (the engagement starts
 * or ends inside it) costs fee × days billed / days of the whole period, rounded once to the
 * currency's minor unit by the policy's rounding, under {@link ProrationPolicy#PRORATE_BY_DAYS},
 * and the whole fee under {@link ProrationPolicy#FULL_PERIOD}. The ONE_TIME period is never
 * partial: it is the engagement.
 *
 * <p>Immutable and thread-safe.
 */
public final class BillingPeriods {

    private final PeriodCalendar calendar;
    private final RoundingMode rounding;

    private BillingPeriods(PeriodCalendar calendar, RoundingMode rounding) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.rounding = Objects.requireNonNull(rounding, "rounding");
    }

    /** Periods of {@code calendar}, prorated fees rounded with {@code rounding}. */
    public static BillingPeriods of(PeriodCalendar calendar, RoundingMode rounding) {
        if (rounding == RoundingMode.UNNECESSARY) {
            throw new InvalidInputException("proration rounding cannot be UNNECESSARY");
        }
        return new BillingPeriods(calendar, rounding);
    }

    /** Periods and rounding as {@code policy} says. */
    public static BillingPeriods of(PackagePolicy policy) {
        return new BillingPeriods(policy.calendar(), policy.prorationRounding());
    }

    /** Calendar months, quarters and years; prorated fees rounded half-up. */
    public static BillingPeriods calendarAligned() {
        return new BillingPeriods(PeriodCalendar.iso(), RoundingMode.HALF_UP);
    }

    public PeriodCalendar calendar() {
        return calendar;
    }

    public RoundingMode rounding() {
        return rounding;
    }

    /**
     * Every period of an engagement with an end date, in order.
     *
     * @throws InvalidInputException if the engagement is open-ended (it has no last period); use
     *     {@link #periodsStartingBy} for those
     */
    public List<BillingPeriod> periods(Engagement engagement) {
        Objects.requireNonNull(engagement, "engagement");
        LocalDate end = engagement.endDate();
        if (end == null) {
            throw new InvalidInputException("engagement " + engagement.id()
                    + " is open-ended, so its periods never end; ask for the periods up to a date");
        }
        return periodsStartingBy(engagement, end);
    }

    /** The periods of {@code engagement} that start on or before {@code date}, in order. */
    public List<BillingPeriod> periodsStartingBy(Engagement engagement, LocalDate date) {
        Objects.requireNonNull(engagement, "engagement");
        return periodsStartingBetween(engagement, engagement.startDate(), date);
    }

    /**
     * The periods of {@code engagement} that start on or after {@code from} and on or before
     * {@code to}, in order; the same periods as {@link #periodsStartingBy} gives, without computing
     * the earlier ones.
     */
    public List<BillingPeriod> periodsStartingBetween(Engagement engagement, LocalDate from, LocalDate to) {
        Objects.requireNonNull(engagement, "engagement");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        List<BillingPeriod> out = new ArrayList<>();
        if (to.isBefore(engagement.startDate()) || to.isBefore(from)) {
            return out;
        }
        if (engagement.schedule() == PackageSchedule.ONE_TIME) {
            if (!engagement.startDate().isBefore(from)) {
                out.add(BillingPeriod.whole(span(engagement)));
            }
            return out;
        }
        Granularity granularity = granularity(engagement.schedule());
        @Nullable LocalDate endExclusive = engagement.endDate() == null ? null : engagement.endDate().plusDays(1);
        LocalDate cursor = engagement.startDate();
        if (from.isAfter(cursor)) {
            // jump to the schedule boundary at or before from: the engagement covers that whole period
            LocalDate aligned = calendar.periodContaining(from, granularity).startInclusive();
            if (aligned.isAfter(cursor)) {
                cursor = aligned;
            }
        }
        while (!cursor.isAfter(to) && (endExclusive == null || cursor.isBefore(endExclusive))) {
            LocalDateRange full = calendar.periodContaining(cursor, granularity);
            LocalDate clippedEnd = endExclusive != null && endExclusive.isBefore(full.endExclusive())
                    ? endExclusive : full.endExclusive();
            if (!cursor.isBefore(from)) {
                out.add(new BillingPeriod(LocalDateRange.of(cursor, clippedEnd), full));
            }
            cursor = clippedEnd;
        }
        return out;
    }

    /** The period of {@code engagement} that contains {@code date}, empty if the date is outside the engagement. */
    public Optional<BillingPeriod> periodContaining(Engagement engagement, LocalDate date) {
        Objects.requireNonNull(engagement, "engagement");
        Objects.requireNonNull(date, "date");
        if (date.isBefore(engagement.startDate())
                || (engagement.endDate() != null && date.isAfter(engagement.endDate()))) {
            return Optional.empty();
        }
        if (engagement.schedule() == PackageSchedule.ONE_TIME) {
            return Optional.of(BillingPeriod.whole(span(engagement)));
        }
        LocalDateRange full = calendar.periodContaining(date, granularity(engagement.schedule()));
        LocalDate start = full.startInclusive().isBefore(engagement.startDate()) ? engagement.startDate()
                : full.startInclusive();
        LocalDate end = full.endExclusive();
        if (engagement.endDate() != null && engagement.endDate().plusDays(1).isBefore(end)) {
            end = engagement.endDate().plusDays(1);
        }
        return Optional.of(new BillingPeriod(LocalDateRange.of(start, end), full));
    }

    /**
     * The schedule period (unclipped) that contains {@code date}, used to measure catch-up
     * windows; ONE_TIME engagements measure in calendar months.
     */
    public LocalDateRange schedulePeriodContaining(PackageSchedule schedule, LocalDate date) {
        return calendar.periodContaining(date, windowGranularity(schedule));
    }

    /** The schedule period before {@code period}. */
    public LocalDateRange previousSchedulePeriod(PackageSchedule schedule, LocalDateRange period) {
        return calendar.previous(period, windowGranularity(schedule));
    }

    /**
     * What {@code period} of {@code engagement} costs: the package fee, prorated by days for a
     * partial period when the engagement's proration policy says so (see the class comment).
     *
     * @throws InvalidInputException if the engagement has no package fee (HOURLY)
     */
    public Money fee(Engagement engagement, BillingPeriod period) {
        Objects.requireNonNull(engagement, "engagement");
        Objects.requireNonNull(period, "period");
        Money fee = engagement.packageFee();
        if (fee == null) {
            throw new InvalidInputException("engagement " + engagement.id() + " (" + engagement.mode()
                    + ") has no package fee");
        }
        if (!period.isPartial() || engagement.proration() == ProrationPolicy.FULL_PERIOD) {
            return fee;
        }
        return prorate(fee, period.days(), period.fullDays(), rounding);
    }

    /** {@code fee × days / fullDays}, rounded once to the currency with {@code rounding}. */
    public static Money prorate(Money fee, long days, long fullDays, RoundingMode rounding) {
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(rounding, "rounding");
        if (fullDays <= 0 || days < 0 || days > fullDays) {
            throw new InvalidInputException("cannot prorate over " + days + " of " + fullDays + " days");
        }
        if (days == fullDays) {
            return fee;
        }
        BigDecimal exact = fee.amount().multiply(BigDecimal.valueOf(days));
        int scale = fee.amount().scale();
        BigDecimal amount = exact.divide(BigDecimal.valueOf(fullDays), scale, rounding);
        return Money.of(fee.currency(), amount);
    }

    private static LocalDateRange span(Engagement engagement) {
        LocalDate end = engagement.endDate();
        if (end == null) {
            throw new InvalidInputException("engagement " + engagement.id() + ": a ONE_TIME schedule needs an end date");
        }
        return LocalDateRange.ofClosed(engagement.startDate(), end);
    }

    public static Granularity granularity(PackageSchedule schedule) {
        return switch (schedule) {
            case MONTHLY -> Granularity.MONTH;
            case QUARTERLY -> Granularity.QUARTER;
            case ANNUAL -> Granularity.YEAR;
            case ONE_TIME -> throw new IllegalArgumentException("ONE_TIME has no calendar granularity");
        };
    }

    private static Granularity windowGranularity(PackageSchedule schedule) {
        return schedule == PackageSchedule.ONE_TIME ? Granularity.MONTH : granularity(schedule);
    }

    @Override
    public String toString() {
        return "BillingPeriods[" + calendar + ", " + rounding + "]";
    }
}
