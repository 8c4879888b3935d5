package dev.billops.core.internal;

import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.invoice.ClientNotActiveException;
import dev.billops.core.party.Client;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.spi.StoreSession;
import java.util.Objects;

/**
 * Not API: loads the client an operation is for, and holds the one rule that inactive clients get
 * no new invoices or engagements. Stateless.
 */
public final class ClientLookup {

    private ClientLookup() {
    }

    /**
     * The client {@code id}.
     *
     * @throws NotFoundException if there is none
     */
    public static Client find(StoreSession session, ClientId id) {
        Objects.requireNonNull(id, "id");
        return session.get(ClientStore.class).find(id).orElseThrow(() -> new NotFoundException("client", id.value()));
    }

    /**
     * The client {@code id}, which must be active for {@code action}.
     *
     * @param action what would be refused, e.g. {@code "draft an invoice"}; ends the exception's message
     * @throws NotFoundException if there is no such client
     * @throws ClientNotActiveException if it is inactive
     */
    public static Client requireActive(StoreSession session, ClientId id, String action) {
        Client client = find(session, id);
        if (!client.active()) {
            throw new ClientNotActiveException(id, action);
        }
        return client;
    }
}
