package dev.billops.core.spi;

import dev.billops.core.id.TenantId;

/**
 * One transaction's view of the stores of one tenant.
 *
 * <p>Ports are looked up by their interface ({@code session.get(InvoiceStore.class)}); each
 * domain package declares its own port next to its records, which keeps this package free of
 * domain imports and the package graph free of cycles.
 */
public interface StoreSession {

    /** The tenant every port of this session is scoped to. */
    TenantId tenant();

    /**
     * The implementation of {@code port} bound to this transaction.
     *
     * @throws UnsupportedPortException if the store does not implement that port
     */
    <S> S get(Class<S> port);
}
