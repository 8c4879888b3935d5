package dev.billops.integrations.slack;

import dev.billops.spi.Notification;
import dev.billops.spi.Notifier;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginConfigurationException;
import dev.billops.spi.PluginException;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.Secret;
import dev.billops.spi.TransientPluginException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each {@link Notification} to a Slack
 * <a href="https://api.slack.com/messaging/webhooks">incoming webhook</a>: the subject as a
 * header, the body as a section, the facts as fields, and the names of the attachments (a
 * webhook cannot upload files). Recipients are ignored; the webhook decides the channel unless
 * {@code channel} is configured and the webhook allows overriding it.
 *
 * <p>Configuration ({@link #configure}): {@code webhookUrl} (required, a secret: the URL is the
 * credential), {@code channel}, {@code username}, {@code timeout} (default 10 s, for connecting
 * and for the whole request). Hosts that build plugins in code use {@link #webhook(URI)}.
 *
 * <p>{@link #send} posts once and does not retry: HTTP 2xx is delivered; 429 and 5xx throw
 * {@link TransientPluginException} with the server's {@code Retry-After}; a refused connection or
 * a timeout throws {@link TransientPluginException}; other answers throw {@link PluginException}
 * (Slack's 4xx means the message or the webhook is wrong, and repeating it will not help). The
 * plugin registry does the retrying. The webhook URL appears in no log line, exception message
 * or {@code toString}.
 *
 * <p>Thread-safe after configuration.
 */
public final class SlackNotifier implements Notifier {

    /** The plugin id, {@value}. */
    public static final String ID = "slack";
    /** The timeout when none is configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(SlackNotifier.class);
    private static final int MAX_REASON_CHARS = 200;

    private volatile @Nullable Settings settings;
    private final Clock clock;

    /** An unconfigured notifier, for {@link java.util.ServiceLoader}; {@link #configure} must follow. */
    public SlackNotifier() {
        this.clock = Clock.systemUTC();
    }

    private SlackNotifier(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** A builder of a notifier posting to {@code webhookUrl} (absolute, http or https). */
    public static Builder webhook(URI webhookUrl) {
        return new Builder(checkWebhook(Objects.requireNonNull(webhookUrl, "webhookUrl")));
    }

    /** A builder of a notifier posting to the webhook URL held by {@code webhookUrl}. */
    public static Builder webhook(Secret webhookUrl) {
        return new Builder(parseWebhook(Objects.requireNonNull(webhookUrl, "webhookUrl")));
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Reads {@code webhookUrl} (secret, required), {@code channel}, {@code username} and
     * {@code timeout}. Throws {@link PluginConfigurationException} naming the key, never the URL.
     */
    @Override
    public void configure(PluginConfig config) {
        Objects.requireNonNull(config, "config");
        URI webhook = parseWebhook(config.secret("webhookUrl"));
        Duration timeout = config.duration("timeout", DEFAULT_TIMEOUT);
        if (timeout.isZero() || timeout.isNegative()) {
            throw new PluginConfigurationException(ID, "timeout", "must be positive: " + timeout);
        }
        this.settings = Settings.of(webhook, blankToNull(config.string("channel")),
                blankToNull(config.string("username")), timeout);
    }

    /** DOWN until configured; UP after (a webhook has no side-effect-free check, so calls tell the rest). */
    @Override
    public PluginHealth health() {
        return settings == null ? PluginHealth.down("not configured: webhookUrl missing") : PluginHealth.up();
    }

    @Override
    public void send(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        Settings s = settings;
        if (s == null) {
            throw new PluginException(ID, "not configured: call configure() with a webhookUrl first");
        }
        byte[] json = SlackMessage.toJson(notification, s.channel(), s.username());
        HttpRequest request = HttpRequest.newBuilder(s.webhook())
                .timeout(s.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "text/plain, application/json")
                .header("User-Agent", "BillOps-Slack-Notifier")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = s.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new TransientPluginException(ID, "no answer from the webhook within " + s.timeout()
                    + " posting '" + notification.subject() + "'", null, safeCause(e, s));
        } catch (IOException e) {
            throw new TransientPluginException(ID, "could not reach the webhook posting '" + notification.subject()
                    + "': " + describe(e, s), null, safeCause(e, s));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientPluginException(ID, "interrupted posting '" + notification.subject() + "'");
        }
        int status = response.statusCode();
        String reason = readReason(response, s);
        if (status >= 200 && status < 300) {
            log.debug("slack: posted '{}' ({} bytes of JSON), HTTP {}", notification.subject(), json.length, status);
            return;
        }
        String answered = "webhook answered HTTP " + status + (reason.isEmpty() ? "" : " '" + reason + "'")
                + " to '" + notification.subject() + "'";
        if (status == 429 || status >= 500) {
            Optional<Duration> retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null),
                    clock.instant());
            throw new TransientPluginException(ID, answered, retryAfter.orElse(null), null);
        }
        if (status >= 300 && status < 400) {
            throw new PluginException(ID, answered + "; redirects are not followed, configure the final webhook URL");
        }
        throw new PluginException(ID, answered + "; not retried");
    }

    /** The settings, webhook masked. */
    @Override
    public String toString() {
        Settings s = settings;
        return s == null ? "SlackNotifier[not configured]" : "SlackNotifier[" + s + "]";
    }

    /** Slack answers errors with a short plain-text code ({@code invalid_payload}, {@code no_service}). */
    private static String readReason(HttpResponse<InputStream> response, Settings s) {
        try (InputStream in = response.body()) {
            byte[] head = in.readNBytes(MAX_REASON_CHARS * 4);
            String text = new String(head, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
            return scrub(SlackMessage.cut(text, MAX_REASON_CHARS), s);
        } catch (IOException e) {
            return "";
        }
    }

    private static String describe(Throwable e, Settings s) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + scrub(message, s));
    }

    /** The cause, unless some message in its chain quotes the webhook URL or its secret path. */
    private static @Nullable Throwable safeCause(Throwable e, Settings s) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !scrub(m, s).equals(m)) {
                return null;
            }
        }
        return e;
    }

    private static String scrub(String text, Settings s) {
        String out = text.replace(s.webhook().toString(), "****");
        String path = s.webhook().getRawPath();
        if (path != null && path.length() > 1) {
            out = out.replace(path, "****");
        }
        return out;
    }

    private static URI parseWebhook(Secret url) {
        URI uri;
        try {
            uri = new URI(url.reveal().trim());
        } catch (URISyntaxException e) {
            // the reason quotes the URL; say where it went wrong only
            throw new PluginConfigurationException(ID, "webhookUrl", "is not a valid URI (problem at index "
                    + e.getIndex() + ")");
        }
        return checkWebhook(uri);
    }

    private static URI checkWebhook(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new PluginConfigurationException(ID, "webhookUrl", "must be an absolute http(s) URL with a host");
        }
        return uri;
    }

    private static @Nullable String blankToNull(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
    }

    /** What a configured notifier holds; the webhook is masked in {@link #toString()}. */
    private record Settings(URI webhook, @Nullable String channel, @Nullable String username, Duration timeout,
            HttpClient client) {

        static Settings of(URI webhook, @Nullable String channel, @Nullable String username, Duration timeout) {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            return new Settings(webhook, channel, username, timeout, client);
        }

        @Override
        public String toString() {
            return "webhookUrl=****, channel=" + (channel == null ? "(webhook default)" : channel) + ", username="
                    + (username == null ? "(webhook default)" : username) + ", timeout=" + timeout;
        }
    }

    /** Builds a configured {@link SlackNotifier} in code. Not thread-safe; the notifier it builds is. */
    public static final class Builder {

        private final URI webhook;
        private @Nullable String channel;
        private @Nullable String username;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        private Builder(URI webhook) {
            this.webhook = webhook;
        }

        /** Posts to {@code channel} (e.g. {@code #billing}) instead of the webhook's default. */
        public Builder channel(String channel) {
            this.channel = blankToNull(Optional.of(Objects.requireNonNull(channel, "channel")));
            return this;
        }

        /** Posts as {@code username} instead of the webhook's default name. */
        public Builder username(String username) {
            this.username = blankToNull(Optional.of(Objects.requireNonNull(username, "username")));
            return this;
        }

        /** Connect and request timeout; positive. */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new PluginConfigurationException(ID, "timeout", "must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** The clock an HTTP-date {@code Retry-After} is measured from; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public SlackNotifier build() {
            return new SlackNotifier(Settings.of(webhook, channel, username, timeout), clock);
        }
    }
}
