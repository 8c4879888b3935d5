package dev.billops.core.event;

import dev.billops.core.id.EventId;
import java.time.Instant;

/**
 * Event {@code plugin.failed}: an integration of the tenant failed (could not connect, or stopped
 * working), as the host reported it.
 *
 * @param eventId unique id
 * @param occurredAt when it was recorded
 * @param pluginId the plugin's id, e.g. {@code stripe}
 * @param reason what went wrong, without secrets (at most 4000 characters)
 */
public record PluginFailed(EventId eventId, Instant occurredAt, String pluginId, String reason) implements BillingEvent {

    @Override
    public String type() {
        return "plugin.failed";
    }
}
