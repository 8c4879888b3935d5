package dev.billops.jdbc.internal;

import dev.billops.core.error.BillingException;
import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.StoreFailureException;
import dev.billops.core.error.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;

/**
 * The one translation of database errors into {@link BillingException}s, by SQLSTATE (the same
 * on H2 and PostgreSQL where the standard defines one):
 *
 * <ul>
 *   <li>23505 unique violation → {@link DuplicateKeyException}, naming the key's kind and value;
 *   <li>22001 value too long, 22003 number out of range, 23514 check violation →
 *       {@link InvalidInputException};
 *   <li>40P01 deadlock, 40001 serialization failure → the retryable {@link ConcurrentUpdateException};
 *   <li>connection failures (class 08, 57P01–57P03, H2's broken or closed connections), timeouts
 *       (57014 statement cancelled, 55P03 and HYT00 lock timeouts) and refused work (class 53) →
 *       the retryable {@link StoreUnavailableException}; so is any failure to open a connection;
 *   <li>anything else → {@link StoreFailureException}.
 * </ul>
 *
 * <p>The cause of the translated exception is always the original error. Every public entry of
 * billing-jdbc reaches the database through {@link Transactions} (connections, transactions,
 * plain statements) or through a session's ports, which {@code TranslatingPort} wraps; both
 * translate here.
 */
public final class SqlErrors {

    /** Where the error happened, which decides what a lost connection means. */
    public enum Phase {
        /** Opening a connection: whatever fails, the database was not reached. */
        CONNECT,
        /** A statement or a transaction step before the commit: nothing was stored. */
        STATEMENT,
        /** The commit: a lost connection leaves its outcome unknown. */
        COMMIT
    }

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
            Map.entry("pk_billops_prepayment_deduction", "prepayment deduction"),
            Map.entry("pk_billops_payment", "payment"),
            Map.entry("uq_billops_payment_key", "payment idempotency key"),
            Map.entry("pk_billops_engagement", "engagement"),
            Map.entry("uq_billops_outbox_event", "event"));

    /** SQLSTATE of a deadlock the database broke by aborting this transaction. */
    public static final String DEADLOCK = "40P01";
    /** SQLSTATE of a serialization failure (a concurrent update under REPEATABLE READ or SERIALIZABLE). */
    public static final String SERIALIZATION_FAILURE = "40001";

    /** SQLSTATEs of a statement, lock or network wait that ran out of time. */
    private static final Set<String> TIMEOUTS = Set.of("57014", "55P03", "HYT00");
    /**
     * SQLSTATEs, besides class 08, of a connection that is gone: PostgreSQL's terminated backend,
     * crash and start-up; H2's broken connection, closed database and shutdown.
     */
    private static final Set<String> CONNECTION_LOST = Set.of("57P01", "57P02", "57P03", "90067", "90098", "90121");

    private SqlErrors() {
    }

    /**
     * Whether {@code t} is an error of the database layer: a {@link JdbiException}, an
     * {@link SQLException}, or an unchecked exception of the H2 or PostgreSQL driver. Exceptions
     * of a host's own code are not, and pass the stores unchanged.
     */
    public static boolean isDatabaseError(Throwable t) {
        if (t instanceof JdbiException || t instanceof SQLException) {
            return true;
        }
        String name = t.getClass().getName();
        return name.startsWith("org.h2.") || name.startsWith("org.postgresql.") || name.startsWith("org.jdbi.");
    }

    /** {@code e} translated if it is a {@linkplain #isDatabaseError database error}; otherwise {@code e} itself. */
    public static RuntimeException translateIfDatabaseError(RuntimeException e) {
        if (e instanceof BillingException || !isDatabaseError(e)) {
            return e;
        }
        return translate(e, Phase.STATEMENT);
    }

    /** The {@link BillingException} for {@code error}, a failure of the database during {@code phase}. */
    public static BillingException translate(Throwable error, Phase phase) {
        if (error instanceof BillingException b) {
            return b;
        }
        String state = sqlState(error);
        String detail = firstLine(firstSqlMessage(error));
        String where = state == null ? "" : " (SQLSTATE " + state + ")";
        if (state != null) {
            switch (state) {
                case "23505":
                    return duplicate(error, firstSqlMessage(error));
                case "22001":
                    return withCause(new InvalidInputException("a value is too long to be stored: " + detail), error);
                case "22003":
                    return withCause(new InvalidInputException("a number is out of the range the database stores: "
                            + detail), error);
                case "23514":
                    return withCause(new InvalidInputException("a stored value breaks a database rule: " + detail),
                            error);
                case DEADLOCK, SERIALIZATION_FAILURE:
                    return new ConcurrentUpdateException("the database aborted the transaction to resolve a "
                            + (DEADLOCK.equals(state) ? "deadlock" : "serialization failure") + where
                            + "; nothing was stored, running it again is safe", error);
                default:
                    break;
            }
        }
        boolean timeout = (state != null && TIMEOUTS.contains(state)) || has(error, SQLTimeoutException.class);
        boolean lost = state != null && (state.startsWith("08") || CONNECTION_LOST.contains(state))
                || has(error, SQLNonTransientConnectionException.class) || has(error, SQLRecoverableException.class);
        boolean refused = state != null && state.startsWith("53");
        if (timeout || lost || refused || phase == Phase.CONNECT && !refusedForGood(state)
                || has(error, SQLTransientException.class)) {
            // 08003: the driver knew the connection was gone and never sent the commit
            boolean inDoubt = phase == Phase.COMMIT && !timeout && !"08003".equals(state);
            String what = phase == Phase.CONNECT ? "cannot open a connection to the database"
                    : timeout ? "the database did not answer in time"
                    : refused ? "the database refused the work for lack of resources"
                    : "the connection to the database failed";
            String outcome = inDoubt ? "; it failed while committing, so whether the transaction was committed "
                    + "is unknown" : "; nothing was stored";
            return new StoreUnavailableException(what + where + ": " + detail + outcome, state, inDoubt, error);
        }
        return new StoreFailureException("the database refused the operation" + where + ": " + detail, state, error);
    }

    /**
     * Whether a connection attempt failed for a reason that waiting will not cure: credentials
     * (class 28), an unknown database (3D000).
     */
    private static boolean refusedForGood(@Nullable String state) {
        return state != null && (state.startsWith("28") || state.equals("3D000"));
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

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static DuplicateKeyException duplicate(Throwable error, String message) {
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
        return withCause(new DuplicateKeyException(kind, keyText(message)), error);
    }

    /** H2 names a primary key by an index of its own; the table name tells the kind. */
    private static String primaryKeyKind(String lowerMessage) {
        String[][] tables = {
            {"billops_time_entry(", "time entry"}, {"billops_invoice(", "invoice"},
            {"billops_billed_entry(", "billed time entry"}, {"billops_payment(", "payment"},
            {"billops_prepayment_deduction(", "prepayment deduction"},
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
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static <E extends BillingException> E withCause(E translated, Throwable cause) {
        translated.initCause(cause);
        return translated;
    }
}
