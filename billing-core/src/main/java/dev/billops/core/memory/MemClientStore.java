package dev.billops.core.memory;

import dev.billops.core.id.ClientId;
import dev.billops.core.party.Client;
import dev.billops.core.spi.ClientStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class MemClientStore implements ClientStore {

    private static final String KIND = "client";

    private final Session session;

    MemClientStore(Session session) {
        this.session = session;
    }

    @Override
    public void insert(Client client) {
        Objects.requireNonNull(client, "client");
        Table<ClientId, Client> t = session.state().clients;
        t.requireAbsent(client.id(), KIND);
        t.put(client);
    }

    @Override
    public Client update(Client client) {
        Objects.requireNonNull(client, "client");
        Table<ClientId, Client> t = session.state().clients;
        Client stored = t.require(client.id(), KIND);
        Table.requireVersion(KIND, client.id(), stored.version(), client.version());
        Client next = client.withVersion(stored.version() + 1);
        t.put(next);
        return next;
    }

    @Override
    public Optional<Client> find(ClientId id) {
        Objects.requireNonNull(id, "id");
        return session.state().clients.find(id);
    }

    @Override
    public List<Client> list() {
        return session.state().clients.list();
    }
}
