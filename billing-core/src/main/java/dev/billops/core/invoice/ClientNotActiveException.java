package dev.billops.core.invoice;

import dev.billops.core.error.BillingException;
import dev.billops.core.id.ClientId;
import java.util.Objects;

/** An inactive client gets no new invoices; reactivate it first. Nothing was stored. */
public final class ClientNotActiveException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final ClientId clientId;

    public ClientNotActiveException(ClientId clientId, String operation) {
        super("client " + Objects.requireNonNull(clientId, "clientId") + " is inactive: cannot "
                + Objects.requireNonNull(operation, "operation"));
        this.clientId = clientId;
    }

    public ClientId clientId() {
        return clientId;
    }
}
