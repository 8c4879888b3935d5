package dev.billops.spi;

import dev.billops.core.error.BillingException;

/**
 * A plugin call failed for good: the registry records it and does not retry. Plugins throw
 * {@link TransientPluginException} for failures worth retrying (timeouts, HTTP 429/5xx).
 */
public class PluginException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final String pluginId;

    public PluginException(String pluginId, String message) {
        super("plugin " + pluginId + ": " + message);
        this.pluginId = pluginId;
    }

    public PluginException(String pluginId, String message, Throwable cause) {
        super("plugin " + pluginId + ": " + message, cause);
        this.pluginId = pluginId;
    }

    public String pluginId() {
        return pluginId;
    }
}
