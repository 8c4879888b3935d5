package dev.billops.examples.cli;

import dev.billops.core.id.TenantId;
import dev.billops.core.spi.BillingStore;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options every command shares: which database ({@code --db}, default the embedded H2 in
 * {@code ./billops-data}) and {@code --verbose}.
 */
final class DatabaseOptions {

    /** Where the embedded default database lives, relative to the working directory. */
    static final Path DEFAULT_DATA_DIR = Path.of("billops-data");

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "the database: jdbc:postgresql://host:port/db?user=... or jdbc:h2:file:/path; "
                    + "default: the embedded H2 database in ./billops-data")
    @Nullable String url;

    @Option(names = {"-v", "--verbose"}, description = "print stack traces of errors and the library's log")
    boolean verbose;

    /** Opens the database (migrating its schema on first use) or explains why it cannot. */
    JdbcBillingStore open() {
        String shown = describe();
        JdbcBillingStore store;
        try {
            if (url == null) {
                store = JdbcStores.h2(DEFAULT_DATA_DIR);
            } else {
                if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
                    loadDriver("org.postgresql.Driver");
                }
                store = JdbcStores.of(url);
            }
        } catch (IllegalArgumentException e) {
            throw new CliFailure(String.valueOf(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new CliFailure("cannot open database " + shown + ": " + Errors.rootMessage(e), e);
        }
        try {
            store.tenantIds();
        } catch (RuntimeException e) {
            store.close();
            throw new CliFailure("cannot open database " + shown + ": " + Errors.rootMessage(e), e);
        }
        return store;
    }

    /** The database as printed: the URL without its query string (which may hold a password). */
    String describe() {
        if (url == null) {
            return "./" + DEFAULT_DATA_DIR + " (embedded H2)";
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?...";
    }

    /**
     * The tenant a command works on: the one given, which must exist, or the only one the database
     * has.
     */
    static TenantId tenant(BillingStore store, @Nullable String given, String database) {
        List<TenantId> tenants = store.tenantIds();
        if (given != null) {
            TenantId id = TenantId.of(given);
            if (!tenants.contains(id)) {
                throw new CliFailure("tenant '" + given + "' not found in " + database + " (it has: "
                        + (tenants.isEmpty() ? "no tenants; run `demo` first" : join(tenants)) + ")");
            }
            return id;
        }
        if (tenants.size() == 1) {
            return tenants.get(0);
        }
        if (tenants.isEmpty()) {
            throw new CliFailure(database + " has no tenants yet; run `demo` first");
        }
        throw new CliFailure(database + " has several tenants (" + join(tenants) + "); choose one with --tenant");
    }

    private static String join(List<TenantId> tenants) {
        return String.join(", ", tenants.stream().map(TenantId::value).toList());
    }

    private static void loadDriver(String name) {
        try {
            // registers the driver with DriverManager also where the class path is not the system one (exec:java)
            Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new CliFailure("JDBC driver " + name + " is not on the class path", e);
        }
    }
}
