package dev.billops.spi.runtime.calendar;

import dev.billops.core.error.StoreUnavailableException;
import dev.billops.core.id.TenantId;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.spi.TimeEntryStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLTimeoutException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real store whose {@code failing}-th time-entry insert fails as a statement timeout does on a
 * database (the transaction stays usable, as after a rolled-back savepoint).
 */
final class FailingInserts implements BillingStore {

    private final BillingStore delegate;
    private final int failing;
    private final AtomicInteger inserts = new AtomicInteger();

    FailingInserts(BillingStore delegate, int failing) {
        this.delegate = delegate;
        this.failing = failing;
    }

    @Override
    public <T> T inTransaction(TenantId tenant, Function<StoreSession, T> work) {
        return delegate.inTransaction(tenant, session -> work.apply(new StoreSession() {
            @Override
            public TenantId tenant() {
                return session.tenant();
            }

            @Override
            public <S> S get(Class<S> port) {
                S real = session.get(port);
                if (port != TimeEntryStore.class) {
                    return real;
                }
                return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                        (proxy, method, args) -> {
                            if (method.getName().equals("insert") && inserts.incrementAndGet() == failing) {
                                throw new StoreUnavailableException("the database did not answer in time", "57014",
                                        false, new SQLTimeoutException("canceling statement due to statement timeout",
                                                "57014"));
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }));
            }
        }));
    }

    @Override
    public List<TenantId> tenantIds() {
        return delegate.tenantIds();
    }
}
