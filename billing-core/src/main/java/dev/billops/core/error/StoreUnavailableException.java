package dev.billops.core.error;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The database could not be reached or did not answer in time: no connection could be opened,
 * the connection was lost (a server restart, a terminated backend), a statement, lock or network
 * timeout expired, or the server refused the work (shutting down, too many connections).
 * Transient: running the operation again later may succeed.
 *
 * <p>Nothing was stored, unless {@link #commitOutcomeUnknown()}: then the connection was lost while
 * the transaction was committing, and the database may have committed it or not. The cause is the
 * driver's error; {@link #sqlState()} is its SQLSTATE where the driver gave one.
 */
public final class StoreUnavailableException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final @Nullable String sqlState;
    private final boolean commitOutcomeUnknown;

    /**
     * @param sqlState the driver's SQLSTATE, or null if it gave none
     * @param commitOutcomeUnknown whether the failure interrupted a commit
     * @param cause the driver's error
     */
    public StoreUnavailableException(String message, @Nullable String sqlState, boolean commitOutcomeUnknown,
            Throwable cause) {
        super(message, Objects.requireNonNull(cause, "cause"));
        this.sqlState = sqlState;
        this.commitOutcomeUnknown = commitOutcomeUnknown;
    }

    /** The SQLSTATE the driver reported, e.g. {@code 08006} or {@code 57014}. */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    /** Whether the transaction may have been committed: the connection failed during the commit. */
    public boolean commitOutcomeUnknown() {
        return commitOutcomeUnknown;
    }
}
