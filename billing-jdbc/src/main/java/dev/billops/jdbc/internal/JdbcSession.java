package dev.billops.jdbc.internal;

import dev.billops.core.id.TenantId;
import dev.billops.core.spi.ActivityStore;
import dev.billops.core.spi.AuditLog;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.spi.EngagementStore;
import dev.billops.core.spi.EventOutbox;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.spi.NumberSequenceStore;
import dev.billops.core.spi.PaymentStore;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.spi.ReceivablesQueries;
import dev.billops.core.spi.RateRuleStore;
import dev.billops.core.spi.ReminderStore;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.spi.TenantStore;
import dev.billops.core.spi.TimeEntryStore;
import dev.billops.core.spi.TimekeeperStore;
import dev.billops.core.spi.UnsupportedPortException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * One transaction's ports for one tenant, all bound to the same Jdbi handle. Every port binds
 * the session's tenant into every statement it runs, and is handed out behind a
 * {@code TranslatingPort}, so its database errors leave as {@code BillingException}s. Not
 * thread-safe; unusable once its transaction has ended.
 */
public final class JdbcSession implements StoreSession {

    private final Handle handle;
    private final TenantId tenant;
    private final StoreContext context;
    private final Map<Class<?>, Object> ports = new HashMap<>();
    private boolean closed;

    public JdbcSession(Handle handle, TenantId tenant, StoreContext context) {
        this.handle = Objects.requireNonNull(handle, "handle");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public TenantId tenant() {
        return tenant;
    }

    @Override
    public <S> S get(Class<S> port) {
        Objects.requireNonNull(port, "port");
        Object impl = ports.get(port);
        if (impl == null) {
            impl = TranslatingPort.wrap(port, port.cast(create(port)));
            ports.put(port, impl);
        }
        return port.cast(impl);
    }

    /** The handle of the transaction, for the ports of this session. */
    Handle handle() {
        if (closed) {
            throw new IllegalStateException("the session of tenant " + tenant + " was used after its transaction ended");
        }
        return handle;
    }

    /** The tenant id as bound into statements. */
    String tenantId() {
        return tenant.value();
    }

    StoreContext context() {
        return context;
    }

    /** The underlying handle, for the store that owns the transaction. */
    public Handle transactionHandle() {
        return handle;
    }

    /** Marks the session unusable; its transaction has ended. */
    public void close() {
        closed = true;
    }

    private Object create(Class<?> port) {
        if (port == TenantStore.class) {
            return new JdbcTenantStore(this);
        } else if (port == ClientStore.class) {
            return new JdbcClientStore(this);
        } else if (port == TimekeeperStore.class) {
            return new JdbcTimekeeperStore(this);
        } else if (port == ActivityStore.class) {
            return new JdbcActivityStore(this);
        } else if (port == ProjectStore.class) {
            return new JdbcProjectStore(this);
        } else if (port == RateRuleStore.class) {
            return new JdbcRateRuleStore(this);
        } else if (port == TimeEntryStore.class) {
            return new JdbcTimeEntryStore(this);
        } else if (port == InvoiceStore.class) {
            return new JdbcInvoiceStore(this);
        } else if (port == NumberSequenceStore.class) {
            return new JdbcNumberSequenceStore(this);
        } else if (port == PaymentStore.class) {
            return new JdbcPaymentStore(this);
        } else if (port == ReminderStore.class) {
            return new JdbcReminderStore(this);
        } else if (port == EngagementStore.class) {
            return new JdbcEngagementStore(this);
        } else if (port == AuditLog.class) {
            return new JdbcAuditLog(this);
        } else if (port == EventOutbox.class) {
            return new JdbcEventOutbox(this);
        } else if (port == ReceivablesQueries.class) {
            return new JdbcReceivablesQueries(this);
        }
        throw new UnsupportedPortException(port);
    }
}
