package dev.billops.integrations.ics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.spi.CalendarSource;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginConfigurationException;
import dev.billops.spi.PluginHealth;
import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.util.Configurator;
import org.junit.jupiter.api.Test;

class IcsCalendarSourceConfigTest {

    @Test
    void serviceLoader_findsIcsCalendarSource() {
        List<String> ids = ServiceLoader.load(CalendarSource.class).stream().map(p -> p.get().id()).toList();

        assertTrue(ids.contains("ics-calendar"), ids.toString());
    }

    @Test
    void configure_file_readsIt() {
        IcsCalendarSource source = new IcsCalendarSource();
        assertEquals(PluginHealth.Status.DOWN, source.health().status());

        source.configure(PluginConfig.of("ics-calendar", Map.of("file",
                IcsCalendarSourceTest.resource("updated-v1.ics").toString(), "zone", "Europe/Berlin")));

        assertEquals(1, source.events(IcsCalendarSourceTest.OCT_1, IcsCalendarSourceTest.DEC_1).size());
        assertEquals(PluginHealth.Status.UP, source.health().status());
    }

    @Test
    void configure_neitherFileNorUrl_throwsNamingTheKeys() {
        PluginConfigurationException e = assertThrows(PluginConfigurationException.class,
                () -> new IcsCalendarSource().configure(PluginConfig.of("ics-calendar", Map.of("zone", "UTC"))));

        assertEquals("file", e.key());
        assertTrue(e.getMessage().contains("'file' or 'url' is required"), e.getMessage());
    }

    @Test
    void configure_badZone_throwsNamingTheValue() {
        PluginConfigurationException e = assertThrows(PluginConfigurationException.class,
                () -> new IcsCalendarSource().configure(PluginConfig.of("ics-calendar", Map.of("file", "x.ics", "zone",
                        "Mars/Olympus"))));

        assertEquals("zone", e.key());
        assertTrue(e.getMessage().contains("'Mars/Olympus'"), e.getMessage());
    }

    @Test
    void configure_ftpUrl_throwsWithoutPrintingTheUrl() {
        PluginConfigurationException e = assertThrows(PluginConfigurationException.class,
                () -> new IcsCalendarSource().configure(PluginConfig.of("ics-calendar", Map.of())
                        .withSecret("url", "ftp://files.example.test/s3cr3t/cal.ics")));

        assertEquals("url", e.key());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    }

    @Test
    void configure_fileAndUrl_rejected() {
        assertThrows(PluginConfigurationException.class, () -> new IcsCalendarSource().configure(
                PluginConfig.of("ics-calendar", Map.of("file", "a.ics")).withSecret("url", "https://example.test/a.ics")));
    }

    @Test
    void ical4jTimeZoneUpdates_areOff_noConnectionWhenLoadingBundledZones() {
        new IcsCalendarSource(); // our static initializer runs first, as in production
        List<URI> connections = Collections.synchronizedList(new ArrayList<>());
        ProxySelector previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                connections.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        });
        try {
            // ical4j's updater would fetch the TZURL (tzurl.org) of a bundled zone when it is loaded;
            // Pacific/Chatham is loaded by no other test, so this load is the first in the JVM
            TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
            assertNotNull(registry.getTimeZone("Pacific/Chatham"));
        } finally {
            ProxySelector.setDefault(previous);
        }

        assertEquals(List.of(), connections);
        assertEquals(Optional.of("false"), Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled"));
    }

    @Test
    void ical4jProperties_shippedInTheJar_turnUpdatesOff() throws IOException {
        try (InputStream in = IcsCalendarSource.class.getResourceAsStream("/ical4j.properties")) {
            assertNotNull(in);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("net.fortuna.ical4j.timezone.update.enabled=false"), text);
        }
    }
}
