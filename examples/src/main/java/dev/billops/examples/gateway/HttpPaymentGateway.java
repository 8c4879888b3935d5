package dev.billops.examples.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.billops.spi.ChargeRequest;
import dev.billops.spi.ChargeResult;
import dev.billops.spi.PaymentGateway;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginConfigurationException;
import dev.billops.spi.PluginException;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.Secret;
import dev.billops.spi.TransientPluginException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PaymentGateway} for a payment service with a small JSON API, as a host would write
 * one for its provider:
 *
 * <ul>
 *   <li>{@code POST {baseUrl}/charges} with header {@code Idempotency-Key} and body
 *       {@code {"amount":"119.00","currency":"EUR","paymentMethod":…,"description":…,"invoiceId":…}}
 *       answers {@code {"id":"ch_1","status":"succeeded|failed|pending","message":…}}; the service
 *       charges once per key and answers a repeated key with the first charge;</li>
 *   <li>{@code GET {baseUrl}/charges/{key}} answers the same document, or 404 if there is none.</li>
 * </ul>
 *
 * <p>Configuration (plugin id {@value #ID}): {@code baseUrl} (required), {@code apiKey} (secret,
 * required, sent as {@code Authorization: Bearer}), {@code timeout} (per request, default 10 s).
 *
 * <p>Errors: a charge whose answer did not arrive in time is UNKNOWN (it may have happened; the
 * autopay reconcile asks {@link #status}). A service that cannot be reached, or answers 429 or
 * 5xx, is a {@link TransientPluginException} (with {@code Retry-After}); the registry retries it
 * with the same key, which is safe. 401/403 and other 4xx are {@link PluginException}s; 402 is
 * a FAILED charge (declined).
 *
 * <p>The api key is never logged nor shown by {@link #toString()}. Thread-safe after
 * {@link #configure}.
 */
public final class HttpPaymentGateway implements PaymentGateway {

    /** The plugin id. */
    public static final String ID = "http-gateway";

    private static final Logger LOG = LoggerFactory.getLogger(HttpPaymentGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile @Nullable Settings settings;

    /** For {@link java.util.ServiceLoader}; {@link #configure} must be called before use. */
    public HttpPaymentGateway() {
    }

    private record Settings(URI baseUrl, Secret apiKey, Duration timeout, HttpClient client) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void configure(PluginConfig config) {
        URI base = config.uri("baseUrl")
                .orElseThrow(() -> new PluginConfigurationException(ID, "baseUrl", "is required"));
        if (base.getScheme() == null || !base.getScheme().toLowerCase(Locale.ROOT).startsWith("http")
                || base.getHost() == null) {
            throw new PluginConfigurationException(ID, "baseUrl", "is not an http(s) URL: '" + base + "'");
        }
        Secret key = config.secret("apiKey");
        Duration timeout = config.duration("timeout", Duration.ofSeconds(10));
        if (timeout.isZero() || timeout.isNegative()) {
            throw new PluginConfigurationException(ID, "timeout", "must be positive: '" + timeout + "'");
        }
        String path = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        settings = new Settings(URI.create(path), key, timeout, client);
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        Settings s = settings();
        ObjectNode body = JSON.createObjectNode();
        body.put("amount", request.amount().amount().toPlainString());
        body.put("currency", request.amount().currencyCode());
        body.put("paymentMethod", request.paymentMethodRef());
        body.put("description", "Invoice " + request.invoiceNumber());
        body.put("invoiceId", request.invoiceId().value());
        body.put("client", request.client().value());
        HttpRequest http = authorized(s, HttpRequest.newBuilder(URI.create(s.baseUrl() + "/charges")))
                .header("Idempotency-Key", request.idempotencyKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = send(s, http);
        } catch (HttpTimeoutException e) {
            LOG.warn("gateway {}: charge {} got no answer within {} ms; result unknown", ID, request.idempotencyKey(),
                    s.timeout().toMillis());
            return ChargeResult.unknown("no answer within " + s.timeout().toMillis() + " ms");
        }
        ChargeResult result = switch (response.statusCode()) {
            case 200, 201 -> parse(response.body());
            case 402 -> declined(response.body());
            default -> throw failure("charge", response);
        };
        LOG.debug("gateway {}: charge {} of {} -> {}", ID, request.idempotencyKey(), request.amount(), result.status());
        return result;
    }

    @Override
    public ChargeResult status(String idempotencyKey) {
        Settings s = settings();
        String key = URLEncoder.encode(idempotencyKey, StandardCharsets.UTF_8).replace("+", "%20");
        HttpRequest http = authorized(s, HttpRequest.newBuilder(URI.create(s.baseUrl() + "/charges/" + key))).GET()
                .build();
        HttpResponse<String> response;
        try {
            response = send(s, http);
        } catch (HttpTimeoutException e) {
            throw new TransientPluginException(ID, "status of " + idempotencyKey + ": no answer within "
                    + s.timeout().toMillis() + " ms", null, e);
        }
        return switch (response.statusCode()) {
            case 200 -> parse(response.body());
            case 404 -> ChargeResult.failed(null, "no charge with key " + idempotencyKey);
            default -> throw failure("status", response);
        };
    }

    /**
     * Asks the service for a charge that cannot exist: any answer but 401/403 or 5xx means it is
     * reachable and takes the api key (UP); 401/403 is DOWN (key refused), 5xx DEGRADED, no
     * answer DOWN.
     */
    @Override
    public PluginHealth health() {
        Settings s = settings;
        if (s == null) {
            return PluginHealth.down("not configured");
        }
        HttpRequest http = authorized(s, HttpRequest.newBuilder(URI.create(s.baseUrl() + "/charges/health-probe")))
                .GET().build();
        try {
            int code = send(s, http).statusCode();
            if (code == 401 || code == 403) {
                return PluginHealth.down("the service refused the api key (HTTP " + code + ")");
            }
            if (code >= 500) {
                return new PluginHealth(PluginHealth.Status.DEGRADED, "the service answered HTTP " + code, 0, null,
                        null);
            }
            return PluginHealth.up();
        } catch (HttpTimeoutException e) {
            return PluginHealth.down("no answer from " + s.baseUrl() + " within " + s.timeout().toMillis() + " ms");
        } catch (PluginException e) {
            return PluginHealth.down(e.getMessage());
        }
    }

    private Settings settings() {
        Settings s = settings;
        if (s == null) {
            throw new PluginException(ID, "not configured; the registry calls configure first");
        }
        return s;
    }

    private static HttpRequest.Builder authorized(Settings s, HttpRequest.Builder b) {
        return b.timeout(s.timeout()).header("Authorization", "Bearer " + s.apiKey().reveal())
                .header("Accept", "application/json");
    }

    private static HttpResponse<String> send(Settings s, HttpRequest request) throws HttpTimeoutException {
        try {
            return s.client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            if (e instanceof java.net.http.HttpConnectTimeoutException) {
                throw new TransientPluginException(ID, "cannot connect to " + s.baseUrl() + " (timeout)", null, e);
            }
            throw e;
        } catch (ConnectException e) {
            throw new TransientPluginException(ID, "cannot connect to " + s.baseUrl() + ": " + e, null, e);
        } catch (IOException e) {
            throw new TransientPluginException(ID, "I/O error talking to " + s.baseUrl() + ": " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException(ID, "interrupted while talking to " + s.baseUrl(), e);
        }
    }

    private static ChargeResult parse(String body) {
        JsonNode n = read(body);
        String id = text(n, "id");
        String status = text(n, "status");
        String message = Optional.ofNullable(text(n, "message")).orElse("");
        if (status == null) {
            throw new PluginException(ID, "answer without status: " + abbreviate(body));
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "succeeded" -> {
                if (id == null) {
                    throw new PluginException(ID, "succeeded charge without id: " + abbreviate(body));
                }
                yield ChargeResult.succeeded(id);
            }
            case "failed" -> ChargeResult.failed(id, message.isEmpty() ? "declined" : message);
            case "pending" -> id != null ? ChargeResult.pending(id) : ChargeResult.unknown("pending without id");
            default -> throw new PluginException(ID, "unknown charge status '" + status + "'");
        };
    }

    private static ChargeResult declined(String body) {
        JsonNode n = read(body);
        String message = Optional.ofNullable(text(n, "message")).orElse("declined");
        return ChargeResult.failed(text(n, "id"), message);
    }

    private static PluginException failure(String operation, HttpResponse<String> response) {
        int code = response.statusCode();
        String what = operation + " answered HTTP " + code + ": " + abbreviate(response.body());
        if (code == 429 || code >= 500) {
            return new TransientPluginException(ID, what, retryAfter(response), null);
        }
        if (code == 401 || code == 403) {
            return new PluginException(ID, operation + " was refused (HTTP " + code + "); check the apiKey");
        }
        return new PluginException(ID, what);
    }

    private static @Nullable Duration retryAfter(HttpResponse<String> response) {
        Optional<String> v = response.headers().firstValue("Retry-After");
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(v.get().trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new PluginException(ID, "answer is not JSON: " + abbreviate(body), e);
        }
    }

    private static @Nullable String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /** The base URL and timeout; the api key masked. */
    @Override
    public String toString() {
        Settings s = settings;
        return s == null ? "HttpPaymentGateway[not configured]"
                : "HttpPaymentGateway[baseUrl=" + s.baseUrl() + ", apiKey=****, timeout=" + s.timeout().toMillis()
                        + "ms]";
    }
}
