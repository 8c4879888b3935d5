package dev.billops.core.internal;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.spi.BillingStore;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Not API: how BillOps' own modules (the plugin runtime, the test kit) reach the scope behind a
 * {@link TenantBilling} and the store behind a {@link Billing}, which the facade does not expose.
 * The facade classes register their accessors here when they are initialized, so an instance in
 * hand means the accessor is set.
 */
public final class Internals {

    private static volatile @Nullable Function<TenantBilling, TenantScope> scopes;
    private static volatile @Nullable Function<Billing, BillingStore> stores;

    private Internals() {
    }

    /** Called once by {@link TenantBilling}'s initializer. */
    public static void registerScopes(Function<TenantBilling, TenantScope> accessor) {
        if (scopes != null) {
            throw new IllegalStateException("scope accessor already registered");
        }
        scopes = Objects.requireNonNull(accessor, "accessor");
    }

    /** Called once by {@link Billing}'s initializer. */
    public static void registerStores(Function<Billing, BillingStore> accessor) {
        if (stores != null) {
            throw new IllegalStateException("store accessor already registered");
        }
        stores = Objects.requireNonNull(accessor, "accessor");
    }

    /** The tenant, actor, store and clock behind {@code tenant}. */
    public static TenantScope scope(TenantBilling tenant) {
        return Objects.requireNonNull(scopes, "TenantBilling not initialized").apply(tenant);
    }

    /** The store behind {@code billing}. */
    public static BillingStore store(Billing billing) {
        return Objects.requireNonNull(stores, "Billing not initialized").apply(billing);
    }
}
