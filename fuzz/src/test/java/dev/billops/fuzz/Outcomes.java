package dev.billops.fuzz;

import dev.billops.core.error.BillingException;

/**
 * The oracle every fuzz target shares: an input is either accepted or refused with one of the
 * library's typed exceptions whose message is short enough for a log line. Anything else (a
 * {@code NullPointerException}, an {@code ArithmeticException}, an {@code Error}, a message that
 * echoes a huge input) is a finding.
 */
final class Outcomes {

    /** Longest message a refusal may carry; it quotes at most a prefix of the rejected value. */
    static final int MAX_MESSAGE = 300;

    private Outcomes() {
    }

    /** Rethrows {@code failure} unless it is a typed refusal with a bounded message. */
    static void refusedOrRethrow(RuntimeException failure) {
        if (failure instanceof BillingException) {
            requireShortMessage(failure);
            return;
        }
        throw failure;
    }

    static void requireShortMessage(Throwable refusal) {
        String message = refusal.getMessage();
        if (message == null || message.isBlank()) {
            throw new AssertionError("refusal without a message: " + refusal.getClass().getName(), refusal);
        }
        if (message.length() > MAX_MESSAGE) {
            throw new AssertionError("refusal message of " + message.length() + " characters ("
                    + refusal.getClass().getSimpleName() + "): " + message.substring(0, 120) + "…", refusal);
        }
    }
}
