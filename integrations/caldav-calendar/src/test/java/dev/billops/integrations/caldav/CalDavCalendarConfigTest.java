package dev.billops.integrations.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.time.InvalidRangeException;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginConfigurationException;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration of the plugin: each bad value refused naming its key, the password never shown. */
class CalDavCalendarConfigTest {

    static PluginConfig config(Map<String, String> values) {
        return PluginConfig.of(CalDavCalendar.ID, values).withSecret("password", "s3cr3t-pw");
    }

    static PluginConfigurationException refused(PluginConfig config) {
        return assertThrows(PluginConfigurationException.class, () -> new CalDavCalendar().configure(config));
    }

    @Test
    void configure_allKeys_configuresAndNormalizesTheCollectionUrl() {
        CalDavCalendar calendar = new CalDavCalendar();
        calendar.configure(config(Map.of("url", "https://dav.example.com/alice/work", "username", "alice",
                "zone", "Europe/Berlin", "timeout", "5s", "max-response-bytes", "100000",
                "include-written-back", "true")));

        assertEquals(URI.create("https://dav.example.com/alice/work/"), calendar.collection());
        assertTrue(calendar.toString().contains("user=alice"), calendar.toString());
        assertFalse(calendar.toString().contains("s3cr3t-pw"), calendar.toString());
    }

    @Test
    void configure_missingUrlUsernameOrPassword_refusedNamingTheKey() {
        assertEquals("url", refused(config(Map.of("username", "alice"))).key());
        assertEquals("username", refused(config(Map.of("url", "https://dav.example.com/c/"))).key());
        assertEquals("password", assertThrows(PluginConfigurationException.class, () -> new CalDavCalendar()
                .configure(PluginConfig.of(CalDavCalendar.ID, Map.of("url", "https://dav.example.com/c/",
                        "username", "alice")))).key());
    }

    @Test
    void configure_badUrls_refusedNamingTheValue() {
        assertTrue(refused(config(Map.of("url", "ftp://dav.example.com/c/", "username", "alice"))).getMessage()
                .contains("ftp://dav.example.com/c/"));
        assertEquals("url", refused(config(Map.of("url", "https://alice:pw@dav.example.com/c/", "username", "alice")))
                .key());
        assertEquals("url", refused(config(Map.of("url", "https://dav.example.com/c/?x=1", "username", "alice"))).key());
        assertEquals("url", refused(config(Map.of("url", "not a uri", "username", "alice"))).key());
    }

    @Test
    void configure_plainHttpToAnotherHost_refusedUnlessAllowed() {
        PluginConfigurationException e = refused(config(Map.of("url", "http://dav.example.com/c/", "username", "alice")));
        assertEquals("url", e.key());
        assertTrue(e.getMessage().contains("unencrypted"), e.getMessage());

        CalDavCalendar allowed = new CalDavCalendar();
        allowed.configure(config(Map.of("url", "http://dav.example.com/c/", "username", "alice",
                "allow-plain-http", "true")));
        assertEquals(URI.create("http://dav.example.com/c/"), allowed.collection());
        assertEquals(URI.create("http://127.0.0.1:5232/c/"),
                CalDavCalendar.of(URI.create("http://127.0.0.1:5232/c"), "alice", Secret.of("pw")).collection());
    }

    @Test
    void configure_badUsernameZoneTimeoutOrBound_refusedNamingTheKey() {
        assertEquals("username", refused(config(Map.of("url", "https://d.example/c/", "username", "al:ice"))).key());
        assertEquals("zone", refused(config(Map.of("url", "https://d.example/c/", "username", "alice",
                "zone", "Mars/Olympus"))).key());
        assertEquals("timeout", refused(config(Map.of("url", "https://d.example/c/", "username", "alice",
                "timeout", "0s"))).key());
        assertEquals("max-response-bytes", refused(config(Map.of("url", "https://d.example/c/", "username", "alice",
                "max-response-bytes", "10"))).key());
    }

    @Test
    void unconfigured_healthDownAndUseRefused() {
        CalDavCalendar calendar = new CalDavCalendar();

        assertEquals(PluginHealth.Status.DOWN, calendar.health().status());
        assertThrows(PluginConfigurationException.class,
                () -> CalendarWriteBack.to(calendar, WriteBackState.inMemory()));
        assertThrows(PluginConfigurationException.class, () -> calendar.events(Instant.EPOCH, Instant.EPOCH));
    }

    @Test
    void events_reversedOrOutOfRangeInterval_refusedBeforeAnyRequest() {
        CalDavCalendar calendar = CalDavCalendar.of(URI.create("http://127.0.0.1:9/c/"), "alice", Secret.of("pw"));

        assertThrows(InvalidRangeException.class,
                () -> calendar.events(Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z")));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> calendar.events(Instant.parse("2026-11-01T00:00:00Z"), Instant.MAX));
        assertTrue(e.getMessage().contains(Instant.MAX.toString()), e.getMessage());
    }

    @Test
    void withers_badValues_refused() {
        CalDavCalendar calendar = CalDavCalendar.of(URI.create("https://d.example/c/"), "alice", Secret.of("pw"));

        assertThrows(InvalidInputException.class, () -> calendar.withTimeout(java.time.Duration.ZERO));
        assertThrows(InvalidInputException.class, () -> calendar.withMaxResponseBytes(100));
    }
}
