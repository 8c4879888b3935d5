package dev.billops.core;

import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.internal.TenantScope;
import dev.billops.core.event.ClientCreated;
import dev.billops.core.event.ClientDeactivated;
import dev.billops.core.event.ClientUpdated;
import dev.billops.core.id.EventId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenant's clients. {@link Client}'s constructor validates each field; the store rejects a
 * known id ({@link DuplicateKeyException}) and a stale version on update. Thread-safe; obtain it
 * from {@code TenantBilling.clients()}. The audit log gets {@link Client#redacted()} copies, so
 * payment method references never reach it.
 */
public final class Clients {

    private final TenantScope scope;

    Clients(TenantScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** Stores a new client. */
    public Client create(Client client) {
        Objects.requireNonNull(client, "client");
        return scope.tx(session -> {
            ClientStore store = session.get(ClientStore.class);
            store.insert(client);
            Client stored = store.find(client.id()).orElse(client);
            scope.audit(session, "client.create", "client", client.id().value(), null, stored.redacted());
            scope.publish(session, new ClientCreated(EventId.generate(), scope.clock().instant(), stored.id(),
                    stored.name()));
            return stored;
        });
    }

    /**
     * Stores a new client {@code name} at {@code address}, billed in {@code currencyCode}, with
     * default settings ({@link Client#of(String, Address, String)}); set the rest with
     * {@link #update} and the client's withers.
     */
    public Client create(String name, Address address, String currencyCode) {
        return create(Client.of(name, address, currencyCode));
    }

    /**
     * Replaces a client (optimistic on its version); returns it with its new version.
     *
     * @throws NotFoundException if no client has its id
     */
    public Client update(Client client) {
        Objects.requireNonNull(client, "client");
        return scope.tx(session -> {
            ClientStore store = session.get(ClientStore.class);
            Client before = store.find(client.id())
                    .orElseThrow(() -> new NotFoundException("client", client.id().value()));
            Client after = store.update(client);
            scope.audit(session, "client.update", "client", client.id().value(), before.redacted(),
                    after.redacted());
            scope.publish(session, new ClientUpdated(EventId.generate(), scope.clock().instant(), after.id(),
                    after.name(), after.version()));
            if (before.active() && !after.active()) {
                scope.publish(session, new ClientDeactivated(EventId.generate(), scope.clock().instant(),
                        after.id()));
            }
            return after;
        });
    }

    /**
     * Makes a client inactive (it gets no new invoices); an inactive client is returned unchanged.
     *
     * @throws NotFoundException if no client has that id
     */
    public Client deactivate(ClientId id) {
        Objects.requireNonNull(id, "id");
        Client current = get(id);
        return current.active() ? update(current.withActive(false)) : current;
    }

    public Optional<Client> find(ClientId id) {
        Objects.requireNonNull(id, "id");
        return scope.tx(session -> session.get(ClientStore.class).find(id));
    }

    /** @throws NotFoundException if there is no such client */
    public Client get(ClientId id) {
        return find(id).orElseThrow(() -> new NotFoundException("client", id.value()));
    }

    /** All clients, ordered by id. */
    public List<Client> list() {
        return scope.tx(session -> session.get(ClientStore.class).list());
    }
}
