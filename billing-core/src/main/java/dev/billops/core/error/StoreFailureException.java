package dev.billops.core.error;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The database refused an operation for a reason that running it again will not change: the
 * schema is missing or differs from what this version expects, the credentials or permissions are
 * refused, a stored row cannot be read, or the store was closed. Nothing was stored. The cause is
 * the driver's error, if there was one; {@link #sqlState()} is its SQLSTATE where the driver gave
 * one.
 */
public final class StoreFailureException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final @Nullable String sqlState;

    /**
     * @param sqlState the driver's SQLSTATE, or null if it gave none
     * @param cause the driver's error, or null if the store itself refused
     */
    public StoreFailureException(String message, @Nullable String sqlState, @Nullable Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.sqlState = sqlState;
    }

    /** The SQLSTATE the driver reported, e.g. {@code 42P01} for a missing table. */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }
}
