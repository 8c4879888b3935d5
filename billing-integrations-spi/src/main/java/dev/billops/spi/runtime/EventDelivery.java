package dev.billops.spi.runtime;

import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.TenantId;
import dev.billops.core.spi.DeliveryLog;
import dev.billops.spi.BillingEventListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands committed billing events to the registry's listeners, at least once each, through their
 * guards. It is the handler of the outbox dispatcher:
 *
 * <pre>{@code
 * EventDelivery delivery = new EventDelivery(plugins);
 * OutboxDispatcher dispatcher = new OutboxDispatcher(store.outbox(), m -> delivery.deliver(m.tenant(), m.event()));
 * dispatcher.dispatchOnce(100);   // from the host's scheduler
 * }</pre>
 *
 * <p>Each event goes to every listener whose {@link BillingEventListener#eventTypes()} contains
 * its type (or is empty). Deliveries are deduplicated per (listener, event id) in a
 * {@link DeliveryLog}: a redelivered event reaches a listener that already handled it zero more
 * times. If any listener still fails after its retries, {@link #deliver} throws an
 * {@link EventDeliveryException} after offering the event to all the others, so the outbox
 * releases the event and offers it again later; then only the listeners that failed get it.
 *
 * <p>Thread-safe.
 */
public final class EventDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);

    private final PluginRegistry registry;
    private final DeliveryLog log;

    /** Delivery to the registry's listeners, deduplicated in memory. */
    public EventDelivery(PluginRegistry registry) {
        this(registry, DeliveryLog.inMemory());
    }

    public EventDelivery(PluginRegistry registry, DeliveryLog log) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Delivers {@code event} of {@code tenant} to every interested listener that has not handled it.
     *
     * @throws EventDeliveryException if a listener failed (after the others were called)
     */
    public DeliveryReport deliver(TenantId tenant, BillingEvent event) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(event, "event");
        List<String> delivered = new ArrayList<>();
        List<String> already = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (BillingEventListener listener : registry.listeners()) {
            String id = listener.id();
            try {
                Set<String> types = listener.eventTypes();
                if (!types.isEmpty() && !types.contains(event.type())) {
                    continue;
                }
                if (log.contains(id, event.eventId())) {
                    already.add(id);
                    continue;
                }
                listener.onEvent(tenant, event);
                log.add(id, event.eventId());
                delivered.add(id);
            } catch (RuntimeException e) {
                failed.put(id, String.valueOf(e.getMessage()));
            }
        }
        DeliveryReport report = new DeliveryReport(event.eventId(), event.type(), delivered, already, failed);
        if (!report.isComplete()) {
            LOG.warn("event {} ({}) of tenant {}: listener(s) {} failed; delivered to {}", event.eventId(),
                    event.type(), tenant, failed.keySet(), delivered);
            throw new EventDeliveryException(report);
        }
        LOG.debug("event {} ({}) of tenant {} delivered to {}, already to {}", event.eventId(), event.type(), tenant,
                delivered, already);
        return report;
    }
}
