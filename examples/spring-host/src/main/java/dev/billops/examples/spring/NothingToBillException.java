package dev.billops.examples.spring;

import dev.billops.core.error.BillingException;
import dev.billops.core.id.ClientId;
import dev.billops.core.time.LocalDateRange;
import java.util.Objects;

/** A draft was asked for a client and period without unbilled billable time (answered 422). */
public final class NothingToBillException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final transient ClientId clientId;

    public NothingToBillException(ClientId clientId, LocalDateRange period) {
        super("client " + clientId.value() + " has no unbilled billable time in " + period);
        this.clientId = Objects.requireNonNull(clientId, "clientId");
    }

    public ClientId clientId() {
        return clientId;
    }
}
