package dev.billops.core.invoice;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import java.util.Objects;

/**
 * An invoice (a manual draft, a draft from time, a package invoice) was to be made or issued for
 * a client that is not active; inactive clients get no new invoices: reactivate it first. Nothing
 * was stored.
 */
public final class ClientNotActiveException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final ClientId clientId;

    /**
     * @param clientId the inactive client
     * @param operation what was refused, e.g. {@code "issue invoice 01J…"}
     */
    public ClientNotActiveException(ClientId clientId, String operation) {
        super("client " + Objects.requireNonNull(clientId, "clientId") + " is inactive: cannot "
                + Objects.requireNonNull(operation, "operation"));
        this.clientId = clientId;
    }

    public ClientId clientId() {
        return clientId;
    }
}
