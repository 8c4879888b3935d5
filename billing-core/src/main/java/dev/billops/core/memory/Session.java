package dev.billops.core.memory;

import dev.billops.core.spi.AuditLog;
import dev.billops.core.spi.EngagementStore;
import dev.billops.core.spi.EventOutbox;
import dev.billops.core.id.TenantId;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.spi.NumberSequenceStore;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.spi.TenantStore;
import dev.billops.core.spi.TimekeeperStore;
import dev.billops.core.spi.PaymentStore;
import dev.billops.core.spi.ReminderStore;
import dev.billops.core.spi.ActivityStore;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.spi.RateRuleStore;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.spi.UnsupportedPortException;
import dev.billops.core.spi.TimeEntryStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One transaction's view of one tenant. Usable only on the thread that opened it and only
 * until its transaction ends; afterwards every port method throws {@link IllegalStateException},
 * which catches sessions that escape {@code work}.
 */
final class Session implements StoreSession {

    private final TenantId tenant;
    private final TenantState state;
    private final Thread owner = Thread.currentThread();
    private final Map<Class<?>, Object> ports = new HashMap<>();
    private boolean open = true;

    Session(TenantId tenant, TenantState state) {
        this.tenant = tenant;
        this.state = state;
    }

    @Override
    public TenantId tenant() {
        return tenant;
    }

    @Override
    public <S> S get(Class<S> port) {
        Objects.requireNonNull(port, "port");
        requireOpen();
        Object impl = ports.get(port);
        if (impl == null) {
            impl = create(port);
            ports.put(port, impl);
        }
        return port.cast(impl);
    }

    /** The tenant's state, after checking that this session may still be used. */
    TenantState state() {
        requireOpen();
        return state;
    }

    void close() {
        open = false;
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("the store session of tenant " + tenant
                    + " was used after its transaction ended");
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("the store session of tenant " + tenant + " belongs to thread "
                    + owner.getName() + ", not " + Thread.currentThread().getName());
        }
    }

    private Object create(Class<?> port) {
        if (port == TenantStore.class) {
            return new MemTenantStore(this);
        } else if (port == ClientStore.class) {
            return new MemClientStore(this);
        } else if (port == TimekeeperStore.class) {
            return new MemTimekeeperStore(this);
        } else if (port == ProjectStore.class) {
            return new MemProjectStore(this);
        } else if (port == ActivityStore.class) {
            return new MemActivityStore(this);
        } else if (port == RateRuleStore.class) {
            return new MemRateRuleStore(this);
        } else if (port == TimeEntryStore.class) {
            return new MemTimeEntryStore(this);
        } else if (port == InvoiceStore.class) {
            return new MemInvoiceStore(this);
        } else if (port == NumberSequenceStore.class) {
            return new MemNumberSequenceStore(this);
        } else if (port == PaymentStore.class) {
            return new MemPaymentStore(this);
        } else if (port == ReminderStore.class) {
            return new MemReminderStore(this);
        } else if (port == EngagementStore.class) {
            return new MemEngagementStore(this);
        } else if (port == AuditLog.class) {
            return new MemAuditLog(this);
        } else if (port == EventOutbox.class) {
            return new MemEventOutbox(this);
        }
        throw new UnsupportedPortException(port);
    }
}
