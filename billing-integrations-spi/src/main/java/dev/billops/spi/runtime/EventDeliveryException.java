package dev.billops.spi.runtime;

import dev.billops.core.error.BillingException;
import java.util.Objects;

/**
 * Some listeners still failed to handle an event after their retries. The listeners that handled
 * it are recorded and will not get it again; the outbox should release the event and offer it
 * later, when only the failed ones receive it.
 */
public class EventDeliveryException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final transient DeliveryReport report;

    public EventDeliveryException(DeliveryReport report) {
        super("event " + Objects.requireNonNull(report, "report").eventId() + " (" + report.type()
                + ") was not handled by listener(s) " + report.failed().keySet() + ": " + report.failed());
        this.report = report;
    }

    public DeliveryReport report() {
        return report;
    }
}
