package dev.billops.integrations.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on loopback standing in for Slack: answers each POST with the next scripted
 * reply (or the last one, once the script is used up) and records what it received.
 */
final class WebhookServer implements AutoCloseable {

    /** The part of a webhook URL that is its credential; tests check it never leaks. */
    static final String SECRET_TOKEN = "xXs3cr3tT0k3nXx";
    static final String PATH = "/services/T0001/B0002/" + SECRET_TOKEN;

    record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
        static Reply of(int status, String body) {
            return new Reply(status, Map.of(), body, 0);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body, delayMillis);
        }

        Reply delayed(long millis) {
            return new Reply(status, headers, body, millis);
        }
    }

    record Received(String method, String path, Map<String, List<String>> headers, byte[] body, Instant at,
            long nanoTime) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private volatile Reply last = Reply.of(200, "ok");
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Received> history = new java.util.concurrent.CopyOnWriteArrayList<>();

    WebhookServer(Reply... replies) throws IOException {
        script.addAll(List.of(replies));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Received r = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                Map.copyOf(exchange.getRequestHeaders()), body, Instant.now(), System.nanoTime());
        history.add(r);
        received.add(r);
        Reply reply = script.poll();
        if (reply == null) {
            reply = last;
        } else if (script.isEmpty()) {
            last = reply;
        }
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        try {
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (IOException e) {
            // the client gave up (timeout tests); nothing to answer
        } finally {
            exchange.close();
        }
    }

    URI webhookUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** The next request received, waiting up to 5 s. */
    Received next() throws InterruptedException {
        Received r = received.poll(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("the webhook server received no request");
        }
        return r;
    }

    /** Every request received so far, in order. */
    List<Received> all() {
        return List.copyOf(history);
    }

    int count() {
        return history.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
