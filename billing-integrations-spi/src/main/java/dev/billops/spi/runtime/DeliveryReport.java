package dev.billops.spi.runtime;

import dev.billops.core.id.EventId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What became of one event's delivery to the listeners.
 *
 * @param eventId the event
 * @param type its type, e.g. {@code invoice.issued}
 * @param delivered ids of the listeners that handled it now
 * @param alreadyDelivered ids of the listeners that had handled it before (not called again)
 * @param failed ids of the listeners that failed, with the failure's message
 */
public record DeliveryReport(EventId eventId, String type, List<String> delivered, List<String> alreadyDelivered,
        Map<String, String> failed) {

    public DeliveryReport {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        delivered = List.copyOf(delivered);
        alreadyDelivered = List.copyOf(alreadyDelivered);
        failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
    }

    /** Whether every interested listener has now handled the event. */
    public boolean isComplete() {
        return failed.isEmpty();
    }
}
