package dev.billops.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.BillingException;
import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.StoreFailureException;
import dev.billops.core.error.StoreUnavailableException;
import dev.billops.jdbc.internal.SqlErrors.Phase;
import dev.billops.jdbc.internal.SqlErrors;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Map;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/**
 * Which driver error becomes which {@link BillingException}. The tests of the public API
 * ({@code DriverErrorsTest}) provoke the errors on real databases; this one covers the SQLSTATEs
 * that are hard to provoke there.
 */
class SqlErrorsTest {

    private static UnableToExecuteStatementException driverError(String state) {
        return new UnableToExecuteStatementException(new SQLException("ERROR: something\n  Detail: more", state),
                null);
    }

    @Test
    void translate_eachStateClass_givesItsTypeWithTheCauseKept() {
        Map<String, Class<? extends BillingException>> expected = Map.ofEntries(
                Map.entry("23505", DuplicateKeyException.class),
                Map.entry("22001", InvalidInputException.class),
                Map.entry("22003", InvalidInputException.class),
                Map.entry("23514", InvalidInputException.class),
                Map.entry("40001", ConcurrentUpdateException.class),
                Map.entry("40P01", ConcurrentUpdateException.class),
                Map.entry("08006", StoreUnavailableException.class),
                Map.entry("08001", StoreUnavailableException.class),
                Map.entry("57P01", StoreUnavailableException.class),
                Map.entry("57014", StoreUnavailableException.class),
                Map.entry("55P03", StoreUnavailableException.class),
                Map.entry("HYT00", StoreUnavailableException.class),
                Map.entry("53300", StoreUnavailableException.class),
                Map.entry("90067", StoreUnavailableException.class),
                Map.entry("42P01", StoreFailureException.class),
                Map.entry("42501", StoreFailureException.class),
                Map.entry("23503", StoreFailureException.class),
                Map.entry("25P02", StoreFailureException.class));
        expected.forEach((state, type) -> {
            UnableToExecuteStatementException error = driverError(state);
            BillingException translated = SqlErrors.translate(error, Phase.STATEMENT);
            assertInstanceOf(type, translated, state);
            assertSame(error, translated.getCause(), state + " keeps its cause");
            assertFalse(translated.getMessage().contains("Detail"), "one line of the driver's message: "
                    + translated.getMessage());
        });
    }

    @Test
    void translate_unavailableAndFailure_carryTheSqlState() {
        assertEquals("57014", ((StoreUnavailableException) SqlErrors.translate(driverError("57014"), Phase.STATEMENT))
                .sqlState().orElseThrow());
        assertEquals("42P01", ((StoreFailureException) SqlErrors.translate(driverError("42P01"), Phase.STATEMENT))
                .sqlState().orElseThrow());
    }

    @Test
    void translate_connectionLostWhileCommitting_saysTheOutcomeIsUnknown() {
        StoreUnavailableException committing = (StoreUnavailableException) SqlErrors.translate(driverError("08006"),
                Phase.COMMIT);
        assertTrue(committing.commitOutcomeUnknown());
        assertTrue(committing.getMessage().contains("unknown"), committing.getMessage());
        StoreUnavailableException before = (StoreUnavailableException) SqlErrors.translate(driverError("08006"),
                Phase.STATEMENT);
        assertFalse(before.commitOutcomeUnknown());
        assertTrue(before.getMessage().contains("nothing was stored"), before.getMessage());
    }

    @Test
    void translate_anyFailureToConnect_isUnavailableUnlessCredentialsOrDatabaseAreWrong() {
        assertInstanceOf(StoreUnavailableException.class, SqlErrors.translate(
                new IllegalStateException("Connection pool has been disposed."), Phase.CONNECT));
        assertInstanceOf(StoreFailureException.class, SqlErrors.translate(driverError("28P01"), Phase.CONNECT));
        assertInstanceOf(StoreFailureException.class, SqlErrors.translate(driverError("3D000"), Phase.CONNECT));
    }

    @Test
    void translate_timeoutWithoutState_isUnavailable() {
        assertInstanceOf(StoreUnavailableException.class, SqlErrors.translate(
                new SQLTimeoutException("query timed out"), Phase.STATEMENT));
    }

    @Test
    void translateIfDatabaseError_hostExceptions_passUnchanged() {
        IllegalStateException host = new IllegalStateException("the host's own", new SQLException("x", "08006"));
        assertSame(host, SqlErrors.translateIfDatabaseError(host));
        InvalidInputException typed = new InvalidInputException("typed already");
        assertSame(typed, SqlErrors.translateIfDatabaseError(typed));
    }
}
