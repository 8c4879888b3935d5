package dev.billops.core.engagement;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.time.PeriodCalendar;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Month;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How package (retainer) invoices are produced. The per-engagement choices (schedule, proration,
 * included hours) live on the {@link Engagement}; this record holds the tenant-wide ones.
 *
 * <p><b>Numbers.</b> By default a package invoice's number is made from its engagement and
 * period, {@code PKG-{engagementId}-{periodStart}}, so an (engagement, period)
 * always has the same number. A pattern may use {@code {engagementId}}, {@code {clientId}},
 * {@code {periodStart}} and {@code {periodEnd}} (ISO dates; the end is the last day, inclusive),
 * {@code {yyyy}}, {@code {yy}} and {@code {MM}} (of the issue date); every other character is
 * copied, and it must hold both {@code {engagementId}} and {@code {periodStart}} so numbers are
 * unique. With {@link #withTenantNumbering()} (pattern null) package invoices are numbered like
 * the tenant's other documents instead: the next gapless counter value of {@link #series} under
 * the tenant's {@code NumberingPolicy} ({@code PKG-2026-00001, …} unless configured otherwise).
 *
 * @param calendar where quarters and years start: {@link PeriodCalendar#iso()} bills calendar
 *     quarters and years; a calendar with another fiscal-year start aligns QUARTERLY and ANNUAL
 *     periods to the fiscal year (MONTHLY periods are calendar months either way)
 * @param series numbering series of package invoices
 * @param numberPattern how invoice numbers are made, see above; null for the tenant's numbering
 * @param dueDays fixed days from issue to due date, or null to use the client's payment terms
 *     (30 days unless the client has others)
 * @param catchUpPeriods how many earlier periods a run also bills when their invoice is missing
 *     (0 = only the period that is due on the run date); see {@code Packages}
 * @param prorationRounding rounding of a prorated fee to the currency's minor unit
 */
public record PackagePolicy(
        PeriodCalendar calendar,
        String series,
        @Nullable String numberPattern,
        @Nullable Integer dueDays,
        int catchUpPeriods,
        RoundingMode prorationRounding) {

    /** The default number of a package invoice: {@code PKG-{engagementId}-{periodStart}}. */
    public static final String DEFAULT_NUMBER_PATTERN = "PKG-{engagementId}-{periodStart}";

    /** Series of package invoices unless the policy says otherwise. */
    public static final String DEFAULT_SERIES = "PKG";

    /** Earlier periods caught up unless the policy says otherwise. */
    public static final int DEFAULT_CATCH_UP_PERIODS = 3;

    /** Upper bound of {@link #catchUpPeriods}, so a run never sweeps decades of history. */
    public static final int MAX_CATCH_UP_PERIODS = 120;

    public PackagePolicy {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(prorationRounding, "prorationRounding");
        if (series.isBlank()) {
            throw new InvalidInputException("package invoice series is blank");
        }
        if (numberPattern != null) {
            PackageNumbering.validate(numberPattern);
        }
        if (dueDays != null && (dueDays < 0 || dueDays > 365)) {
            throw new InvalidInputException("package invoice due days " + dueDays + " are outside 0..365");
        }
        if (catchUpPeriods < 0 || catchUpPeriods > MAX_CATCH_UP_PERIODS) {
            throw new InvalidInputException("catch-up periods " + catchUpPeriods + " are outside 0.."
                    + MAX_CATCH_UP_PERIODS);
        }
        if (prorationRounding == RoundingMode.UNNECESSARY) {
            throw new InvalidInputException("proration rounding cannot be UNNECESSARY: prorated fees are rarely "
                    + "exact in minor units");
        }
    }

    /**
     * Calendar quarters and years, series {@code PKG}, numbers {@code PKG-{engagementId}-{periodStart}},
     * due after the client's terms, three periods of catch-up, prorated fees rounded half-up.
     */
    public static PackagePolicy defaults() {
        return new PackagePolicy(PeriodCalendar.iso(), DEFAULT_SERIES, DEFAULT_NUMBER_PATTERN, null,
                DEFAULT_CATCH_UP_PERIODS, RoundingMode.HALF_UP);
    }

    public PackagePolicy withCalendar(PeriodCalendar calendar) {
        return new PackagePolicy(calendar, series, numberPattern, dueDays, catchUpPeriods, prorationRounding);
    }

    /** Aligns QUARTERLY and ANNUAL periods to a fiscal year starting in {@code month}. */
    public PackagePolicy withFiscalYearStart(Month month) {
        DayOfWeek weekStart = calendar.weekStart();
        return withCalendar(PeriodCalendar.of(weekStart, month));
    }

    public PackagePolicy withSeries(String series) {
        return new PackagePolicy(calendar, series, numberPattern, dueDays, catchUpPeriods, prorationRounding);
    }

    /** Numbers from {@code numberPattern} (see above); never null. */
    public PackagePolicy withNumberPattern(String numberPattern) {
        Objects.requireNonNull(numberPattern, "numberPattern");
        return new PackagePolicy(calendar, series, numberPattern, dueDays, catchUpPeriods, prorationRounding);
    }

    /**
     * Numbers from the tenant's numbering of {@link #series} (gapless counters, resets, prefixes
     * and start offsets as its {@code NumberingPolicy} says) instead of a package pattern.
     */
    public PackagePolicy withTenantNumbering() {
        return new PackagePolicy(calendar, series, null, dueDays, catchUpPeriods, prorationRounding);
    }

    /** Whether numbers come from the tenant's numbering rather than {@link #numberPattern}. */
    public boolean usesTenantNumbering() {
        return numberPattern == null;
    }

    /** Due a fixed number of days after issue, or after the client's terms when {@code days} is null. */
    public PackagePolicy withDueDays(@Nullable Integer days) {
        return new PackagePolicy(calendar, series, numberPattern, days, catchUpPeriods, prorationRounding);
    }

    public PackagePolicy withCatchUpPeriods(int periods) {
        return new PackagePolicy(calendar, series, numberPattern, dueDays, periods, prorationRounding);
    }

    public PackagePolicy withProrationRounding(RoundingMode rounding) {
        return new PackagePolicy(calendar, series, numberPattern, dueDays, catchUpPeriods, rounding);
    }
}
