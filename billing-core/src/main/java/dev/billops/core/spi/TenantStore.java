package dev.billops.core.spi;

import dev.billops.core.party.Tenant;
import java.util.Optional;

/** Port: the session tenant's own record (seller details and the tenant's policies). */
public interface TenantStore {

    /** The session tenant, if it has been stored. */
    Optional<Tenant> find();

    /** Inserts or replaces the session tenant; its id must be the session's tenant. */
    void save(Tenant tenant);

    /**
     * Inserts the session tenant unless it is stored already (also by a concurrent transaction that
     * committed first); its id must be the session's tenant.
     *
     * @return whether it was inserted (false: a stored record exists and was left as it is)
     */
    boolean insertIfAbsent(Tenant tenant);
}
