package dev.billops.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * A database server that accepts connections and then never answers: every command gives up
 * within seconds with one line on standard error, instead of waiting forever.
 */
class SilentDatabaseTest {

    /** The default login timeout is 10 s; the bound leaves room for a slow, shared machine. */
    private static final Duration BOUND = Duration.ofSeconds(40);

    private ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void silentServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    accepted.add(server.accept()); // kept open, never read, never answered
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
        server.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    @Test
    void aging_postgresServerThatNeverAnswers_failsWithinSecondsInOneLine() {
        String url = "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + "/billops?user=nobody";

        CliRun run = assertTimeoutPreemptively(BOUND, () -> CliRun.of("aging", "--db", url));

        assertEquals(BillOpsCli.EXIT_FAILED, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: cannot open database jdbc:postgresql://127.0.0.1:"
                + server.getLocalPort() + "/billops?...: "), run.err());
        assertTrue(run.err().toLowerCase(java.util.Locale.ROOT).contains("timed out"), run.err());
        assertTrue(accepted.size() >= 1, "the client did reach the server");
    }

    @Test
    void packageInvoices_h2ServerThatNeverAnswers_failsWithinSecondsInOneLine() {
        String url = "jdbc:h2:tcp://127.0.0.1:" + server.getLocalPort() + "/billops";

        CliRun run = assertTimeoutPreemptively(BOUND,
                () -> CliRun.of("package-invoices", "--date", "2026-12-01", "--db", url));

        assertEquals(BillOpsCli.EXIT_FAILED, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: cannot open database " + url + ": "), run.err());
        assertTrue(accepted.size() >= 1, "the client did reach the server");
    }

    @Test
    void aging_timeoutGivenInTheUrl_isKept() {
        String url = "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + "/billops?user=nobody&loginTimeout=1";
        long start = System.nanoTime();

        CliRun run = assertTimeoutPreemptively(BOUND, () -> CliRun.of("aging", "--db", url));

        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        assertEquals(BillOpsCli.EXIT_FAILED, run.exitCode(), run.err());
        assertTrue(seconds < 8, "gave up after " + seconds + " s, not after the 1 s the URL asks for");
    }
}
