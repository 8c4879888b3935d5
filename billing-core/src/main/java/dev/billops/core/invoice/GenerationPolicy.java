package dev.billops.core.invoice;

import dev.billops.core.rate.DayRatePolicy;
import java.util.Objects;

/**
 * How invoice lines are generated from time entries.
 *
 * @param grouping which entries share a line
 * @param days how DAY rates count days
 */
public record GenerationPolicy(GroupingPolicy grouping, DayRatePolicy days) {

    /** One line per project and rate; eight-hour days pro rata. */
    public static final GenerationPolicy DEFAULT = new GenerationPolicy(GroupingPolicy.perProject(),
            DayRatePolicy.DEFAULT);

    public GenerationPolicy {
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(days, "days");
    }

    public static GenerationPolicy defaults() {
        return DEFAULT;
    }

    public GenerationPolicy withGrouping(GroupingPolicy grouping) {
        return new GenerationPolicy(grouping, days);
    }

    public GenerationPolicy withDays(DayRatePolicy days) {
        return new GenerationPolicy(grouping, days);
    }
}
