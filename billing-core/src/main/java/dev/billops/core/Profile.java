package dev.billops.core;

import dev.billops.core.party.TenantAlreadyExistsException;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.party.Tenant;
import dev.billops.core.spi.TenantStore;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.internal.TenantScope;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The tenant's own record: the seller printed on its invoices, with its default VAT rate, and the
 * tenant's policies ({@code Tenant.policies()}: time zone, tax policy, numbering). Invoices cannot
 * be generated before it is saved.
 *
 * <p>{@link #create} refuses a tenant that exists ({@link TenantAlreadyExistsException}), also
 * when two processes create it at once, so a set-up that loses that race stops before it changes
 * anything; {@link #update} changes an existing profile; {@link #save} does either, for hosts that
 * mean to overwrite. Each write is one transaction with an audit record.
 *
 * <p>Thread-safe; obtain it from {@code TenantBilling.profile()}.
 */
public final class Profile {

    private final TenantScope scope;

    Profile(TenantScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /**
     * Stores the profile of a tenant that has none yet.
     *
     * @throws TenantAlreadyExistsException if the tenant has a stored profile (nothing is written)
     * @throws InvalidInputException if its id is not this scope's tenant
     */
    public Tenant create(Tenant tenant) {
        requireOwn(tenant);
        return scope.tx(session -> {
            if (!session.get(TenantStore.class).insertIfAbsent(tenant)) {
                throw new TenantAlreadyExistsException(tenant.id());
            }
            scope.audit(session, "tenant.create", "tenant", tenant.id().value(), null, tenant);
            return tenant;
        });
    }

    /**
     * Replaces the stored profile (seller details and policies).
     *
     * @throws NotFoundException if the tenant has no profile yet (nothing is written)
     * @throws InvalidInputException if its id is not this scope's tenant
     */
    public Tenant update(Tenant tenant) {
        requireOwn(tenant);
        return scope.tx(session -> {
            TenantStore store = session.get(TenantStore.class);
            Tenant before = store.find().orElseThrow(() -> new NotFoundException("tenant", scope.tenant().value()));
            return write(session, store, before, tenant);
        });
    }

    /**
     * Stores the tenant's record, creating it or replacing whatever is stored: an explicit
     * overwrite. Prefer {@link #create} for a new tenant, so a tenant that exists is not rewritten.
     *
     * @throws InvalidInputException if its id is not this scope's tenant
     */
    public Tenant save(Tenant tenant) {
        requireOwn(tenant);
        return scope.tx(session -> {
            TenantStore store = session.get(TenantStore.class);
            return write(session, store, store.find().orElse(null), tenant);
        });
    }

    public Optional<Tenant> find() {
        return scope.tx(session -> session.get(TenantStore.class).find());
    }

    /** @throws NotFoundException if it was never saved */
    public Tenant get() {
        return find().orElseThrow(() -> new NotFoundException("tenant", scope.tenant().value()));
    }

    private Tenant write(StoreSession session, TenantStore store, @Nullable Tenant before,
            Tenant tenant) {
        store.save(tenant);
        scope.audit(session, before == null ? "tenant.create" : "tenant.update", "tenant", tenant.id().value(),
                before, tenant);
        return tenant;
    }

    private void requireOwn(Tenant tenant) {
        Objects.requireNonNull(tenant, "tenant");
        if (!tenant.id().equals(scope.tenant())) {
            throw new InvalidInputException("tenant record " + tenant.id() + " cannot be saved in the scope of tenant "
                    + scope.tenant());
        }
    }
}
