package dev.billops.core.internal.engagement;

import dev.billops.core.id.ClientId;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.spi.TenantStore;
import dev.billops.core.id.TenantId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The tenant record and the clients as first read in one chunk transaction, so that drafting and
 * issuing each invoice of the chunk does not read them again (a chunk bills a few hundred
 * invoices, often of the same clients, and every invoice reads both twice). A write through
 * either port empties the cache. Sessions wrapped by {@link #wrap} see the cache; they are bound
 * to the chunk's transaction (or a savepoint of it) like the session they wrap. Not thread-safe.
 */
final class ChunkReads {

    private final Map<ClientId, Optional<Client>> clients = new HashMap<>();
    private @Nullable Optional<Tenant> tenant;

    /**
     * Reads the clients of {@code ids} into the cache at once ({@link ClientStore#findAll}), so that
     * a chunk's invoices, of as many clients, do not read them one by one.
     */
    void prefetchClients(StoreSession session, Collection<ClientId> ids) {
        Set<ClientId> wanted = new HashSet<>(ids);
        wanted.removeAll(clients.keySet());
        if (wanted.isEmpty()) {
            return;
        }
        for (ClientId id : wanted) {
            clients.put(id, Optional.empty());
        }
        for (Client c : session.get(ClientStore.class).findAll(wanted)) {
            clients.put(c.id(), Optional.of(c));
        }
    }

    /** {@code session} with its client and tenant reads answered from this cache. */
    StoreSession wrap(StoreSession session) {
        Objects.requireNonNull(session, "session");
        return new StoreSession() {
            @Override
            public TenantId tenant() {
                return session.tenant();
            }

            @Override
            public <S> S get(Class<S> port) {
                if (port == ClientStore.class) {
                    return port.cast(new CachedClients(session.get(ClientStore.class)));
                }
                if (port == TenantStore.class) {
                    return port.cast(new CachedTenant(session.get(TenantStore.class)));
                }
                return session.get(port);
            }
        };
    }

    private final class CachedClients implements ClientStore {
        private final ClientStore store;

        CachedClients(ClientStore store) {
            this.store = store;
        }

        @Override
        public void insert(Client client) {
            clients.clear();
            store.insert(client);
        }

        @Override
        public Client update(Client client) {
            clients.clear();
            return store.update(client);
        }

        @Override
        public Optional<Client> find(ClientId id) {
            Optional<Client> cached = clients.get(id);
            if (cached == null) {
                cached = store.find(id);
                clients.put(id, cached);
            }
            return cached;
        }

        @Override
        public List<Client> list() {
            return store.list();
        }
    }

    private final class CachedTenant implements TenantStore {
        private final TenantStore store;

        CachedTenant(TenantStore store) {
            this.store = store;
        }

        @Override
        public Optional<Tenant> find() {
            Optional<Tenant> cached = tenant;
            if (cached == null) {
                cached = store.find();
                tenant = cached;
            }
            return cached;
        }

        @Override
        public void save(Tenant t) {
            tenant = null;
            store.save(t);
        }

        @Override
        public boolean insertIfAbsent(Tenant t) {
            tenant = null;
            return store.insertIfAbsent(t);
        }
    }
}
