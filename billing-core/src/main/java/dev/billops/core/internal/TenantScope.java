package dev.billops.core.internal;

import dev.billops.core.spi.BillingStore;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.spi.AuditLog;
import dev.billops.core.audit.AuditRecord;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.spi.EventOutbox;
import dev.billops.core.id.TenantId;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.TenantPolicies;
import dev.billops.core.spi.TenantStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What every service operation runs with: the store, the tenant it is scoped to, the actor it is
 * attributed to, and the clock. Services call {@link #tx} once per business operation.
 *
 * @param store the store
 * @param tenant the tenant every read and write is scoped to
 * @param actor who the changes are attributed to in the audit log
 * @param clock the time source (a fixed or steppable clock in tests)
 */
public record TenantScope(BillingStore store, TenantId tenant, Actor actor, Clock clock) {

    public TenantScope {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(clock, "clock");
    }

    /** Runs one business operation in one transaction of this tenant. */
    public <T> T tx(Function<StoreSession, T> work) {
        return store.inTransaction(tenant, work);
    }

    /**
     * The tenant's policies as stored in its profile (time zone, tax, numbering), or
     * {@link TenantPolicies#defaults()} if the tenant has no profile yet; read in {@code session}'s
     * transaction.
     */
    public TenantPolicies policies(StoreSession session) {
        return session.get(TenantStore.class).find().map(Tenant::policies).orElse(TenantPolicies.defaults());
    }

    /** Today for the tenant: the clock's instant in the tenant's zone, read in {@code session}'s transaction. */
    public LocalDate today(StoreSession session) {
        return policies(session).today(clock);
    }

    /**
     * Today for the tenant: the clock's instant in the tenant's zone (UTC if it set none). Joins
     * the running transaction when called inside one.
     */
    public LocalDate today() {
        return tx(this::today);
    }

    /** Appends an audit record attributed to this scope's actor, in the session's transaction. */
    public void audit(StoreSession session, String action, String entityType, String entityId,
            @Nullable Object before, @Nullable Object after) {
        session.get(AuditLog.class).append(new AuditRecord(clock.instant(), actor, action, entityType, entityId,
                before, after));
    }

    /** Writes an event to the outbox, in the session's transaction. */
    public void publish(StoreSession session, BillingEvent event) {
        session.get(EventOutbox.class).append(event);
    }
}
