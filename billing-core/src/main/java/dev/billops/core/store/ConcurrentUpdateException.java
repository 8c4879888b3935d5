package dev.billops.core.store;

import dev.billops.core.error.BillingException;

/**
 * Optimistic locking failed: the row changed since it was read (its version moved on).
 * The operation stored nothing; reading again and retrying is safe.
 */
public final class ConcurrentUpdateException extends BillingException {

    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException(String kind, String id, long expectedVersion) {
        super(kind + " " + id + " was changed concurrently (expected version " + expectedVersion + ")");
    }
}
