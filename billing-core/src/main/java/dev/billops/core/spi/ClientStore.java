package dev.billops.core.spi;

import dev.billops.core.party.Client;
import dev.billops.core.id.ClientId;
import java.util.List;
import java.util.Optional;

/**
 * Port: clients of the session tenant.
 *
 * <p>{@link #insert} throws {@code DuplicateKeyException} for a known id; {@link #update} checks
 * {@link Client#version()} against the stored one (else {@code ConcurrentUpdateException}) and
 * returns the client with the new version.
 */
public interface ClientStore {

    void insert(Client client);

    Client update(Client client);

    Optional<Client> find(ClientId id);

    /** All clients ordered by id. */
    List<Client> list();
}
