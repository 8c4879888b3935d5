package dev.billops.integrations.caldav;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Radicale CalDAV server (the Debian package {@code radicale}) on a free loopback port,
 * with a temporary storage folder and plain htpasswd users, for one test class. Also a raw
 * WebDAV client for what a test does behind the library's back (another calendar app's edits).
 *
 * <p>When {@code radicale} is not installed the tests are skipped, except on CI ({@code CI=true}),
 * where they fail: {@code .ci/run} installs it.
 */
final class Radicale implements AutoCloseable {

    static final Map<String, String> USERS = Map.of("alice", "alice-pw", "bob", "bob-pw");

    private final Path dir;
    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Radicale(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /** Starts Radicale, or skips (fails on CI) when it is not installed. */
    static Radicale start() throws IOException, InterruptedException {
        Optional<Path> executable = executable();
        if (executable.isEmpty()) {
            String message = "the CalDAV tests need Radicale: apt-get install -y radicale";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI=true: .ci/run must install it)");
            }
            Assumptions.abort(message);
        }
        Path dir = Files.createTempDirectory("billops-radicale-");
        StringBuilder users = new StringBuilder();
        USERS.forEach((user, password) -> users.append(user).append(':').append(password).append('\n'));
        Files.writeString(dir.resolve("users"), users.toString());
        int port = freePort();
        Files.writeString(dir.resolve("config"), String.join("\n",
                "[server]",
                "hosts = 127.0.0.1:" + port,
                "[auth]",
                "type = htpasswd",
                "htpasswd_filename = " + dir.resolve("users"),
                "htpasswd_encryption = plain",
                "delay = 0",
                "[rights]",
                "type = owner_only",
                "[storage]",
                "filesystem_folder = " + dir.resolve("collections"),
                "[web]",
                "type = none",
                "[logging]",
                "level = warning",
                ""));
        Process process = new ProcessBuilder(executable.get().toString(), "--config", dir.resolve("config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("radicale.log").toFile()).start();
        Radicale radicale = new Radicale(dir, process, port);
        radicale.awaitReady();
        return radicale;
    }

    private static Optional<Path> executable() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin", "/usr/local/bin"))
                .map(p -> Path.of(p, "radicale")).filter(Files::isExecutable).findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("radicale exited with " + process.exitValue() + ": " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        close();
        fail("radicale did not listen on port " + port + " within 30 s: " + log());
    }

    String log() throws IOException {
        Path log = dir.resolve("radicale.log");
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** A new, empty calendar collection of {@code user}. */
    URI newCalendar(String user, String name) throws IOException, InterruptedException {
        URI uri = base().resolve(user + "/" + name + "/");
        HttpResponse<String> r = send(user, "MKCALENDAR", uri, null, Map.of());
        if (r.statusCode() != 201) {
            fail("MKCALENDAR " + uri + " answered " + r.statusCode() + ": " + r.body());
        }
        return uri;
    }

    /** A raw request as {@code user}, as another calendar client would send it. */
    HttpResponse<String> send(String user, String method, URI uri, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + USERS.get(user)).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Radicale answers HTTP/1.0 and closes the connection, which the JDK client may have pooled already
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    /** GET of a resource: its status, ETag and body. */
    HttpResponse<String> get(String user, URI uri) throws IOException, InterruptedException {
        return send(user, "GET", uri, null, Map.of());
    }

    /** A PUT without preconditions, as a calendar app saving an edit. */
    HttpResponse<String> put(String user, URI uri, String ics) throws IOException, InterruptedException {
        return send(user, "PUT", uri, ics, Map.of("Content-Type", "text/calendar; charset=utf-8"));
    }

    /** How many calendar objects the collection holds (a PROPFIND, Depth 1, less the collection itself). */
    long count(String user, URI collection) throws IOException, InterruptedException {
        HttpResponse<String> r = send(user, "PROPFIND", collection,
                "<?xml version=\"1.0\"?><D:propfind xmlns:D=\"DAV:\"><D:prop><D:getetag/></D:prop></D:propfind>",
                Map.of("Depth", "1", "Content-Type", "application/xml"));
        if (r.statusCode() != 207) {
            fail("PROPFIND " + collection + " answered " + r.statusCode());
        }
        return r.body().split("<response>", -1).length - 2L;
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
