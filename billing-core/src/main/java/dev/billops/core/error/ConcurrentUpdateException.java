package dev.billops.core.error;


/**
 * Optimistic locking failed: the row changed since it was read (its version moved on), or the
 * database aborted the transaction to resolve a deadlock or a serialization failure. The
 * operation stored nothing; reading again and retrying is safe, and the services that retry on
 * conflicts retry on this.
 */
public final class ConcurrentUpdateException extends BillingException {

    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException(String kind, String id, long expectedVersion) {
        super(kind + " " + id + " was changed concurrently (expected version " + expectedVersion + ")");
    }

    /**
     * For a store whose database aborted the transaction (a deadlock or a serialization failure);
     * {@code cause} is the driver's error.
     */
    public ConcurrentUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
