package dev.billops.spi;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A plugin call failed in a way that may succeed later (connection refused, timeout, HTTP 429 or
 * 5xx). The registry retries it with backoff, waiting at least {@link #retryAfter()} when the
 * remote side said how long (e.g. HTTP {@code Retry-After}).
 */
public class TransientPluginException extends PluginException {

    private static final long serialVersionUID = 1L;

    private final @Nullable Duration retryAfter;

    public TransientPluginException(String pluginId, String message) {
        this(pluginId, message, null, null);
    }

    public TransientPluginException(String pluginId, String message, @Nullable Duration retryAfter,
            @Nullable Throwable cause) {
        super(pluginId, message + (retryAfter != null ? " (retry after " + retryAfter + ")" : ""));
        if (cause != null) {
            initCause(cause);
        }
        this.retryAfter = retryAfter;
    }

    /** How long the remote side asked to wait, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
