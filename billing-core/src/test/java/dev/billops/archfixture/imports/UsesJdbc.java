package dev.billops.archfixture.imports;

import java.sql.Connection;

/** Fixture: a "core" class that reaches for JDBC, which the rule forbids. */
public class UsesJdbc {
    public boolean isOpen(Connection connection) throws java.sql.SQLException {
        return !connection.isClosed();
    }
}
