package dev.billops.jdbc.archfixture;

import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;

/** Breaks both rules of {@code ExportedApiTest} on purpose: the rules must fail on it. */
public final class LeakyStore {

    private final Jdbi jdbi = Jdbi.create("jdbc:h2:mem:leaky");

    /** Declares the driver's checked exception. */
    public void open() throws SQLException {
        jdbi.open().close();
    }

    /** Hands out the Jdbi instance. */
    public Jdbi jdbi() {
        return jdbi;
    }
}
