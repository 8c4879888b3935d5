package dev.billops.examples.spring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the host over real HTTP (java.net.http) with a bearer token and JSON. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SECRET = "test-secret-for-the-reference-host-0123456789";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    static String token(String user, String role) {
        return Tokens.mint(SECRET, user, List.of(role), null, null, Duration.ofMinutes(10));
    }

    static String clientToken(String user, String clientId) {
        return Tokens.mint(SECRET, user, List.of(Roles.CLIENT), null, clientId, Duration.ofMinutes(10));
    }

    /** The answer of one call. */
    record Answer(int status, byte[] body, HttpResponse<byte[]> raw) {
        JsonNode json() {
            return JSON.readTree(new String(body, StandardCharsets.UTF_8));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + (body.length > 2000 ? text().substring(0, 2000) : text());
        }
    }

    Answer call(String method, String path, @Nullable String token, @Nullable Object body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path, @Nullable String token) {
        return call("GET", path, token, null);
    }

    Answer post(String path, @Nullable String token, @Nullable Object body, String... headers) {
        return call("POST", path, token, body, headers);
    }
}
