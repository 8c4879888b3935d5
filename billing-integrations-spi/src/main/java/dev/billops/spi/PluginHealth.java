package dev.billops.spi;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The health of one plugin: its status, a short message, and what the registry saw of its
 * calls (consecutive failures, the last failure and when it happened).
 *
 * @param status UP, DEGRADED (calls fail but it may recover) or DOWN
 * @param message a short human-readable explanation; never contains secrets
 * @param consecutiveFailures calls that failed since the last success
 * @param lastFailure the last failure's message, or null
 * @param lastFailureAt when the last failure happened, or null
 */
public record PluginHealth(Status status, String message, int consecutiveFailures, @Nullable String lastFailure,
        @Nullable Instant lastFailureAt) {

    /** Health states, from best to worst. */
    public enum Status { UP, DEGRADED, DOWN }

    public PluginHealth {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures " + consecutiveFailures + " is negative");
        }
    }

    public static PluginHealth up() {
        return new PluginHealth(Status.UP, "ok", 0, null, null);
    }

    public static PluginHealth down(String message) {
        return new PluginHealth(Status.DOWN, message, 0, null, null);
    }

    public boolean isUp() {
        return status == Status.UP;
    }
}
