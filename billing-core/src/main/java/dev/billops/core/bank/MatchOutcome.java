package dev.billops.core.bank;

/** What a matcher concluded about one incoming payment. */
public enum MatchOutcome {
    /** Pays exactly what the matched invoice (or invoices, together) owes: recorded at once. */
    EXACT,
    /** Less than the one matched invoice owes. */
    PARTIAL,
    /** More than the matched invoice (or invoices, together) owes. */
    OVER,
    /** Several invoices fit and the amount does not tell which. */
    AMBIGUOUS,
    /** No invoice fits. */
    UNMATCHED;

    /** Whether a person has to decide what this payment pays. */
    public boolean needsReview() {
        return this != EXACT;
    }
}
