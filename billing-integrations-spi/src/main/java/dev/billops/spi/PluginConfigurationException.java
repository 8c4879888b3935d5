package dev.billops.spi;

import dev.billops.core.error.BillingException;

/** A plugin's configuration lacks a required value or has a malformed one; names the plugin and key, never a secret's value. */
public class PluginConfigurationException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final String pluginId;
    private final String key;

    public PluginConfigurationException(String pluginId, String key, String problem) {
        super("plugin " + pluginId + ": configuration '" + key + "' " + problem);
        this.pluginId = pluginId;
        this.key = key;
    }

    public String pluginId() {
        return pluginId;
    }

    public String key() {
        return key;
    }
}
