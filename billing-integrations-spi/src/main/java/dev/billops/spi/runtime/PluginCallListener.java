package dev.billops.spi.runtime;

import java.time.Duration;

/**
 * Told of every guarded plugin call after it ends: which plugin, which operation, how it ended and
 * how long it took, retries and backoff included. Given to {@link PluginRegistry.Builder#callListener};
 * meant for metrics (see {@code billing-micrometer}).
 *
 * <p>Called on the thread that made the call, so it must be fast and thread-safe. Whatever it
 * throws is logged and ignored: an observer never changes the outcome of a plugin call.
 */
@FunctionalInterface
public interface PluginCallListener {

    /** A listener that does nothing. */
    PluginCallListener NONE = (pluginId, operation, outcome, duration) -> {
    };

    /** How a guarded call ended. */
    enum Outcome {
        /** The plugin returned a usable result. */
        SUCCESS,
        /** The plugin threw, returned garbage, or was refused a thread (after any retries). */
        FAILURE,
        /** The call did not finish within the plugin's timeout and was abandoned. */
        TIMEOUT
    }

    /**
     * One call ended.
     *
     * @param pluginId the plugin's id
     * @param operation the SPI method, e.g. {@code "send"}, {@code "charge"}, {@code "onEvent"}, {@code "configure"}
     * @param outcome how it ended
     * @param duration wall time from the first attempt to the end, retries and their backoff included
     */
    void onCall(String pluginId, String operation, Outcome outcome, Duration duration);
}
