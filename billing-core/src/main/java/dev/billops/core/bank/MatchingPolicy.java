package dev.billops.core.bank;

import dev.billops.core.error.InvalidInputException;

/**
 * The date window of the last matching rule ({@link MatchRule#AMOUNT_AND_DATE}): an invoice is a
 * candidate when the payment is booked from {@code daysBeforeDue} days before its due date to
 * {@code daysAfterDue} days after it, both inclusive.
 *
 * @param daysBeforeDue 0 to 3,660
 * @param daysAfterDue 0 to 3,660
 */
public record MatchingPolicy(int daysBeforeDue, int daysAfterDue) {

    private static final int MAX_DAYS = 3660;

    public MatchingPolicy {
        if (daysBeforeDue < 0 || daysBeforeDue > MAX_DAYS) {
            throw new InvalidInputException("matching window: " + daysBeforeDue + " days before the due date is"
                    + " outside 0.." + MAX_DAYS);
        }
        if (daysAfterDue < 0 || daysAfterDue > MAX_DAYS) {
            throw new InvalidInputException("matching window: " + daysAfterDue + " days after the due date is"
                    + " outside 0.." + MAX_DAYS);
        }
    }

    /** 60 days before the due date to 90 days after it. */
    public static MatchingPolicy defaults() {
        return new MatchingPolicy(60, 90);
    }
}
