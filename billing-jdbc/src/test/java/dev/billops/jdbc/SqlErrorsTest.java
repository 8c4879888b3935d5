package dev.billops.jdbc;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.jdbc.internal.SqlErrors;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which driver errors become the retryable {@link ConcurrentUpdateException}. */
class SqlErrorsTest {

    private static RuntimeException driverError(String state) {
        return new IllegalStateException("statement failed", new SQLException("ERROR: something", state));
    }

    @Test
    void translateConcurrency_serializationFailure_isRetryableConcurrentUpdate() {
        RuntimeException e = SqlErrors.translateConcurrency(driverError("40001"));
        assertInstanceOf(ConcurrentUpdateException.class, e);
        assertTrue(e.getMessage().contains("serialization failure"), e.getMessage());
    }

    @Test
    void translate_deadlock_isRetryableConcurrentUpdate() {
        RuntimeException e = SqlErrors.translate(driverError("40P01"));
        assertInstanceOf(ConcurrentUpdateException.class, e);
        assertTrue(e.getMessage().contains("deadlock"), e.getMessage());
    }

    @Test
    void translateConcurrency_otherStates_unchanged() {
        for (String state : new String[] {"57P01", "08006", "23505", "42P01"}) {
            RuntimeException original = driverError(state);
            assertSame(original, SqlErrors.translateConcurrency(original), state);
        }
    }
}
