package dev.billops.core.store;

import dev.billops.core.audit.AuditLog;
import dev.billops.core.audit.AuditRecord;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.event.EventOutbox;
import dev.billops.core.id.TenantId;
import dev.billops.core.party.Actor;
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

    /** Today in the clock's zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
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
