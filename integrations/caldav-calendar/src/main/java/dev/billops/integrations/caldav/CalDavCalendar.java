package dev.billops.integrations.caldav;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.time.InvalidRangeException;
import dev.billops.integrations.caldav.CalDavResponseRefusedException.Reason;
import dev.billops.integrations.ics.IcsCalendarSource;
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
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CalDAV calendar collection (RFC 4791), e.g. a Nextcloud, Radicale, Fastmail or iCloud
 * calendar: read as a {@link CalendarSource}, and written by {@link CalendarWriteBack}.
 *
 * <pre>{@code
 * CalDavCalendar team = CalDavCalendar.of(URI.create("https://dav.example.com/alice/work/"), "alice",
 *         Secret.of(password)).withZone(ZoneId.of("Europe/Berlin"));
 * List<CalendarEvent> november = team.events(from, to);
 * }</pre>
 *
 * <p>{@link #read} sends a calendar-query REPORT with a time range and parses each resource's
 * calendar data with the ICS source ({@link IcsCalendarSource}: recurrences expanded, TZIDs
 * resolved, uids per occurrence as it documents them). Events that {@link CalendarWriteBack}
 * wrote from time entries (they carry {@code X-BILLOPS-ENTRY}) are left out, so that importing
 * the calendar never turns a time entry into a second one; {@link #includingWrittenBack()} keeps them.
 *
 * <p>Configuration ({@link #configure}): {@code url} (the collection, http or https; plain http
 * only to a loopback address unless {@code allow-plain-http} is true, since Basic credentials
 * travel with every request), {@code username}, {@code password} (a secret), {@code zone} and
 * {@code owner} (as for the ICS source), {@code timeout} (default 30 s, each request as a whole),
 * {@code max-response-bytes} (default 16 MiB) and {@code include-written-back} (default false).
 *
 * <p>Throws {@link CalDavAuthenticationFailedException} when the server refuses the credentials,
 * {@link CalDavResponseRefusedException} for responses that are too large, not XML, or XML with a
 * DTD, {@link CalDavRequestFailedException} for other refusals (a missing collection, a redirect),
 * {@link TransientPluginException} for network failures, timeouts, 429 and 5xx, and
 * {@link MalformedCalendarException} when a resource's calendar data cannot be read (nothing is
 * returned then). Immutable once configured and thread-safe; {@code with…} methods return new
 * calendars.
 */
public final class CalDavCalendar implements CalendarSource {

    /** The plugin id. */
    public static final String ID = "caldav-calendar";
    /** Default bound of a response body (16 MiB). */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
    /** Default timeout of one request, from sending to the last byte of the response. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(CalDavCalendar.class);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final String PROPFIND_COLLECTION = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<D:propfind xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:prop>"
            + "<D:resourcetype/><D:displayname/><C:supported-calendar-component-set/></D:prop></D:propfind>";

    private volatile @Nullable Settings settings;

    /** An unconfigured calendar, for {@link java.util.ServiceLoader}; call {@link #configure} before use. */
    public CalDavCalendar() {
    }

    private CalDavCalendar(Settings settings) {
        this.settings = settings;
    }

    /**
     * The collection at {@code collection} (its trailing slash added if missing), read and written
     * as {@code username}.
     *
     * @throws PluginConfigurationException if the URL is not http(s), carries user info, a query or
     *         a fragment, is plain http to a non-loopback host, or the username is empty or has a colon
     */
    public static CalDavCalendar of(URI collection, String username, Secret password) {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        return new CalDavCalendar(new Settings(checkedUrl(ID, collection.toString(), false), checkedUser(ID, username),
                password, null, null, DEFAULT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES, false));
    }

    /**
     * This calendar allowing a plain-http URL to a host that is not a loopback address (Basic
     * credentials then cross the network unencrypted).
     */
    public static CalDavCalendar ofPlainHttp(URI collection, String username, Secret password) {
        Objects.requireNonNull(collection, "collection");
        return new CalDavCalendar(new Settings(checkedUrl(ID, collection.toString(), true), checkedUser(ID, username),
                Objects.requireNonNull(password, "password"), null, null, DEFAULT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES,
                false));
    }

    /** This calendar with {@code zone} for floating times and dates of the events read. */
    public CalDavCalendar withZone(ZoneId zone) {
        Settings s = configured();
        return new CalDavCalendar(new Settings(s.collection, s.username, s.password, Objects.requireNonNull(zone, "zone"),
                s.owner, s.timeout, s.maxBytes, s.includeWrittenBack));
    }

    /** This calendar with the owner's e-mail address, which marks the events they declined. */
    public CalDavCalendar withOwner(String ownerEmail) {
        Settings s = configured();
        return new CalDavCalendar(new Settings(s.collection, s.username, s.password, s.zone,
                Objects.requireNonNull(ownerEmail, "ownerEmail"), s.timeout, s.maxBytes, s.includeWrittenBack));
    }

    /** This calendar with {@code timeout} for each request (connect, send, and read the whole response). */
    public CalDavCalendar withTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new InvalidInputException("CalDAV timeout " + timeout + " is not positive");
        }
        Settings s = configured();
        return new CalDavCalendar(new Settings(s.collection, s.username, s.password, s.zone, s.owner, timeout,
                s.maxBytes, s.includeWrittenBack));
    }

    /** This calendar refusing response bodies larger than {@code maxBytes}. */
    public CalDavCalendar withMaxResponseBytes(int maxBytes) {
        if (maxBytes < 1024) {
            throw new InvalidInputException("CalDAV response bound " + maxBytes + " bytes is below the minimum 1024");
        }
        Settings s = configured();
        return new CalDavCalendar(new Settings(s.collection, s.username, s.password, s.zone, s.owner, s.timeout,
                maxBytes, s.includeWrittenBack));
    }

    /** This calendar also reporting the events {@link CalendarWriteBack} wrote from time entries. */
    public CalDavCalendar includingWrittenBack() {
        Settings s = configured();
        return new CalDavCalendar(new Settings(s.collection, s.username, s.password, s.zone, s.owner, s.timeout,
                s.maxBytes, true));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void configure(PluginConfig config) {
        Objects.requireNonNull(config, "config");
        String pluginId = config.pluginId().isEmpty() ? ID : config.pluginId();
        boolean plainHttp = config.bool("allow-plain-http", false);
        URI collection = checkedUrl(pluginId, config.requireString("url"), plainHttp);
        String username = checkedUser(pluginId, config.requireString("username"));
        Secret password = config.secret("password");
        ZoneId zone = config.string("zone").map(z -> {
            try {
                return ZoneId.of(z.trim());
            } catch (DateTimeException e) {
                throw new PluginConfigurationException(pluginId, "zone", "is not a time zone id: '" + z + "'");
            }
        }).orElse(null);
        String owner = config.string("owner").orElse(null);
        Duration timeout = config.duration("timeout", DEFAULT_TIMEOUT);
        if (timeout.isZero() || timeout.isNegative()) {
            throw new PluginConfigurationException(pluginId, "timeout", "must be positive: '" + timeout + "'");
        }
        int maxBytes = config.integer("max-response-bytes", DEFAULT_MAX_RESPONSE_BYTES);
        if (maxBytes < 1024) {
            throw new PluginConfigurationException(pluginId, "max-response-bytes", "must be at least 1024: '"
                    + maxBytes + "'");
        }
        settings = new Settings(collection, username, password, zone, owner, timeout, maxBytes,
                config.bool("include-written-back", false));
    }

    /** The collection's URL, with its trailing slash. */
    public URI collection() {
        return configured().collection;
    }

    @Override
    public List<CalendarEvent> events(Instant fromInclusive, Instant toExclusive) {
        return read(fromInclusive, toExclusive).events();
    }

    /**
     * Every occurrence overlapping {@code [fromInclusive, toExclusive)} of the collection's events
     * (sorted by start, then uid), with the ICS source's warnings; events written back from time
     * entries only if {@link #includingWrittenBack()}.
     *
     * @throws InvalidRangeException if the range ends before it starts
     * @throws InvalidInputException if the range reaches outside the years 1 to 9999
     */
    @Override
    public CalendarReading read(Instant fromInclusive, Instant toExclusive) {
        Objects.requireNonNull(fromInclusive, "fromInclusive");
        Objects.requireNonNull(toExclusive, "toExclusive");
        if (toExclusive.isBefore(fromInclusive)) {
            throw new InvalidRangeException(fromInclusive, toExclusive);
        }
        Settings s = configured();
        List<CalendarEvent> events = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int ownSkipped = 0;
        for (DavResource r : query(fromInclusive, toExclusive)) {
            String data = r.calendarData();
            if (!s.includeWrittenBack && XProperties.value(data, EventText.X_ENTRY).isPresent()) {
                ownSkipped++;
                continue;
            }
            IcsCalendarSource source = IcsCalendarSource.ofText(r.href().toString(), data);
            if (s.zone != null) {
                source = source.withZone(s.zone);
            }
            if (s.owner != null) {
                source = source.withOwner(s.owner);
            }
            CalendarReading one = source.read(fromInclusive, toExclusive);
            events.addAll(one.events());
            warnings.addAll(one.warnings());
        }
        events.sort(Comparator.comparing(CalendarEvent::start).thenComparing(CalendarEvent::uid));
        LOG.debug("read {} occurrences in [{}, {}) from {} ({} written-back events left out)", events.size(),
                fromInclusive, toExclusive, s.collection, ownSkipped);
        return new CalendarReading(events, warnings);
    }

    /**
     * UP when the URL is a calendar collection the credentials can read (one PROPFIND); DOWN with
     * the reason otherwise.
     */
    @Override
    public PluginHealth health() {
        Settings s = settings;
        if (s == null) {
            return PluginHealth.down("not configured: set 'url', 'username' and 'password'");
        }
        try {
            List<DavResource> found = s.client.propfind(s.collection, 0, PROPFIND_COLLECTION);
            if (found.isEmpty()) {
                return PluginHealth.down("collection " + s.collection + " does not exist");
            }
            if (found.stream().noneMatch(DavResource::isCalendar)) {
                return PluginHealth.down(s.collection + " is not a calendar collection");
            }
            return PluginHealth.up();
        } catch (PluginException e) {
            return PluginHealth.down(e.getMessage());
        }
    }

    /** The collection, the user and the settings; never the password. */
    @Override
    public String toString() {
        Settings s = settings;
        if (s == null) {
            return "CalDavCalendar[not configured]";
        }
        return "CalDavCalendar[" + s.collection + ", user=" + s.username + ", zone="
                + (s.zone == null ? "calendar/UTC" : s.zone) + ", timeout=" + s.timeout + ", maxResponseBytes="
                + s.maxBytes + (s.includeWrittenBack ? ", including written-back events" : "") + "]";
    }

    DavClient client() {
        return configured().client;
    }

    /** The resource of the event written for {@code entry} of {@code tenant}: {@code billops-<tenant>~<entry>.ics}. */
    URI resourceOf(TenantId tenant, TimeEntryId entry) {
        return configured().collection.resolve(resourceName(tenant, entry).replace(":", "%3A"));
    }

    static String resourceName(TenantId tenant, TimeEntryId entry) {
        return uidOf(tenant, entry) + ".ics";
    }

    /** The UID of the event written for {@code entry}; ids have no {@code ~}, so the two parts stay apart. */
    static String uidOf(TenantId tenant, TimeEntryId entry) {
        return "billops-" + tenant.value() + "~" + entry.value();
    }

    /**
     * The calendar objects with a VEVENT overlapping the range (a calendar-query REPORT), each with
     * its calendar data.
     *
     * @throws CalDavResponseRefusedException if a resource comes without calendar data
     */
    List<DavResource> query(Instant fromInclusive, Instant toExclusive) {
        if (fromInclusive.isBefore(EARLIEST) || toExclusive.isAfter(LATEST)) {
            throw new InvalidInputException("calendar range " + fromInclusive + " .. " + toExclusive
                    + " reaches outside the years 1 to 9999 that iCalendar can hold");
        }
        Settings s = configured();
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<C:calendar-query xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
                + "<D:prop><D:getetag/><C:calendar-data/></D:prop>"
                + "<C:filter><C:comp-filter name=\"VCALENDAR\"><C:comp-filter name=\"VEVENT\">"
                + "<C:time-range start=\"" + utc(fromInclusive) + "\" end=\"" + utc(toExclusive) + "\"/>"
                + "</C:comp-filter></C:comp-filter></C:filter></C:calendar-query>";
        List<DavResource> out = new ArrayList<>();
        for (DavResource r : s.client.report(xml)) {
            if (r.status() == 404) {
                continue; // a resource removed while the server answered
            }
            if (r.status() != 200 || r.calendarData() == null || r.etag() == null) {
                throw new CalDavResponseRefusedException(ID, s.collection.toString(), Reason.MALFORMED_XML,
                        "the response for " + Multistatus.shorten(r.href().toString()) + " has status " + r.status()
                                + (r.calendarData() == null ? " and no calendar data" : "")
                                + (r.etag() == null ? " and no ETag" : ""));
            }
            if (r.href().normalize().equals(s.collection.normalize())) {
                continue;
            }
            out.add(r);
        }
        return out;
    }

    private Settings configured() {
        Settings s = settings;
        if (s == null) {
            throw new PluginConfigurationException(ID, "url", "is required (configure() was not called)");
        }
        return s;
    }

    private static String utc(Instant instant) {
        return UTC.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static URI checkedUrl(String pluginId, String value, boolean plainHttp) {
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new PluginConfigurationException(pluginId, "url", "is not a URI: '" + Multistatus.shorten(value) + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new PluginConfigurationException(pluginId, "url", "must be an http or https URL with a host: '"
                    + Multistatus.shorten(value) + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new PluginConfigurationException(pluginId, "url", "must not carry user info; set 'username' and "
                    + "'password' instead");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new PluginConfigurationException(pluginId, "url", "must not have a query or fragment: '"
                    + Multistatus.shorten(value) + "'");
        }
        if (scheme.equals("http") && !plainHttp && !isLoopback(uri.getHost())) {
            throw new PluginConfigurationException(pluginId, "url", "is plain http to " + uri.getHost()
                    + ", which would send the password unencrypted; use https (or set allow-plain-http)");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    private static String checkedUser(String pluginId, String username) {
        if (username.isEmpty() || username.indexOf(':') >= 0 || username.chars().anyMatch(Character::isISOControl)) {
            throw new PluginConfigurationException(pluginId, "username", "must be non-empty, without ':' or control "
                    + "characters: '" + Multistatus.shorten(username) + "'");
        }
        return username;
    }

    /** Everything a configured calendar needs, with its HTTP client. */
    private static final class Settings {
        final URI collection;
        final String username;
        final Secret password;
        final @Nullable ZoneId zone;
        final @Nullable String owner;
        final Duration timeout;
        final int maxBytes;
        final boolean includeWrittenBack;
        final DavClient client;

        Settings(URI collection, String username, Secret password, @Nullable ZoneId zone, @Nullable String owner,
                Duration timeout, int maxBytes, boolean includeWrittenBack) {
            this.collection = collection;
            this.username = username;
            this.password = password;
            this.zone = zone;
            this.owner = owner;
            this.timeout = timeout;
            this.maxBytes = maxBytes;
            this.includeWrittenBack = includeWrittenBack;
            this.client = new DavClient(ID, collection, username, password, timeout, maxBytes);
        }
    }
}
