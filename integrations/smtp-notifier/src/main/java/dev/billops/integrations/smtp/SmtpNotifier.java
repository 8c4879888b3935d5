package dev.billops.integrations.smtp;

import dev.billops.spi.Notification;
import dev.billops.spi.Notifier;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginConfigurationException;
import dev.billops.spi.PluginException;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.Secret;
import dev.billops.spi.TransientPluginException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each {@link Notification} as one e-mail to its recipients over SMTP: the subject, a
 * UTF-8 plain-text body followed by the facts, and every attachment (the invoice PDF) as a MIME
 * part with its file name and content type.
 *
 * <p>Configuration ({@link #configure}): {@code host} (required), {@code port} (default 465 with
 * {@code ssl}, 587 with {@code starttls}, else 25), {@code from} (required, e.g.
 * {@code "ACME Billing <billing@acme.example>"}), {@code username} and the secret
 * {@code password} (SMTP AUTH, both or neither), {@code starttls} (upgrade the connection, and
 * refuse to send if the server cannot), {@code ssl} (TLS from the first byte), {@code sslTrust}
 * (hosts whose certificate is trusted without the JDK trust store, {@code *} for all; for relays
 * with private certificates) and {@code timeout} (connect, read and write; default 10 s). Hosts
 * building plugins in code use {@link #host(String)}.
 *
 * <p>{@link #send} connects, sends and disconnects once per notification and never retries
 * itself. A notification without recipients, or with an address that is not an e-mail address,
 * throws {@link PluginException} before connecting. An unreachable server, a timeout or a 4yz
 * SMTP reply throws {@link dev.billops.spi.TransientPluginException} (the registry retries);
 * refused authentication, TLS failures and 5yz replies throw {@link PluginException}. Jakarta Mail
 * sends to every recipient or to none (a rejected recipient fails the whole message), so a retry
 * never sends twice to anyone. The password appears in no log line, message or {@code toString}.
 *
 * <p>Thread-safe after configuration; concurrent sends use separate connections.
 */
public final class SmtpNotifier implements Notifier {

    /** The plugin id, {@value}. */
    public static final String ID = "smtp";
    /** The timeout when none is configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(SmtpNotifier.class);

    private volatile @Nullable Settings settings;

    /** An unconfigured notifier, for {@link java.util.ServiceLoader}; {@link #configure} must follow. */
    public SmtpNotifier() {
    }

    private SmtpNotifier(Settings settings) {
        this.settings = settings;
    }

    /** A builder of a notifier sending through the SMTP server at {@code host}. */
    public static Builder host(String host) {
        return new Builder(requireHost(Objects.requireNonNull(host, "host")));
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Reads {@code host}, {@code port}, {@code from}, {@code username}, {@code password}
     * (secret), {@code starttls}, {@code ssl}, {@code sslTrust} and {@code timeout}; throws
     * {@link PluginConfigurationException} naming the key, never the password.
     */
    @Override
    public void configure(PluginConfig config) {
        Objects.requireNonNull(config, "config");
        Builder b = host(requireHost(config.requireString("host")))
                .from(config.requireString("from"))
                .starttls(config.bool("starttls", false))
                .ssl(config.bool("ssl", false))
                .timeout(config.duration("timeout", DEFAULT_TIMEOUT));
        if (config.has("port")) {
            b.port(config.integer("port", 0));
        }
        Optional<String> username = config.string("username").map(String::strip).filter(u -> !u.isEmpty());
        Optional<Secret> password = config.optionalSecret("password");
        if (username.isPresent() != password.isPresent()) {
            String missing = username.isPresent() ? "password" : "username";
            throw new PluginConfigurationException(ID, missing, "is required when "
                    + (username.isPresent() ? "username" : "password") + " is set");
        }
        if (username.isPresent()) {
            b.credentials(username.get(), password.get());
        }
        config.string("sslTrust").map(String::strip).filter(t -> !t.isEmpty()).ifPresent(b::sslTrust);
        this.settings = b.settings();
    }

    /**
     * Connects to the server (TLS and AUTH as configured) and disconnects without sending: UP
     * when that works, DEGRADED when it fails in a way that may pass (unreachable, timeout, 4yz),
     * DOWN when it cannot work as configured (authentication refused, TLS, 5yz) or before
     * {@link #configure}. Each call opens one connection.
     */
    @Override
    public PluginHealth health() {
        Settings s = settings;
        if (s == null) {
            return PluginHealth.down("not configured: host and from missing");
        }
        String what = "connecting to " + s.host() + ":" + s.port();
        try {
            Transport transport = s.session().getTransport("smtp");
            try {
                transport.connect(s.host(), s.port(), s.username(),
                        s.password() == null ? null : s.password().reveal());
                requireAuthOffered(transport, s, what);
            } finally {
                closeQuietly(transport, "the health check");
            }
            return new PluginHealth(PluginHealth.Status.UP, "connected to " + s.host() + ":" + s.port(), 0, null,
                    null);
        } catch (MessagingException e) {
            PluginException failure = SmtpFailures.classify(e, what, s.username());
            return new PluginHealth(failure instanceof TransientPluginException ? PluginHealth.Status.DEGRADED
                    : PluginHealth.Status.DOWN, failure.getMessage(), 0, null, null);
        } catch (PluginException e) {
            return PluginHealth.down(e.getMessage());
        }
    }

    @Override
    public void send(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        Settings s = settings;
        if (s == null) {
            throw new PluginException(ID, "not configured: call configure() with host and from first");
        }
        List<InternetAddress> to = recipients(notification);
        String what = "sending '" + notification.subject() + "' to " + to.size() + " recipient(s) via " + s.host()
                + ":" + s.port();
        try {
            MimeMessage message = MailMessages.build(s.session(), s.from(), to, notification, s.clock().instant());
            Transport transport = s.session().getTransport("smtp");
            try {
                transport.connect(s.host(), s.port(), s.username(),
                        s.password() == null ? null : s.password().reveal());
                requireAuthOffered(transport, s, what);
                transport.sendMessage(message, message.getAllRecipients());
            } finally {
                closeQuietly(transport, "'" + notification.subject() + "'");
            }
            log.debug("smtp: sent '{}' ({} attachment(s)) to {} recipient(s) via {}:{}", notification.subject(),
                    notification.attachments().size(), to.size(), s.host(), s.port());
        } catch (MessagingException e) {
            throw SmtpFailures.classify(e, what, s.username());
        }
    }

    /**
     * Jakarta Mail skips authentication when the server does not offer AUTH and sends anyway;
     * with credentials configured that is a downgrade (an AUTH line stripped on the way), so it
     * is refused instead.
     */
    private static void requireAuthOffered(Transport transport, Settings s, String what) {
        if (s.username() != null && transport instanceof SMTPTransport smtp && !smtp.supportsExtension("AUTH")
                && !smtp.supportsExtension("AUTH=LOGIN")) {
            throw new PluginException(ID, what + ": credentials are configured but the server offers no AUTH; "
                    + "refusing to send unauthenticated (check the port and starttls); not retried");
        }
    }

    /**
     * Closes after the send, whatever happened: a failed QUIT after an accepted message must not
     * turn a delivered e-mail into an error that the registry would retry, sending it twice.
     */
    private static void closeQuietly(Transport transport, String after) {
        try {
            transport.close();
        } catch (MessagingException e) {
            log.debug("smtp: closing the connection after {} failed: {}", after, e.getMessage());
        }
    }

    private static List<InternetAddress> recipients(Notification n) {
        if (n.recipients().isEmpty()) {
            throw new PluginException(ID, "notification '" + n.subject() + "' has no recipients; nothing sent");
        }
        List<InternetAddress> out = new ArrayList<>(n.recipients().size());
        for (String r : n.recipients()) {
            try {
                InternetAddress a = new InternetAddress(r, true);
                a.validate();
                if (a.isGroup() || !a.getAddress().contains("@")) {
                    throw new AddressException("not a mailbox");
                }
                out.add(a);
            } catch (AddressException e) {
                throw new PluginException(ID, "recipient '" + r + "' of '" + n.subject()
                        + "' is not a valid e-mail address (" + e.getMessage() + "); nothing sent");
            }
        }
        return out;
    }

    /** The settings, password masked. */
    @Override
    public String toString() {
        Settings s = settings;
        return s == null ? "SmtpNotifier[not configured]" : "SmtpNotifier[" + s + "]";
    }

    private static String requireHost(String host) {
        String h = host.strip();
        if (h.isEmpty() || h.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '@')) {
            throw new PluginConfigurationException(ID, "host", "is not a host name: '" + host + "'");
        }
        return h;
    }

    /** A configured notifier's connection settings and its mail session. */
    private record Settings(String host, int port, InternetAddress from, @Nullable String username,
            @Nullable Secret password, boolean starttls, boolean ssl, @Nullable String sslTrust, Duration timeout,
            Session session, Clock clock) {

        @Override
        public String toString() {
            return "host=" + host + ", port=" + port + ", from=" + from.toUnicodeString() + ", username="
                    + (username == null ? "(none)" : username) + ", password=" + (password == null ? "(none)" : "****")
                    + ", security=" + (ssl ? "ssl" : starttls ? "starttls" : "none") + ", timeout=" + timeout;
        }
    }

    /** Builds a configured {@link SmtpNotifier} in code. Not thread-safe; the notifier it builds is. */
    public static final class Builder {

        private final String host;
        private int port;
        private @Nullable InternetAddress from;
        private @Nullable String username;
        private @Nullable Secret password;
        private boolean starttls;
        private boolean ssl;
        private @Nullable String sslTrust;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        private Builder(String host) {
            this.host = host;
        }

        /** The server port, 1–65535; by default 465 with {@link #ssl}, 587 with {@link #starttls}, else 25. */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new PluginConfigurationException(ID, "port", "is not a port number (1-65535): " + port);
            }
            this.port = port;
            return this;
        }

        /** The sender, e.g. {@code "ACME Billing <billing@acme.example>"}; required. */
        public Builder from(String from) {
            Objects.requireNonNull(from, "from");
            try {
                InternetAddress a = new InternetAddress(from, true);
                a.validate();
                this.from = a;
            } catch (AddressException e) {
                throw new PluginConfigurationException(ID, "from", "is not an e-mail address: '" + from + "' ("
                        + e.getMessage() + ")");
            }
            return this;
        }

        /** Authenticates (SMTP AUTH) as {@code username} with {@code password}. */
        public Builder credentials(String username, Secret password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Upgrades the connection with STARTTLS and refuses to send in the clear if the server cannot. */
        public Builder starttls(boolean starttls) {
            this.starttls = starttls;
            return this;
        }

        /** Speaks TLS from the first byte (SMTPS, usually port 465). */
        public Builder ssl(boolean ssl) {
            this.ssl = ssl;
            return this;
        }

        /**
         * Trusts the certificates of these space-separated hosts ({@code *} for any) without the
         * JDK trust store; for relays with private certificates. The host name is still checked.
         */
        public Builder sslTrust(String hosts) {
            this.sslTrust = Objects.requireNonNull(hosts, "hosts");
            return this;
        }

        /** Connect, read and write timeout; positive. */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new PluginConfigurationException(ID, "timeout", "must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** The clock of the messages' {@code Date} header; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public SmtpNotifier build() {
            return new SmtpNotifier(settings());
        }

        Settings settings() {
            if (from == null) {
                throw new PluginConfigurationException(ID, "from", "is required");
            }
            if (ssl && starttls) {
                throw new PluginConfigurationException(ID, "ssl", "and starttls exclude each other: choose one");
            }
            int p = port != 0 ? port : ssl ? 465 : starttls ? 587 : 25;
            return new Settings(host, p, from, username, password, starttls, ssl, sslTrust, timeout,
                    Session.getInstance(properties(p)), clock);
        }

        private Properties properties(int p) {
            String millis = Long.toString(Math.max(1, timeout.toMillis()));
            Properties props = new Properties();
            props.setProperty("mail.smtp.host", host);
            props.setProperty("mail.smtp.port", Integer.toString(p));
            props.setProperty("mail.smtp.from", Objects.requireNonNull(from).getAddress());
            props.setProperty("mail.smtp.connectiontimeout", millis);
            props.setProperty("mail.smtp.timeout", millis);
            props.setProperty("mail.smtp.writetimeout", millis);
            props.setProperty("mail.smtp.auth", Boolean.toString(username != null));
            props.setProperty("mail.smtp.ssl.enable", Boolean.toString(ssl));
            props.setProperty("mail.smtp.starttls.enable", Boolean.toString(starttls));
            props.setProperty("mail.smtp.starttls.required", Boolean.toString(starttls));
            props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            if (sslTrust != null) {
                props.setProperty("mail.smtp.ssl.trust", sslTrust);
            }
            // all recipients or none: a retry after a rejected recipient never sends twice
            props.setProperty("mail.smtp.sendpartial", "false");
            return props;
        }
    }
}
