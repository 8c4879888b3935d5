package dev.billops.spi.runtime;

import dev.billops.core.error.BillingException;
import java.util.Objects;

/**
 * A plugin asked for by id cannot be handed out; {@link #reason()} says why: no plugin has the
 * id, its configuration failed (the message gives the failure), or it is another kind of plugin.
 */
public class PluginUnavailableException extends BillingException {

    private static final long serialVersionUID = 1L;

    /** Why the plugin cannot be handed out. */
    public enum Reason {
        /** No plugin with this id was registered or discovered. */
        UNKNOWN_ID,
        /** The plugin is registered, but its {@code configure} failed (or its provider could not be loaded). */
        CONFIGURATION_FAILED,
        /** The plugin exists, but is not of the kind asked for. */
        WRONG_KIND
    }

    private final String pluginId;
    private final Reason reason;

    public PluginUnavailableException(String pluginId, Reason reason, String message) {
        super(message);
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public String pluginId() {
        return pluginId;
    }

    public Reason reason() {
        return reason;
    }
}
