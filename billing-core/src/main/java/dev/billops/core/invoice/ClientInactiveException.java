package dev.billops.core.invoice;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import java.util.Objects;

/** An invoice was to be made for a client that is not active; inactive clients get no new invoices. Nothing was stored. */
public final class ClientInactiveException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final ClientId clientId;

    public ClientInactiveException(ClientId clientId) {
        super("client " + Objects.requireNonNull(clientId, "clientId") + " is inactive and gets no new invoices");
        this.clientId = clientId;
    }

    public ClientId clientId() {
        return clientId;
    }
}
