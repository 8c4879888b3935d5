package dev.billops.jdbc.internal;

/**
 * The few places where H2 (PostgreSQL mode) and PostgreSQL need different SQL. Everything else
 * is written once: {@code ON CONFLICT DO NOTHING}, {@code FOR UPDATE [SKIP LOCKED]}, identity
 * columns and savepoints behave alike on both.
 */
public enum SqlDialect {

    H2 {
        @Override
        public String json(String parameter) {
            // a plain string bound to a JSON column would be stored as a JSON string literal
            return ":" + parameter + " FORMAT JSON";
        }
    },

    POSTGRESQL {
        @Override
        public String json(String parameter) {
            return "CAST(:" + parameter + " AS json)";
        }
    };

    /** The SQL expression that binds named parameter {@code parameter} (JSON text) to a JSON column. */
    public abstract String json(String parameter);

    /** The dialect of a JDBC URL or database product name, by its prefix. */
    public static SqlDialect of(String urlOrProductName) {
        String s = urlOrProductName.toLowerCase(java.util.Locale.ROOT);
        if (s.startsWith("jdbc:h2:") || s.startsWith("h2")) {
            return H2;
        }
        if (s.startsWith("jdbc:postgresql:") || s.startsWith("postgresql")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database '" + urlOrProductName
                + "': BillOps stores run on PostgreSQL and H2");
    }
}
