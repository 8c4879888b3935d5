package dev.billops.core.party;

import java.util.Optional;

/** Port: the session tenant's own record (seller details). */
public interface TenantStore {

    /** The session tenant, if it has been stored. */
    Optional<Tenant> find();

    /** Inserts or replaces the session tenant; its id must be the session's tenant. */
    void save(Tenant tenant);
}
