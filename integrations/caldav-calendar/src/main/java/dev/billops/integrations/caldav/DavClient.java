package dev.billops.integrations.caldav;

import dev.billops.integrations.caldav.CalDavResponseRefusedException.Reason;
import dev.billops.spi.PluginException;
import dev.billops.spi.Secret;
import dev.billops.spi.TransientPluginException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebDAV/CalDAV requests of one collection over the JDK {@link HttpClient}: Basic
 * authentication sent with every request, redirects never followed, every response read within
 * the timeout and up to the size bound.
 *
 * <p>Every method maps 401/403 to {@link CalDavAuthenticationFailedException}; network failures,
 * timeouts, 408, 429 and 5xx to {@link TransientPluginException}; an oversized body to
 * {@link CalDavResponseRefusedException}. Thread-safe.
 */
final class DavClient {

    /** The outcome of a conditional write. */
    sealed interface WriteResult {
        /** Written; the new ETag if the server sent one. */
        record Written(@Nullable String etag) implements WriteResult {
        }

        /** The If-Match / If-None-Match precondition failed (HTTP 412). */
        record PreconditionFailed() implements WriteResult {
        }

        /** The resource does not exist (HTTP 404). */
        record NotFound() implements WriteResult {
        }
    }

    private record Response(int status, HttpHeaders headers, byte[] body) {
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    private static final String PROPFIND_ETAG = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:getetag/></D:prop></D:propfind>";

    /** Attempts of one request when the connection fails before a response (see {@link #send}). */
    private static final int ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(DavClient.class);

    private final String pluginId;
    private final URI collection;
    private final String username;
    private final String authorization;
    private final Duration timeout;
    private final int maxBytes;
    private final HttpClient http;

    DavClient(String pluginId, URI collection, String username, Secret password, Duration timeout, int maxBytes) {
        this.pluginId = pluginId;
        this.collection = collection;
        this.username = username;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    URI collection() {
        return collection;
    }

    /** PROPFIND with {@code Depth: depth} on {@code uri}; a missing resource is an empty list. */
    List<DavResource> propfind(URI uri, int depth, String xml) {
        Response r = send("PROPFIND", uri, xml, "application/xml; charset=utf-8", "Depth", Integer.toString(depth));
        if (r.status == 404) {
            return List.of();
        }
        return multistatus("PROPFIND", uri, r);
    }

    /** A REPORT on the collection with {@code Depth: 1}. */
    List<DavResource> report(String xml) {
        Response r = send("REPORT", collection, xml, "application/xml; charset=utf-8", "Depth", "1");
        if (r.status == 404) {
            throw new CalDavRequestFailedException(pluginId, "REPORT", collection.toString(), 404,
                    "the calendar collection does not exist");
        }
        return multistatus("REPORT", collection, r);
    }

    /** The current ETag of {@code uri}, empty if it does not exist. */
    Optional<String> etag(URI uri) {
        for (DavResource d : propfind(uri, 0, PROPFIND_ETAG)) {
            if (d.status() == 200 && d.etag() != null) {
                return Optional.of(d.etag());
            }
        }
        return Optional.empty();
    }

    /**
     * PUTs {@code ics} to {@code uri} with {@code If-Match: ifMatch}, or with
     * {@code If-None-Match: *} (create only) when {@code ifMatch} is null.
     */
    WriteResult put(URI uri, String ics, @Nullable String ifMatch) {
        Response r = ifMatch == null
                ? send("PUT", uri, ics, "text/calendar; charset=utf-8", "If-None-Match", "*")
                : send("PUT", uri, ics, "text/calendar; charset=utf-8", "If-Match", ifMatch);
        return switch (r.status) {
            case 200, 201, 204 -> new WriteResult.Written(r.header("ETag").orElse(null));
            case 412 -> new WriteResult.PreconditionFailed();
            case 404 -> new WriteResult.NotFound();
            default -> throw failed("PUT", uri, r, "the server did not store the event");
        };
    }

    /** DELETEs {@code uri} with {@code If-Match: ifMatch}. */
    WriteResult delete(URI uri, String ifMatch) {
        Response r = send("DELETE", uri, null, null, "If-Match", ifMatch);
        return switch (r.status) {
            case 200, 202, 204 -> new WriteResult.Written(null);
            case 412 -> new WriteResult.PreconditionFailed();
            case 404 -> new WriteResult.NotFound();
            default -> throw failed("DELETE", uri, r, "the server did not delete the event");
        };
    }

    private List<DavResource> multistatus(String method, URI uri, Response r) {
        if (r.status != 207) {
            throw failed(method, uri, r, "expected a 207 multistatus");
        }
        String type = r.header("Content-Type").orElse("");
        String mime = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mime.equals("application/xml") && !mime.equals("text/xml") && !mime.endsWith("+xml")) {
            throw new CalDavResponseRefusedException(pluginId, uri.toString(), Reason.WRONG_CONTENT_TYPE,
                    "a multistatus must be XML, the server sent Content-Type '" + Multistatus.shorten(type) + "'");
        }
        return Multistatus.parse(pluginId, uri, r.body);
    }

