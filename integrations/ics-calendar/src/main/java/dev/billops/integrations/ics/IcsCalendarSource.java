package dev.billops.integrations.ics;

import dev.billops.spi.CalendarEvent;
import dev.billops.spi.CalendarReading;
import dev.billops.spi.CalendarSource;
import dev.billops.spi.MalformedCalendarException;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginConfigurationException;
import dev.billops.spi.PluginException;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.Secret;
import dev.billops.spi.TransientPluginException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CalendarSource} reading an RFC 5545 calendar from a file, an {@code http(s)} URL (a
 * Google Calendar "secret address" or an Outlook published calendar) or a string, with ical4j.
 *
 * <p>Every call of {@link #events} reads the calendar again and reports each occurrence that
 * overlaps the range: recurrences expanded (RRULE with COUNT/UNTIL, RDATE, EXDATE), overrides
 * (RECURRENCE-ID) in place of the occurrence they move or cancel, TZIDs resolved as IANA ids,
 * Windows zone names or the file's VTIMEZONE, floating times and dates in the default zone. An
 * occurrence of a recurring event has the uid {@code UID#yyyyMMddTHHmmssZ} (its original start in
 * UTC; {@code UID#yyyyMMdd} for all-day events), the same for an overridden occurrence; other
 * events have their UID. A VEVENT without DTEND lasts its DURATION, else nothing (date-times)
 * or one day (dates). Of several versions of one event the highest SEQUENCE wins.
 *
 * <p>Configuration ({@link #configure}): {@code file} (a path) or {@code url} (http, https or
 * webcal; read as a secret, since feed URLs carry access tokens, and never printed: messages
 * show the scheme and host only), {@code zone} (for floating times and dates; default the
 * calendar's {@code X-WR-TIMEZONE}, else UTC), {@code owner} (the calendar owner's e-mail; an
 * ATTENDEE with it and PARTSTAT=DECLINED marks the event declined) and {@code timeout} (for URLs,
 * default 30 s). The static factories give the same defaults.
 *
 * <p>Throws {@link MalformedCalendarException} (naming the source, the event and the value, and
 * the line for syntax errors) when any part of the calendar cannot be read, so that nothing is
 * imported from a broken file; {@link TransientPluginException} when a URL cannot be reached, times
 * out or answers 429/5xx; {@link PluginException} for other HTTP errors and missing files.
 * Immutable once configured, and thread-safe; {@code with…} methods return new sources.
 * ical4j's network time-zone updates are off.
 */
public final class IcsCalendarSource implements CalendarSource {

    /** The plugin id. */
    public static final String ID = "ics-calendar";

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(IcsCalendarSource.class);
    private static final String TZ_UPDATE = "net.fortuna.ical4j.timezone.update.enabled";

    static {
        // ical4j reads its ical4j.properties first (ours says false too) and then this property
        if (System.getProperty(TZ_UPDATE) == null) {
            System.setProperty(TZ_UPDATE, "false");
        }
    }

    private volatile Settings settings;
    private final int maxOccurrences;

    /** An unconfigured source, for {@link java.util.ServiceLoader}; call {@link #configure} before use. */
    public IcsCalendarSource() {
        this(new Settings(null, null, null, null, null, null, DEFAULT_TIMEOUT));
    }

    private IcsCalendarSource(Settings settings) {
        this(settings, OccurrenceExpander.MAX_OCCURRENCES);
    }

    private IcsCalendarSource(Settings settings, int maxOccurrences) {
        this.settings = settings;
        this.maxOccurrences = maxOccurrences;
    }

    /**
     * This source reading at most {@code max} occurrences of one recurrence rule in a range
     * (default 100,000); of a rule with more, the latest {@code max} are read and
     * {@link #read} warns.
     */
    public IcsCalendarSource withMaxOccurrences(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maximum number of occurrences " + max + " is not positive");
        }
        return new IcsCalendarSource(settings, max);
    }

    /** A source reading {@code file} on every call. */
    public static IcsCalendarSource ofFile(Path file) {
        Objects.requireNonNull(file, "file");
        return new IcsCalendarSource(new Settings(file, null, null, null, null, null, DEFAULT_TIMEOUT));
    }

    /** A source fetching {@code url} (http, https or webcal) on every call; the URL is treated as a secret. */
    public static IcsCalendarSource ofUrl(URI url) {
        Objects.requireNonNull(url, "url");
        return new IcsCalendarSource(new Settings(null, checkedUrl(Secret.of(url.toString()), ID), null, null, null,
                null, DEFAULT_TIMEOUT));
    }

    /** A source of a calendar given as text; {@code sourceName} names it in messages. */
    public static IcsCalendarSource ofText(String sourceName, String icsText) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(icsText, "icsText");
        return new IcsCalendarSource(new Settings(null, null, sourceName, icsText, null, null, DEFAULT_TIMEOUT));
    }

    /** This source with {@code zone} for floating times and dates. */
    public IcsCalendarSource withZone(ZoneId zone) {
        Settings s = settings;
        return new IcsCalendarSource(new Settings(s.file, s.url, s.textName, s.text, Objects.requireNonNull(zone, "zone"),
                s.owner, s.timeout), maxOccurrences);
    }

    /** This source with the calendar owner's e-mail address, which marks the events they declined. */
    public IcsCalendarSource withOwner(String ownerEmail) {
        Objects.requireNonNull(ownerEmail, "ownerEmail");
        Settings s = settings;
        return new IcsCalendarSource(new Settings(s.file, s.url, s.textName, s.text, s.zone, normalizeOwner(ownerEmail),
                s.timeout), maxOccurrences);
    }

    /** This source with {@code timeout} for fetching a URL (connect and whole request). */
    public IcsCalendarSource withTimeout(Duration timeout) {
        Settings s = settings;
        return new IcsCalendarSource(new Settings(s.file, s.url, s.textName, s.text, s.zone, s.owner,
                positive(timeout, "timeout")), maxOccurrences);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void configure(PluginConfig config) {
        Objects.requireNonNull(config, "config");
        String pluginId = config.pluginId().isEmpty() ? ID : config.pluginId();
        Path file = config.has("file") ? config.path("file").orElseThrow() : null;
        Secret url = config.optionalSecret("url").orElse(null);
        if (file == null && url == null) {
            throw new PluginConfigurationException(pluginId, "file", "or 'url' is required");
        }
        if (file != null && url != null) {
            throw new PluginConfigurationException(pluginId, "url", "cannot be combined with 'file'");
        }
        SecretUrl checked = url == null ? null : checkedUrl(url, pluginId);
        ZoneId zone = config.string("zone").map(z -> {
            try {
                return ZoneId.of(z.trim());
            } catch (DateTimeException e) {
                throw new PluginConfigurationException(pluginId, "zone", "is not a time zone id: '" + z + "'");
            }
        }).orElse(null);
        String owner = config.string("owner").map(IcsCalendarSource::normalizeOwner).orElse(null);
        Duration timeout = config.duration("timeout", DEFAULT_TIMEOUT);
        if (timeout.isZero() || timeout.isNegative()) {
            throw new PluginConfigurationException(pluginId, "timeout", "must be positive: '" + timeout + "'");
        }
        settings = new Settings(file, checked, null, null, zone, owner, timeout);
    }

    @Override
    public List<CalendarEvent> events(Instant fromInclusive, Instant toExclusive) {
        return read(fromInclusive, toExclusive).events();
    }

    /**
     * The occurrences overlapping the range, and a warning for every rule with more than
     * {@link #withMaxOccurrences the cap} of occurrences in it (of such a rule only the latest
     * occurrences up to the cap are read).
     */
    @Override
    public CalendarReading read(Instant fromInclusive, Instant toExclusive) {
        Objects.requireNonNull(fromInclusive, "fromInclusive");
        Objects.requireNonNull(toExclusive, "toExclusive");
        if (toExclusive.isBefore(fromInclusive)) {
            throw new IllegalArgumentException("range ends (" + toExclusive + ") before it starts (" + fromInclusive + ")");
        }
        Settings s = settings;
        String source = s.describe();
        String text = load(s, source);
        RawComponent calendar = IcsReader.read(source, text);
        ZoneId zone = s.zone != null ? s.zone : calendarZone(calendar).orElse(ZoneOffset.UTC);
        try {
            OccurrenceExpander expander = new OccurrenceExpander(new ZoneResolver(calendar), zone, s.owner,
                    maxOccurrences);
            List<CalendarEvent> events = expander.occurrences(calendar, fromInclusive, toExclusive);
            LOG.debug("read {} occurrences in [{}, {}) from calendar {}", events.size(), fromInclusive, toExclusive, source);
            return new CalendarReading(events, expander.warnings());
        } catch (CalendarProblem e) {
            throw new MalformedCalendarException(source, e.getMessage(), e);
        } catch (DateTimeException | ArithmeticException e) {
            throw new MalformedCalendarException(source, "a date or duration is out of range ("
                    + CalendarProblem.shown(String.valueOf(e.getMessage())) + ")", e);
        }
    }

    /** DOWN when unconfigured or the file is not readable; URLs are not fetched for a health check. */
    @Override
    public PluginHealth health() {
        Settings s = settings;
        if (s.file == null && s.url == null && s.text == null) {
            return PluginHealth.down("not configured: set 'file' or 'url'");
        }
        if (s.file != null && !Files.isReadable(s.file)) {
            return PluginHealth.down("calendar file " + s.file + " is not readable");
        }
        return PluginHealth.up();
    }

    /** The source and settings, the URL masked. */
    @Override
    public String toString() {
        Settings s = settings;
        return "IcsCalendarSource[" + s.describe() + ", zone=" + (s.zone == null ? "calendar/UTC" : s.zone)
                + (s.owner == null ? "" : ", owner=" + s.owner) + ", timeout=" + s.timeout + "]";
    }

    private static String load(Settings s, String source) {
        if (s.text != null) {
            return s.text;
        }
        if (s.url != null) {
            return new FeedFetcher(ID, s.timeout).fetch(s.url);
        }
        if (s.file == null) {
            throw new PluginConfigurationException(ID, "file", "or 'url' is required (configure() was not called)");
        }
        if (Files.isDirectory(s.file)) {
            throw new PluginException(ID, "calendar file " + source + " is a directory, not an .ics file");
        }
        try {
            return new String(Files.readAllBytes(s.file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PluginException(ID, "calendar file " + s.file + " does not exist");
        } catch (IOException e) {
            throw new TransientPluginException(ID, "calendar file " + s.file + " cannot be read: " + e.getMessage(), null, e);
        }
    }

    private static Optional<ZoneId> calendarZone(RawComponent calendar) {
        return calendar.property("X-WR-TIMEZONE").flatMap(p -> {
            try {
                return Optional.of(ZoneId.of(p.value().trim()));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        });
    }

    private static SecretUrl checkedUrl(Secret url, String pluginId) {
        URI uri;
        try {
            uri = URI.create(url.reveal().trim());
        } catch (IllegalArgumentException e) {
            throw new PluginConfigurationException(pluginId, "url", "is not a URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("webcal")) {
            uri = URI.create("https" + uri.toString().substring(uri.getScheme().length()));
            scheme = "https";
        }
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new PluginConfigurationException(pluginId, "url", "must be an http, https or webcal URL with a host");
        }
        return new SecretUrl(uri, scheme + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + "/****");
    }

    private static String normalizeOwner(String owner) {
        String o = owner.trim();
        return o.regionMatches(true, 0, "mailto:", 0, 7) ? o.substring(7) : o;
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " " + d + " is not positive");
        }
        return d;
    }

    /** A feed URL with the form of it that may be shown. */
    record SecretUrl(URI uri, String masked) {
        @Override
        public String toString() {
            return masked;
        }
    }

    private record Settings(@Nullable Path file, @Nullable SecretUrl url, @Nullable String textName,
            @Nullable String text, @Nullable ZoneId zone, @Nullable String owner, Duration timeout) {

        String describe() {
            if (file != null) {
                String path = file.toString();
                return path.length() <= 80 ? path : "…" + path.substring(path.length() - 79);
            }
            if (url != null) {
                return url.masked();
            }
            return textName != null ? textName : "(not configured)";
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
