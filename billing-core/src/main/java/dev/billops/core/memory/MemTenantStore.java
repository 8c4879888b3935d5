package dev.billops.core.memory;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.party.Tenant;
import dev.billops.core.spi.TenantStore;
import java.util.Objects;
import java.util.Optional;

final class MemTenantStore implements TenantStore {

    private final Session session;

    MemTenantStore(Session session) {
        this.session = session;
    }

    @Override
    public Optional<Tenant> find() {
        return Optional.ofNullable(session.state().tenant());
    }

    @Override
    public void save(Tenant tenant) {
        Objects.requireNonNull(tenant, "tenant");
        TenantState state = session.state();
        if (!tenant.id().equals(session.tenant())) {
            throw new InvalidInputException("tenant " + tenant.id() + " cannot be saved in a session of tenant "
                    + session.tenant());
        }
        state.tenant(tenant);
    }

    @Override
    public boolean insertIfAbsent(Tenant tenant) {
        Objects.requireNonNull(tenant, "tenant");
        if (session.state().tenant() != null) {
            return false;
        }
        save(tenant);
        return true;
    }
}
