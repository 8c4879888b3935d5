package dev.billops.examples.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A payment service on loopback speaking the API {@link HttpPaymentGateway} expects: charges
 * once per idempotency key, answers repeats with the first charge, and can be told to delay its
 * next answer (after charging), decline, or fail with a status.
 */
final class StubGatewayServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String apiKey;
    private final HttpServer server;
    private final Map<String, ObjectNode> charges = new ConcurrentHashMap<>();
    final AtomicInteger chargeCount = new AtomicInteger();
    final AtomicInteger chargeRequests = new AtomicInteger();
    final AtomicInteger statusRequests = new AtomicInteger();
    final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    final List<String> keys = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    volatile long delayNextAnswerMillis;
    volatile boolean declineNext;
    volatile int failNextWith;
    volatile String retryAfter;

    StubGatewayServer(String apiKey) throws IOException {
        this.apiKey = apiKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/charges", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            if (x.getRequestMethod().equals("POST")) {
                chargeRequests.incrementAndGet();
            }
            if (!("Bearer " + apiKey).equals(x.getRequestHeaders().getFirst("Authorization"))) {
                reply(x, 401, "{\"message\":\"bad api key\"}");
                return;
            }
            String path = x.getRequestURI().getRawPath();
            if (x.getRequestMethod().equals("POST") && path.equals("/charges")) {
                charge(x);
            } else if (x.getRequestMethod().equals("GET") && path.startsWith("/charges/")) {
                statusRequests.incrementAndGet();
                String key = URLDecoder.decode(path.substring("/charges/".length()), StandardCharsets.UTF_8);
                ObjectNode c = charges.get(key);
                reply(x, c == null ? 404 : 200, c == null ? "{\"message\":\"no such charge\"}" : c.toString());
            } else {
                reply(x, 404, "{}");
            }
        }
    }

    private void charge(HttpExchange x) throws IOException {
        String key = x.getRequestHeaders().getFirst("Idempotency-Key");
        JsonNode body = JSON.readTree(x.getRequestBody());
        bodies.add(body);
        if (key == null) {
            reply(x, 400, "{\"message\":\"Idempotency-Key required\"}");
            return;
        }
        keys.add(key);
        int fail = failNextWith;
        if (fail != 0) {
            failNextWith = 0;
            if (retryAfter != null) {
                x.getResponseHeaders().add("Retry-After", retryAfter);
            }
            reply(x, fail, "{\"message\":\"upstream busy\"}");
            return;
        }
        ObjectNode charge = charges.computeIfAbsent(key, k -> {
            ObjectNode c = JSON.createObjectNode();
            c.put("id", "ch_" + chargeCount.incrementAndGet());
            boolean decline = declineNext;
            declineNext = false;
            c.put("status", decline ? "failed" : "succeeded");
            if (decline) {
                c.put("message", "card_declined");
            }
            c.put("amount", body.path("amount").asText());
            c.put("currency", body.path("currency").asText());
            return c;
        });
        long delay = delayNextAnswerMillis;
        if (delay > 0) {
            delayNextAnswerMillis = 0;
            try {
                closing.await(delay, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reply(x, "failed".equals(charge.path("status").asText()) ? 402 : 201, charge.toString());
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the client gave up waiting (a timeout test): nothing to do
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
