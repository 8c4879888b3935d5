package dev.billops.jdbc.internal;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns driver errors into the exceptions the ports promise, by SQLState (the same on H2 and
 * PostgreSQL): 23505 unique violation → {@link DuplicateKeyException}; 22001 value too long and
 * 23514 check violation → {@link InvalidInputException}; 40P01 deadlock and 40001 serialization
 * failure → the retryable {@link ConcurrentUpdateException}. Anything else is rethrown unchanged.
 *
 * <p>The stores detect the common duplicates themselves ({@code ON CONFLICT DO NOTHING} and a
 * look-up of the key), so this translation only handles what a concurrent transaction slipped in
 * between; it names the constraint's kind and, where the driver tells it, the key.
 */
public final class SqlErrors {

    /** The constraints whose violation means a duplicate key, with the kind the ports use. */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("pk_billops_tenant", "tenant"),
            Map.entry("pk_billops_client", "client"),
            Map.entry("pk_billops_timekeeper", "timekeeper"),
            Map.entry("pk_billops_activity", "activity"),
            Map.entry("pk_billops_project", "project"),
            Map.entry("pk_billops_rate_rule", "rate rule"),
            Map.entry("pk_billops_time_entry", "time entry"),
            Map.entry("uq_billops_time_entry_uid", "time entry external uid"),
            Map.entry("pk_billops_invoice", "invoice"),
            Map.entry("uq_billops_invoice_number", "invoice number"),
            Map.entry("uq_billops_invoice_period", "package invoice of engagement period"),
            Map.entry("pk_billops_billed_entry", "billed time entry"),
            Map.entry("pk_billops_payment", "payment"),
            Map.entry("uq_billops_payment_key", "payment idempotency key"),
            Map.entry("pk_billops_engagement", "engagement"),
            Map.entry("uq_billops_outbox_event", "event"));

    /** SQLSTATE of a deadlock the database broke by aborting this transaction. */
    public static final String DEADLOCK = "40P01";
    /** SQLSTATE of a serialization failure (a concurrent update under REPEATABLE READ or SERIALIZABLE). */
    public static final String SERIALIZATION_FAILURE = "40001";

    private SqlErrors() {
    }

    /** The SQLState of the first {@link SQLException} in {@code t}'s cause chain, or null. */
    public static @Nullable String sqlState(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    /**
     * {@code e} as the typed, retryable {@link ConcurrentUpdateException} if the database aborted
     * the transaction to resolve a deadlock (SQLSTATE 40P01) or a serialization failure (40001);
     * otherwise {@code e} itself. Nothing of the aborted transaction was stored, so running the
     * operation again is safe.
     */
    public static RuntimeException translateConcurrency(RuntimeException e) {
        if (e instanceof ConcurrentUpdateException) {
            return e;
        }
        String state = sqlState(e);
        if (DEADLOCK.equals(state) || SERIALIZATION_FAILURE.equals(state)) {
            return new ConcurrentUpdateException("the database aborted the transaction to resolve a "
                    + (DEADLOCK.equals(state) ? "deadlock" : "serialization failure") + " (SQLSTATE " + state
                    + "); nothing was stored, running it again is safe", e);
        }
        return e;
    }

    /**
     * The exception a port should throw for {@code e}: a translated {@code BillingException}, or
     * {@code e} itself.
     */
    public static RuntimeException translate(RuntimeException e) {
        String state = sqlState(e);
        if (state == null) {
            return e;
        }
        String message = firstSqlMessage(e);
        switch (state) {
            case "23505": {
                String kind = "key";
                String lower = message.toLowerCase(Locale.ROOT);
                int matched = 0;
                // the longest name wins: pk_billops_invoice is a prefix of other constraints' names
                for (Map.Entry<String, String> entry : KINDS.entrySet()) {
                    if (entry.getKey().length() > matched && lower.contains(entry.getKey())) {
                        kind = entry.getValue();
                        matched = entry.getKey().length();
                    }
                }
                if ("key".equals(kind) && lower.contains("billops_")) {
                    kind = primaryKeyKind(lower);
                }
                DuplicateKeyException d = new DuplicateKeyException(kind, keyText(message));
                d.initCause(e);
                return d;
            }
            case "22001":
                return withCause(new InvalidInputException("a value is too long to be stored: " + firstLine(message)), e);
            case "23514":
                return withCause(new InvalidInputException("a stored value breaks a database rule: " + firstLine(message)), e);
            case DEADLOCK, SERIALIZATION_FAILURE:
                return translateConcurrency(e);
            default:
                return e;
        }
    }

    /** H2 names a primary key by an index of its own; the table name tells the kind. */
    private static String primaryKeyKind(String lowerMessage) {
        String[][] tables = {
            {"billops_time_entry(", "time entry"}, {"billops_invoice(", "invoice"},
            {"billops_billed_entry(", "billed time entry"}, {"billops_payment(", "payment"},
            {"billops_client(", "client"}, {"billops_project(", "project"}, {"billops_engagement(", "engagement"},
            {"billops_timekeeper(", "timekeeper"}, {"billops_activity(", "activity"},
            {"billops_rate_rule(", "rate rule"}, {"billops_tenant(", "tenant"},
        };
        for (String[] t : tables) {
            if (lowerMessage.contains(t[0])) {
                return t[1];
            }
        }
        return "key";
    }

    /** The key values as the driver reports them ("Key (a, b)=(x, y)" on PostgreSQL, "VALUES (...)" on H2). */
    private static String keyText(String message) {
        int at = message.indexOf(")=(");
        if (at >= 0) {
            int end = message.indexOf(')', at + 3);
            if (end > 0) {
                return message.substring(at + 3, end);
            }
        }
        int values = message.indexOf("VALUES (");
        if (values >= 0) {
            int end = message.indexOf(")\"", values);
            if (end < 0) {
                end = message.indexOf(')', values + 8);
            }
            if (end > values) {
                return message.substring(values + 8, end).replaceAll("/\\*.*?\\*/", "").trim();
            }
        }
        return "(unknown)";
    }

    private static String firstSqlMessage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                SQLException next = sql.getNextException();
                String m = String.valueOf(sql.getMessage());
                return next == null ? m : m + " " + next.getMessage();
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return String.valueOf(t.getMessage());
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static RuntimeException withCause(RuntimeException translated, Throwable cause) {
        translated.initCause(cause);
        return translated;
    }
}
