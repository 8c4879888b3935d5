package dev.billops.jdbc;

import dev.billops.core.error.BillingException;

/**
 * The schema could not be brought up to date: a script failed, a script applied earlier was
 * changed afterwards (its checksum differs), or the database has a version this library does
 * not know. The message names the script and what differs.
 */
public final class SchemaMigrationException extends BillingException {

    private static final long serialVersionUID = 1L;

    public SchemaMigrationException(String message) {
        super(message);
    }

    public SchemaMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
