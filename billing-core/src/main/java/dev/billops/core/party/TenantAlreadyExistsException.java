package dev.billops.core.party;

import dev.billops.core.Profile;
import dev.billops.core.id.TenantId;
import dev.billops.core.error.DuplicateKeyException;
import java.util.Objects;

/**
 * {@code Profile.create} was asked to create a tenant whose profile is stored
 * already (by an earlier or a concurrent call). Nothing was written; to change the stored profile
 * use {@code update}.
 */
public final class TenantAlreadyExistsException extends DuplicateKeyException {

    private static final long serialVersionUID = 1L;

    private final TenantId tenant;

    public TenantAlreadyExistsException(TenantId tenant) {
        super("tenant", Objects.requireNonNull(tenant, "tenant").value());
        this.tenant = tenant;
    }

    /** The tenant that exists. */
    public TenantId tenant() {
        return tenant;
    }
}
