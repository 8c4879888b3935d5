package dev.billops.core.catalog;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.TenantStore;
import dev.billops.core.store.TenantScope;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenant's own record: the seller printed on its invoices, with its default VAT rate. Invoices
 * cannot be generated before it is saved. Thread-safe; obtain it from {@code TenantBilling.profile()}.
 */
public final class TenantProfileService {

    private final TenantScope scope;

    public TenantProfileService(TenantScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /**
     * Stores or replaces the tenant's record.
     *
     * @throws InvalidInputException if its id is not this scope's tenant
     */
    public Tenant save(Tenant tenant) {
        Objects.requireNonNull(tenant, "tenant");
        if (!tenant.id().equals(scope.tenant())) {
            throw new InvalidInputException("tenant record " + tenant.id() + " cannot be saved in the scope of tenant "
                    + scope.tenant());
        }
        return scope.tx(session -> {
            TenantStore store = session.get(TenantStore.class);
            Tenant before = store.find().orElse(null);
            store.save(tenant);
            scope.audit(session, before == null ? "tenant.create" : "tenant.update", "tenant", tenant.id().value(),
                    before, tenant);
            return tenant;
        });
    }

    public Optional<Tenant> find() {
        return scope.tx(session -> session.get(TenantStore.class).find());
    }

    /** @throws NotFoundException if it was never saved */
    public Tenant get() {
        return find().orElseThrow(() -> new NotFoundException("tenant", scope.tenant().value()));
    }
}
