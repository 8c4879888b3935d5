package dev.billops.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * One row of the results table: our figure, the baseline's from the same run, their ratio
 * (ours ÷ baseline, in the row's unit) and the target with its verdict.
 *
 * @param id short machine-readable id, e.g. {@code 1.perProject}
 * @param measure what was measured
 * @param ours our figure
 * @param unit unit of both figures
 * @param higherIsBetter whether a bigger figure is better (throughput) or worse (time)
 * @param baselineName the baseline, or null when the case has none
 * @param baseline the baseline's figure, or null
 * @param target the target in words, or empty
 * @param met whether the target is met; null when there is no target for this row
 * @param note anything a reader needs to judge the figure
 */
record Result(String id, String measure, double ours, String unit, boolean higherIsBetter,
        @Nullable String baselineName, @Nullable Double baseline, String target, @Nullable Boolean met,
        String note) {

    @Nullable Double ratio() {
        return baseline == null || baseline == 0 ? null : ours / baseline;
    }

    static Result skipped(String id, String measure, String why) {
        return new Result(id, measure, Double.NaN, "", true, null, null, "", null, "SKIPPED: " + why);
    }

    boolean isSkipped() {
        return Double.isNaN(ours);
    }
}
