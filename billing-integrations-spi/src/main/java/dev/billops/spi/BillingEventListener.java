package dev.billops.spi;

import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.TenantId;
import java.util.Set;

/**
 * Receives committed billing events, at least once each; the registry drops repeats of an
 * event id it has already delivered to this listener.
 *
 * <p>Throwing makes the delivery fail: the event is offered again later
 * ({@link TransientPluginException} is retried at once with backoff first).
 */
public interface BillingEventListener extends BillingPlugin {

    /** Handles one event of {@code tenant}. */
    void onEvent(TenantId tenant, BillingEvent event);

    /** The event types wanted (e.g. {@code "invoice.issued"}); the default, an empty set, means all. */
    default Set<String> eventTypes() {
        return Set.of();
    }
}
