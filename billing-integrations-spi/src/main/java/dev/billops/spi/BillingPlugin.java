package dev.billops.spi;

/**
 * What every plugin has: a stable id, configuration from the host, and a health check.
 *
 * <p>Implementations found by {@link java.util.ServiceLoader} need a public no-argument
 * constructor; the registry calls {@link #configure} once before any other method. A plugin may
 * be called from several threads at once and must be thread-safe after configuration.
 */
public interface BillingPlugin {

    /**
     * A stable id, unique among the plugins of a registry, e.g. {@code "slack"} or
     * {@code "ics-calendar"}; the key of its configuration and of its health.
     */
    String id();

    /**
     * Takes the host's configuration for this plugin. Throws
     * {@link PluginConfigurationException} naming the key when a required value is missing or
     * malformed. The default accepts any configuration.
     */
    default void configure(PluginConfig config) {
    }

    /**
     * The plugin's own view of its health (e.g. a reachable endpoint). Called by the registry,
     * which adds what it saw of the plugin's calls. The default is {@link PluginHealth#up()}.
     */
    default PluginHealth health() {
        return PluginHealth.up();
    }
}
