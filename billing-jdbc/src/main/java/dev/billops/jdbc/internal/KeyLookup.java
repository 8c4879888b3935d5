package dev.billops.jdbc.internal;

import java.util.List;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Rows of one tenant's table picked by a chunk of key values, written so that each value costs
 * one primary-key lookup on both databases, whatever the table's size and statistics. An
 * {@code IN} list does not: on a table PostgreSQL has not analyzed since it grew, it estimates
 * {@code tenant_id = ?} at a few rows and plans a scan of the tenant's whole key range filtered
 * by the list (about 30 times slower for 500 ids among 100,000 rows, and growing with the table);
 * H2 does the same whatever its statistics. On PostgreSQL each value is looked up by a lateral
 * subquery with {@code LIMIT 1}, which the planner cannot turn into a join; on H2 a
 * {@code VALUES} list is joined on the key.
 */
final class KeyLookup {

    private KeyLookup() {
    }

    /**
     * A FROM item {@code k} holding {@code columns} (of alias-free column names, or {@code *}) of
     * the rows of {@code table} whose {@code tenant_id} is {@code :t} and whose {@code key} is one
     * of the values bound by {@link #bind}; on PostgreSQL {@code v.ord} is each value's position.
     * {@code lock} locks the rows (PostgreSQL only) in the order of the values.
     */
    static String rows(SqlDialect dialect, String table, String key, String columns, int n, boolean lock) {
        if (dialect == SqlDialect.POSTGRESQL) {
            return "unnest(CAST(:keys AS varchar[])) WITH ORDINALITY AS v(id, ord) CROSS JOIN LATERAL (SELECT "
                    + columns + " FROM " + table + " r WHERE r.tenant_id = :t AND r." + key + " = v.id LIMIT 1"
                    + (lock ? " FOR UPDATE" : "") + ") k";
        }
        if (lock) {
            throw new IllegalArgumentException("H2 locks rows one statement per key");
        }
        StringBuilder sql = new StringBuilder("(VALUES ");
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "(:k" : ", (:k").append(i).append(')');
        }
        return sql.append(") v(id) JOIN ").append(table).append(" k ON k.tenant_id = :t AND k.").append(key)
                .append(" = v.id").toString();
    }

    /** Binds the key values of {@link #rows} (not {@code :t}). */
    static <S extends SqlStatement<S>> S bind(SqlDialect dialect, S statement, List<String> keys) {
        if (dialect == SqlDialect.POSTGRESQL) {
            return statement.bindArray("keys", String.class, keys);
        }
        for (int i = 0; i < keys.size(); i++) {
            statement.bind("k" + i, keys.get(i));
        }
        return statement;
    }
}
