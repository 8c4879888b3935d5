package dev.billops.jdbc.internal;

import java.time.LocalDate;

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

        @Override
        public LocalDate comparable(LocalDate date) {
            return date.isBefore(H2_FIRST) ? H2_FIRST : date.isAfter(H2_LAST) ? H2_LAST : date;
        }
    },

    POSTGRESQL {
        @Override
        public String json(String parameter) {
            return "CAST(:" + parameter + " AS json)";
        }

        @Override
        public LocalDate comparable(LocalDate date) {
            return date.isBefore(PG_FIRST) ? PG_FIRST : date.isAfter(PG_LAST) ? PG_LAST : date;
        }
    };

    // dates are bound through java.sql.Date, which wraps around beyond about 292 million years
    private static final LocalDate H2_FIRST = LocalDate.of(-200_000_000, 1, 1);
    private static final LocalDate H2_LAST = LocalDate.of(200_000_000, 12, 31);
    /** 4713 BC, the first day PostgreSQL's DATE holds, and its last day. */
    private static final LocalDate PG_FIRST = LocalDate.of(-4712, 1, 1);
    private static final LocalDate PG_LAST = LocalDate.of(5_874_897, 12, 31);

    /** The SQL expression that binds named parameter {@code parameter} (JSON text) to a JSON column. */
    public abstract String json(String parameter);

    /**
     * {@code date} as a parameter to compare date columns with: the date itself, or for a date the
     * database cannot hold, its first or last date (which compares the same way with every other
     * date it holds).
     */
    public abstract LocalDate comparable(LocalDate date);

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
