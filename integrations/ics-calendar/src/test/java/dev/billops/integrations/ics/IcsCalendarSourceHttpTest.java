package dev.billops.integrations.ics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.billops.spi.CalendarEvent;
import dev.billops.spi.CalendarSource;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginException;
import dev.billops.spi.TransientPluginException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The URL source against a JDK HttpServer on loopback. */
class IcsCalendarSourceHttpTest {

    static final String TOKEN = "s3cr3t-token-4b1d";
    static final Instant OCT_1 = IcsCalendarSourceTest.OCT_1;
    static final Instant DEC_1 = IcsCalendarSourceTest.DEC_1;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile String lastAccept = "";

    @BeforeEach
    void start() throws IOException {
        byte[] calendar = Files.readAllBytes(IcsCalendarSourceTest.resource("google-export.ics"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/calendar/ical/" + TOKEN + "/basic.ics", ex -> {
            lastAccept = Optional.ofNullable(ex.getRequestHeaders().getFirst("Accept")).orElse("");
            respond(ex, 200, calendar);
        });
        server.createContext("/calendar/ical/" + TOKEN + "/busy.ics", ex -> {
            ex.getResponseHeaders().add("Retry-After", "7");
            respond(ex, 503, "maintenance".getBytes());
        });
        server.createContext("/calendar/ical/" + TOKEN + "/gone.ics", ex -> respond(ex, 404, "not found".getBytes()));
        server.createContext("/calendar/ical/" + TOKEN + "/slow.ics", ex -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, 200, calendar);
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private void respond(HttpExchange ex, int status, byte[] body) throws IOException {
        requests.incrementAndGet();
        ex.getResponseHeaders().add("Content-Type", "text/calendar; charset=UTF-8");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private URI url(String file) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/calendar/ical/" + TOKEN + "/" + file);
    }

    @Test
    void events_http200_readsTheCalendar() {
        List<CalendarEvent> events = IcsCalendarSource.ofUrl(url("basic.ics")).events(OCT_1, DEC_1);

        List<CalendarEvent> fromFile = IcsCalendarSource.ofFile(IcsCalendarSourceTest.resource("google-export.ics"))
                .events(OCT_1, DEC_1);
        assertEquals(14, events.size());
        assertEquals(fromFile, events);
        assertEquals(1, requests.get());
        assertTrue(lastAccept.contains("text/calendar"), lastAccept);
    }

    @Test
    void events_configuredThroughServiceLoaderWithSecretUrl_readsTheCalendarAndHidesTheUrl() {
        CalendarSource source = java.util.ServiceLoader.load(CalendarSource.class).stream()
                .map(java.util.ServiceLoader.Provider::get).filter(s -> s.id().equals("ics-calendar")).findFirst()
                .orElseThrow();
        PluginConfig config = PluginConfig.of("ics-calendar", java.util.Map.of("owner", "owner@example.test", "zone",
                "Europe/Berlin", "timeout", "5s")).withSecret("url", url("basic.ics").toString());

        source.configure(config);
        List<CalendarEvent> events = source.events(OCT_1, DEC_1);

        assertEquals(1, events.stream().filter(CalendarEvent::declined).count());
        assertFalse(source.toString().contains(TOKEN), source.toString());
        assertFalse(config.toString().contains(TOKEN), config.toString());
        assertTrue(source.toString().contains("http://127.0.0.1:" + server.getAddress().getPort() + "/****"), source.toString());
    }

    @Test
    void events_http503_throwsTransientWithRetryAfterAndNoSecret() {
        IcsCalendarSource source = IcsCalendarSource.ofUrl(url("busy.ics"));

        TransientPluginException e = assertThrows(TransientPluginException.class, () -> source.events(OCT_1, DEC_1));

        assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
        assertNoToken(e);
    }

    @Test
    void events_http404_throwsPermanentPluginException() {
        IcsCalendarSource source = IcsCalendarSource.ofUrl(url("gone.ics"));

        PluginException e = assertThrows(PluginException.class, () -> source.events(OCT_1, DEC_1));

        assertFalse(e instanceof TransientPluginException, "404 is not worth retrying");
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertNoToken(e);
    }

    @Test
    void events_serverTooSlow_throwsTransientTimeout() {
        IcsCalendarSource source = IcsCalendarSource.ofUrl(url("slow.ics")).withTimeout(Duration.ofMillis(300));

        TransientPluginException e = assertThrows(TransientPluginException.class, () -> source.events(OCT_1, DEC_1));

        assertTrue(e.getMessage().contains("did not answer within PT0.3S"), e.getMessage());
        assertNoToken(e);
    }

    @Test
    void events_nothingListening_throwsTransient() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI refused = URI.create("http://127.0.0.1:" + port + "/calendar/ical/" + TOKEN + "/basic.ics");

        TransientPluginException e = assertThrows(TransientPluginException.class,
                () -> IcsCalendarSource.ofUrl(refused).withTimeout(Duration.ofSeconds(5)).events(OCT_1, DEC_1));

        assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
        assertNoToken(e);
    }

    @Test
    void toString_urlSource_masksPathAndQuery() {
        IcsCalendarSource source = IcsCalendarSource.ofUrl(URI.create("webcal://calendar.example.test/ical/" + TOKEN
                + "/basic.ics?key=" + TOKEN));

        assertFalse(source.toString().contains(TOKEN), source.toString());
        assertTrue(source.toString().contains("https://calendar.example.test/****"), source.toString());
    }

    @Test
    void events_malformedFeed_messageNamesMaskedUrlNotToken() {
        server.createContext("/calendar/ical/" + TOKEN + "/broken.ics", ex -> respond(ex, 200, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n".getBytes()));

        RuntimeException e = assertThrows(RuntimeException.class, () -> IcsCalendarSource.ofUrl(url("broken.ics")).events(OCT_1, DEC_1));

        assertInstanceOf(dev.billops.spi.MalformedCalendarException.class, e);
        assertNoToken(e);
    }

    private static void assertNoToken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(TOKEN), t.getMessage());
            assertFalse(t.toString().contains(TOKEN), t.toString());
        }
    }
}
