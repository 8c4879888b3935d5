package dev.billops.core.event;

import dev.billops.core.id.EventId;
import java.time.Instant;

/**
 * Event {@code plugin.connected}: the tenant connected an integration (a payment gateway, a
 * notifier, a calendar, a document store), as the host reported it.
 *
 * @param eventId unique id
 * @param occurredAt when it was recorded
 * @param pluginId the plugin's id, e.g. {@code stripe}
 * @param kind what the plugin is, e.g. {@code payment-gateway}
 */
public record PluginConnected(EventId eventId, Instant occurredAt, String pluginId, String kind) implements BillingEvent {

    @Override
    public String type() {
        return "plugin.connected";
    }
}
