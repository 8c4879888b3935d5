package dev.billops.core;

import dev.billops.core.error.InvalidTextException;
import dev.billops.core.error.Text;
import dev.billops.core.event.PluginConnected;
import dev.billops.core.event.PluginFailed;
import dev.billops.core.id.EventId;
import dev.billops.core.internal.TenantScope;
import java.util.Map;
import java.util.Objects;

/**
 * The tenant's integrations as the host reports them: connecting one (e.g. the tenant linked its
 * payment gateway account) and one failing. Each report is an audit record (entity type
 * {@code plugin}, entity id the plugin id) and an event ({@code plugin.connected},
 * {@code plugin.failed}) in one transaction. Thread-safe; obtain it from
 * {@code TenantBilling.plugins()}.
 */
public final class Plugins {

    /** Longest plugin id and kind. */
    public static final int MAX_ID_LENGTH = 200;
    /** Longest failure reason. */
    public static final int MAX_REASON_LENGTH = 4000;

    private final TenantScope scope;

    Plugins(TenantScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /**
     * Records that plugin {@code pluginId} of kind {@code kind} was connected for this tenant.
     *
     * @throws InvalidTextException if the id or kind is blank or too long
     */
    public void connected(String pluginId, String kind) {
        String id = nonBlank("plugin id", pluginId, MAX_ID_LENGTH);
        String k = nonBlank("plugin kind", kind, MAX_ID_LENGTH);
        scope.tx(session -> {
            scope.audit(session, "plugin.connect", "plugin", id, null, Map.of("kind", k));
            scope.publish(session, new PluginConnected(EventId.generate(), scope.clock().instant(), id, k));
            return null;
        });
    }

    /**
     * Records that plugin {@code pluginId} failed for this tenant; {@code reason} must hold no secrets.
     *
     * @throws InvalidTextException if the id or reason is blank or too long
     */
    public void failed(String pluginId, String reason) {
        String id = nonBlank("plugin id", pluginId, MAX_ID_LENGTH);
        String why = nonBlank("plugin failure reason", reason, MAX_REASON_LENGTH);
        scope.tx(session -> {
            scope.audit(session, "plugin.fail", "plugin", id, null, Map.of("reason", why));
            scope.publish(session, new PluginFailed(EventId.generate(), scope.clock().instant(), id, why));
            return null;
        });
    }

    private static String nonBlank(String field, String value, int maxLength) {
        Text.require(field, value, maxLength);
        if (value.isBlank()) {
            throw new InvalidTextException(field, "is blank");
        }
        return value;
    }
}
