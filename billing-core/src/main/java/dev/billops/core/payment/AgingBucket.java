package dev.billops.core.payment;

/**
 * How far past its due date an open balance is, in whole days: CURRENT means not yet past due
 * (due today or later).
 */
public enum AgingBucket {
    CURRENT(Integer.MIN_VALUE, 0),
    DAYS_1_30(1, 30),
    DAYS_31_60(31, 60),
    DAYS_61_90(61, 90),
    OVER_90(91, Integer.MAX_VALUE);

    private final int minDays;
    private final int maxDays;

    AgingBucket(int minDays, int maxDays) {
        this.minDays = minDays;
        this.maxDays = maxDays;
    }

    /** The bucket of a balance {@code daysPastDue} days past its due date (zero or negative: CURRENT). */
    public static AgingBucket of(long daysPastDue) {
        for (AgingBucket b : values()) {
            if (daysPastDue >= b.minDays && daysPastDue <= b.maxDays) {
                return b;
            }
        }
        return OVER_90;
    }

    /** Smallest number of days past due in this bucket (CURRENT: {@link Integer#MIN_VALUE}). */
    public int minDays() {
        return minDays;
    }

    /** Largest number of days past due in this bucket (OVER_90: {@link Integer#MAX_VALUE}). */
    public int maxDays() {
        return maxDays;
    }
}
