package dev.billops.core.payment;

import dev.billops.core.Payments;
import dev.billops.core.error.InvalidInputException;
import java.util.Objects;

/**
 * How payments are applied.
 *
 * @param defaultAllocation how a payment request without targets or mode is allocated
 * @param applyCreditOnIssue whether a client's credit balance is applied to an invoice when it is
 *     issued (through {@link Payments#applyCreditOnIssue}); otherwise credit is applied only
 *     when asked ({@link Payments#applyCredit})
 * @param conflictRetries how often an operation that lost an optimistic-locking race
 *     ({@code ConcurrentUpdateException}) is run again from scratch before the exception is passed on
 */
public record PaymentPolicy(AllocationMode defaultAllocation, boolean applyCreditOnIssue, int conflictRetries) {

    public PaymentPolicy {
        Objects.requireNonNull(defaultAllocation, "defaultAllocation");
        if (defaultAllocation == AllocationMode.EXPLICIT) {
            throw new InvalidInputException("the default allocation mode cannot be EXPLICIT (it needs targets)");
        }
        if (conflictRetries < 0 || conflictRetries > 100) {
            throw new InvalidInputException("conflict retries " + conflictRetries + " must be 0-100");
        }
    }

    /** AUTO allocation, credit applied on issue, 10 retries on conflicts. */
    public static PaymentPolicy defaults() {
        return new PaymentPolicy(AllocationMode.AUTO, true, 10);
    }

    public PaymentPolicy withDefaultAllocation(AllocationMode mode) {
        return new PaymentPolicy(mode, applyCreditOnIssue, conflictRetries);
    }

    public PaymentPolicy withApplyCreditOnIssue(boolean apply) {
        return new PaymentPolicy(defaultAllocation, apply, conflictRetries);
    }

    public PaymentPolicy withConflictRetries(int retries) {
        return new PaymentPolicy(defaultAllocation, applyCreditOnIssue, retries);
    }
}
