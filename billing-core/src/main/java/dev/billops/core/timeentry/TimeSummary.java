package dev.billops.core.timeentry;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.time.LocalDateRange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Worked time by period and dimension, billable and non-billable apart (raw worked time: billing
 * rounding is not applied here).
 *
 * @param rows one row per period and combination of the requested dimensions that has time,
 *     ordered by period, then client, project and timekeeper id
 * @param billable total billable time of all rows
 * @param nonBillable total non-billable time of all rows
 */
public record TimeSummary(List<Row> rows, Duration billable, Duration nonBillable) {

    public TimeSummary {
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
        Objects.requireNonNull(billable, "billable");
        Objects.requireNonNull(nonBillable, "nonBillable");
    }

    /** Billable plus non-billable time. */
    public Duration total() {
        return billable.plus(nonBillable);
    }

    /** {@code duration} in decimal hours with two decimals, half up (for display). */
    public static BigDecimal hours(Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9))
                .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
    }

    /**
     * The time of one period and one combination of dimensions; a dimension not requested is null.
     *
     * @param period the period (clipped to the requested dates)
     * @param clientId the client, if grouped by client
     * @param projectId the project, if grouped by project
     * @param timekeeperId the timekeeper, if grouped by timekeeper
     * @param billable billable worked time
     * @param nonBillable non-billable worked time
     * @param entries how many entries
     */
    public record Row(LocalDateRange period, @Nullable ClientId clientId, @Nullable ProjectId projectId,
            @Nullable TimekeeperId timekeeperId, Duration billable, Duration nonBillable, int entries) {

        public Row {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(billable, "billable");
            Objects.requireNonNull(nonBillable, "nonBillable");
        }

        public Duration total() {
            return billable.plus(nonBillable);
        }
    }
}
