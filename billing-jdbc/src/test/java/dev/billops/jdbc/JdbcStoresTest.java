package dev.billops.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stores opened from a URL get timeouts, so a server that never answers fails instead of hanging
 * (the H2 server case runs through the command line, in {@code SilentDatabaseTest} of the examples).
 */
class JdbcStoresTest {

    private ServerSocket silent;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void silentServer() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    accepted.add(silent.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-db");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws IOException {
        silent.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    @Test
    void of_postgresServerThatNeverAnswers_failsWithinSeconds() {
        String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/billops?user=nobody";

        RuntimeException e = assertTimeoutPreemptively(Duration.ofSeconds(40), () -> {
            try (JdbcBillingStore store = JdbcStores.of(url)) {
                return assertThrows(RuntimeException.class, store::tenantIds);
            }
        });

        assertTrue(String.valueOf(rootMessage(e)).toLowerCase(java.util.Locale.ROOT).contains("timed out"),
                rootMessage(e));
    }

    @Test
    void of_postgresUrlWithParametersAndOwnTimeout_opensTheDatabase() {
        try (PostgresTestDatabase db = PostgresTestDatabase.open("stores_url")) {
            String url = System.getenv(PostgresTestDatabase.ENV) + "&currentSchema=" + db.schema()
                    + "&socketTimeout=30";
            try (JdbcBillingStore store = JdbcStores.of(url)) {
                assertEquals(List.of(), store.tenantIds(), "migrated and empty");
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
