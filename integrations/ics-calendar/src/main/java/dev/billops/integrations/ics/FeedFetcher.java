package dev.billops.integrations.ics;

import dev.billops.spi.PluginException;
import dev.billops.spi.TransientPluginException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Fetches a calendar feed with the JDK {@link HttpClient}: 2xx is the calendar, 429 and 5xx and
 * network failures are transient, other statuses permanent. Messages and exceptions carry the
 * masked URL only; causes are not attached because JDK exceptions may quote the full URL.
 */
final class FeedFetcher {

    /** Feeds larger than this (32 MiB, years of a busy calendar) are refused rather than read into memory. */
    static final int MAX_BYTES = 32 * 1024 * 1024;

    private final String pluginId;
    private final Duration timeout;

    FeedFetcher(String pluginId, Duration timeout) {
        this.pluginId = pluginId;
        this.timeout = timeout;
    }

    String fetch(IcsCalendarSource.SecretUrl url) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(url.uri()).timeout(timeout)
                .header("Accept", "text/calendar, */*;q=0.5").GET().build();
        HttpResponse<java.io.InputStream> response;
        byte[] body;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = response.body()) {
                body = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (HttpTimeoutException e) {
            throw new TransientPluginException(pluginId, "calendar " + url.masked() + " did not answer within " + timeout);
        } catch (IOException e) {
            throw new TransientPluginException(pluginId, "calendar " + url.masked() + " cannot be reached ("
                    + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientPluginException(pluginId, "interrupted while fetching calendar " + url.masked());
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            if (body.length > MAX_BYTES) {
                throw new PluginException(pluginId, "calendar " + url.masked() + " is larger than " + MAX_BYTES + " bytes");
            }
            return new String(body, StandardCharsets.UTF_8);
        }
        if (status == 429 || status >= 500) {
            throw new TransientPluginException(pluginId, "calendar " + url.masked() + " answered HTTP " + status,
                    retryAfter(response.headers().firstValue("Retry-After")), null);
        }
        throw new PluginException(pluginId, "calendar " + url.masked() + " answered HTTP " + status);
    }

    private static @Nullable Duration retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.get().trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null; // an HTTP date: let the registry's backoff decide
        }
    }
}
