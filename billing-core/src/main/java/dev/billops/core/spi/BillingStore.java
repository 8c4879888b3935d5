package dev.billops.core.spi;

import dev.billops.core.id.TenantId;
import java.util.List;
import java.util.function.Function;

/**
 * The port a {@code Billing} instance stores through: the JDBC stores in production, the
 * in-memory store for previews and tests. Hosts pass one to {@code Billing.builder().stores(..)}
 * and call nothing else on it; store implementers implement it.
 *
 * <p>Every business operation runs as one call of {@link #inTransaction}: all its writes commit
 * together or none does (an exception thrown by {@code work} rolls everything back and is
 * rethrown unchanged). The session handed to {@code work} is scoped to one tenant, so a service
 * cannot reach another tenant's rows by forgetting a filter. Implementations are thread-safe;
 * sessions are not and must not escape {@code work}.
 */
public interface BillingStore extends AutoCloseable {

    /** Runs {@code work} in one transaction scoped to {@code tenant} and returns its result. */
    <T> T inTransaction(TenantId tenant, Function<StoreSession, T> work);

    /** Every tenant that has been stored, in id order. */
    List<TenantId> tenantIds();

    /** Releases what the store holds (connections, an embedded database); nothing by default. */
    @Override
    default void close() {
    }
}
