package dev.billops.jdbc;

/** The databases the JDBC stores run on. */
public enum Dialect {
    /** H2 2.3 in PostgreSQL mode: the embedded default. */
    H2,
    /** PostgreSQL: production. */
    POSTGRESQL;

    /** The resource folder of this dialect's migration scripts, e.g. {@code dev/billops/jdbc/migration/h2}. */
    public String migrationFolder() {
        return "dev/billops/jdbc/migration/" + (this == H2 ? "h2" : "postgresql");
    }
}
