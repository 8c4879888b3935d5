package dev.billops.spi.runtime;

import dev.billops.spi.TransientPluginException;
import java.time.Duration;

/**
 * A plugin call did not finish within the plugin's timeout; the registry abandoned it (and
 * interrupted its thread). Transient: the same call may succeed later, but the registry does not
 * retry it at once, since the abandoned call may still be running.
 */
public class PluginTimeoutException extends TransientPluginException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final Duration timeout;

    public PluginTimeoutException(String pluginId, String operation, Duration timeout) {
        super(pluginId, operation + " timed out after " + timeout.toMillis() + " ms");
        this.operation = operation;
        this.timeout = timeout;
    }

    /** The method that timed out, e.g. {@code "send"}. */
    public String operation() {
        return operation;
    }

    public Duration timeout() {
        return timeout;
    }
}