    private RuntimeException failed(String method, URI uri, Response r, String problem) {
        if (r.status >= 300 && r.status < 400) {
            return new CalDavRequestFailedException(pluginId, method, uri.toString(), r.status,
                    "redirects are not followed (to " + Multistatus.shorten(r.header("Location").orElse("nowhere"))
                            + "); configure the URL the server redirects to");
        }
        if (r.status == 404) {
            return new CalDavRequestFailedException(pluginId, method, uri.toString(), r.status, "not found");
        }
        return new CalDavRequestFailedException(pluginId, method, uri.toString(), r.status, problem);
    }

    private Response send(String method, URI uri, @Nullable String body, @Nullable String contentType,
            String header, String value) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", authorization)
                .header(header, value)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpRequest request = b.build();
        HttpResponse<byte[]> response = null;
        for (int attempt = 1; response == null; attempt++) {
            try {
                response = exchange(method, uri, request);
            } catch (IOException e) {
                // The JDK client re-sends only GET and HEAD when a pooled connection turns out to be closed by the
                // server (an HTTP/1.0 server, an idle timeout). Our requests are safe to send again: PROPFIND and
                // REPORT read, and PUT and DELETE are conditional, so a repeat of one that did reach the server
                // fails its precondition (412) instead of writing twice.
                if (attempt >= ATTEMPTS) {
                    throw new TransientPluginException(pluginId, method + " " + uri + " failed: "
                            + e.getClass().getSimpleName() + " (" + Multistatus.shorten(e.getMessage()) + ")", null, e);
                }
                LOG.debug("{} {} failed ({}), sending it again", method, uri, e.toString());
            }
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new CalDavAuthenticationFailedException(pluginId, username, uri.toString(), status);
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw new TransientPluginException(pluginId, method + " " + uri + " answered HTTP " + status,
                    retryAfter(response.headers().firstValue("Retry-After")), null);
        }
        return new Response(status, response.headers(), response.body());
    }

    /** One exchange within the timeout; an IOException is a network failure worth another attempt. */
    private HttpResponse<byte[]> exchange(String method, URI uri, HttpRequest request) throws IOException {
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, LimitedBody.handler(maxBytes));
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TransientPluginException(pluginId, method + " " + uri + " did not complete within " + timeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransientPluginException(pluginId, "interrupted during " + method + " " + uri);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LimitedBody.TooLarge tooLarge) {
                throw new CalDavResponseRefusedException(pluginId, uri.toString(), Reason.TOO_LARGE,
                        "the body " + tooLarge.getMessage());
            }
            if (cause instanceof HttpTimeoutException) {
                throw new TransientPluginException(pluginId, method + " " + uri + " did not answer within " + timeout);
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new PluginException(pluginId, method + " " + uri + " failed: "
                    + (cause == null ? "unknown" : cause.getClass().getSimpleName()), cause == null ? e : cause);
        }
    }

    private static @Nullable Duration retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.get().trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
