package dev.billops.spi.runtime;

import dev.billops.spi.TransientPluginException;
import java.time.Duration;
import java.util.Objects;

/**
 * How the plugin registry retries a call that failed with a {@link TransientPluginException}:
 * up to {@code maxAttempts} attempts in all, waiting {@code initialBackoff} before the second,
 * then {@code multiplier} times longer each time, never longer than {@code maxBackoff}. When the
 * plugin says how long to wait ({@link TransientPluginException#retryAfter()}), the registry waits
 * at least that long; if that is longer than {@code maxBackoff} it gives up at once instead, so a
 * caller is never blocked for minutes (the outbox retries the event later).
 *
 * <p>Calls that timed out ({@link PluginTimeoutException}) are not retried: the abandoned call
 * may still be running, and a second one could repeat a side effect.
 *
 * @param maxAttempts attempts in all, at least 1 (1 means no retry)
 * @param initialBackoff the wait before the second attempt, zero or positive
 * @param multiplier how much longer each further wait is, at least 1
 * @param maxBackoff the longest wait, at least {@code initialBackoff}
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    private static final RetryPolicy DEFAULTS = new RetryPolicy(3, Duration.ofMillis(200), 2, Duration.ofSeconds(5));
    private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO);

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry maxAttempts " + maxAttempts + " must be at least 1");
        }
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("retry initialBackoff " + initialBackoff + " is negative");
        }
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("retry multiplier " + multiplier + " must be a finite number >= 1");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("retry maxBackoff " + maxBackoff + " is shorter than initialBackoff "
                    + initialBackoff);
        }
    }

    /** Three attempts, waiting 200 ms, then 400 ms; at most 5 s. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** One attempt, no retry. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** The wait before attempt {@code attempt + 1} (attempt counted from 1), before any retry-after. */
    public Duration backoffAfter(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt " + attempt + " must be at least 1");
        }
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1);
        if (millis >= maxBackoff.toMillis()) {
            return maxBackoff;
        }
        return Duration.ofMillis((long) millis);
    }
}
