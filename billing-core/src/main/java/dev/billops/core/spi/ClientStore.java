package dev.billops.core.spi;

import dev.billops.core.party.Client;
import dev.billops.core.id.ClientId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
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

    /**
     * The stored clients among {@code ids}, in no particular order (an unknown id is left out):
     * what {@link #find} gives for each, read together where the store can (the JDBC store: one
     * key lookup per id, a query per few hundred ids).
     */
    default List<Client> findAll(Collection<ClientId> ids) {
        List<Client> out = new ArrayList<>();
        for (ClientId id : new LinkedHashSet<>(ids)) {
            find(id).ifPresent(out::add);
        }
        return out;
    }

    /** All clients ordered by id. */
    List<Client> list();
}
