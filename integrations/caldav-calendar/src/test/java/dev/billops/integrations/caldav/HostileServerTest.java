package dev.billops.integrations.caldav;

import static dev.billops.integrations.caldav.Firm.ALICE;
import static dev.billops.integrations.caldav.Firm.DESIGN;
import static dev.billops.integrations.caldav.Firm.WEB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.billops.core.time.LocalDateRange;
import dev.billops.integrations.caldav.CalDavResponseRefusedException.Reason;
import dev.billops.spi.Secret;
import dev.billops.spi.TransientPluginException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Responses no CalDAV server should send, from a small HTTP server on loopback: each is refused
 * with a typed exception, bounded in memory and time, and nothing is written because of it.
 */
class HostileServerTest {

    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");
    static final int MAX = 64 * 1024;

    /** What the server answers to requests under /cal/. */
    interface Answer {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    HttpServer server;
    ExecutorService executor = Executors.newCachedThreadPool();
    volatile Answer answer;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger secretFetches = new AtomicInteger();
    URI collection;
    CalDavCalendar calendar;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/cal/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                answer.answer(exchange);
            } catch (IOException e) {
                // the client hung up, as it should for an oversized or stalled body
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.createContext("/secret", exchange -> {
            secretFetches.incrementAndGet();
            try (exchange) {
                exchange.sendResponseHeaders(200, 2);
                exchange.getResponseBody().write("{}".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        collection = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cal/");
        calendar = CalDavCalendar.of(collection, "alice", Secret.of("pw")).withMaxResponseBytes(MAX)
                .withTimeout(Duration.ofSeconds(3));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    static Answer xml(int status, String contentType, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    static Answer multistatus(String body) {
        return xml(207, "application/xml; charset=utf-8", body);
    }

    CalDavResponseRefusedException refused() {
        return assertThrows(CalDavResponseRefusedException.class, () -> calendar.events(FROM, TO));
    }

    @Test
    void events_declaredLengthOverTheBound_refusedTooLargeBeforeReading() {
        answer = exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(207, 512L * 1024 * 1024);
            OutputStream out = exchange.getResponseBody();
            out.write(new byte[8192]);
            out.flush();
        };

        CalDavResponseRefusedException e = refused();

        assertEquals(Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("536870912"), e.getMessage());
    }

    @Test
    void events_endlessChunkedBody_cancelledAtTheBound() {
        AtomicInteger sent = new AtomicInteger();
        answer = exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(207, 0);
            OutputStream out = exchange.getResponseBody();
            byte[] chunk = " ".repeat(4096).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 100_000; i++) {
                out.write(chunk);
                sent.addAndGet(chunk.length);
            }
        };

        CalDavResponseRefusedException e = refused();

        assertEquals(Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("larger than the " + MAX), e.getMessage());
    }

    @Test
    void events_externalEntityInMultistatus_refusedAndNeverFetched() {
        answer = multistatus("<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE multistatus [\n"
                + "  <!ENTITY leak SYSTEM \"http://127.0.0.1:" + server.getAddress().getPort() + "/secret\">\n"
                + "  <!ENTITY file SYSTEM \"file:///etc/passwd\">\n"
                + "]>\n"
                + "<multistatus xmlns=\"DAV:\"><response><href>/cal/a.ics</href><propstat><prop>"
                + "<getetag>&leak;&file;</getetag></prop><status>HTTP/1.1 200 OK</status></propstat></response>"
                + "</multistatus>");

        CalDavResponseRefusedException e = refused();

        assertEquals(0, secretFetches.get(), "the external entity was never fetched");
        assertEquals(Reason.UNSAFE_XML, e.reason());
        assertFalse(e.getMessage().contains("root:"), e.getMessage());
    }

    @Test
    void events_billionLaughs_refusedBeforeExpansion() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE multistatus [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        answer = multistatus(dtd + "]><multistatus xmlns=\"DAV:\"><response><href>&l9;</href></response></multistatus>");

        assertEquals(Reason.UNSAFE_XML, refused().reason());
    }

    @Test
    void events_htmlInsteadOfXml_refusedWrongContentType() {
        answer = xml(207, "text/html; charset=utf-8", "<html><body>Welcome to our portal</body></html>");

        CalDavResponseRefusedException e = refused();

        assertEquals(Reason.WRONG_CONTENT_TYPE, e.reason());
        assertTrue(e.getMessage().contains("text/html"), e.getMessage());
    }

    @Test
    void events_notWellFormedOrNotMultistatus_refusedMalformed() {
        answer = multistatus("<multistatus xmlns=\"DAV:\"><response>");
        assertEquals(Reason.MALFORMED_XML, refused().reason());

        answer = multistatus("<error xmlns=\"DAV:\"><need-privileges/></error>");
        CalDavResponseRefusedException e = refused();
        assertEquals(Reason.MALFORMED_XML, e.reason());
        assertTrue(e.getMessage().contains("{DAV:}error"), e.getMessage());
    }

    @Test
    void events_resourceWithoutCalendarData_refusedRatherThanMissed() {
        answer = multistatus("<multistatus xmlns=\"DAV:\"><response><href>/cal/a.ics</href><propstat><prop>"
                + "<getetag>\"1\"</getetag></prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>");

        CalDavResponseRefusedException e = refused();

        assertEquals(Reason.MALFORMED_XML, e.reason());
        assertTrue(e.getMessage().contains("no calendar data"), e.getMessage());
    }

    @Test
    void events_ok200InsteadOfMultistatus_throwsRequestFailed() {
        answer = xml(200, "application/xml", "<multistatus xmlns=\"DAV:\"/>");

        CalDavRequestFailedException e = assertThrows(CalDavRequestFailedException.class,
                () -> calendar.events(FROM, TO));

        assertEquals(200, e.status());
        assertEquals("REPORT", e.method());
    }

    @Test
    void events_redirect_notFollowedSoCredentialsStayHere() {
        answer = exchange -> {
            exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/secret");
            exchange.sendResponseHeaders(302, -1);
        };

        CalDavRequestFailedException e = assertThrows(CalDavRequestFailedException.class,
                () -> calendar.events(FROM, TO));

        assertEquals(302, e.status());
        assertEquals(0, secretFetches.get());
    }

    @Test
    void events_serviceUnavailableWithRetryAfter_throwsTransient() {
        answer = exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "7");
            exchange.sendResponseHeaders(503, -1);
        };

        TransientPluginException e = assertThrows(TransientPluginException.class, () -> calendar.events(FROM, TO));

        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
    }

    @Test
    void events_bodyStalls_throwsTransientWithinTheTimeout() {
        answer = exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(207, 0);
            exchange.getResponseBody().write("<multistatus xmlns=\"DAV:\">".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            Thread.sleep(20_000);
        };
        long started = System.nanoTime();

        TransientPluginException e = assertThrows(TransientPluginException.class, () -> calendar.events(FROM, TO));

        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertTrue(seconds < 10, "gave up after " + seconds + " s: " + e.getMessage());
        assertTrue(e.getMessage().contains("within PT3S"), e.getMessage());
    }

    @Test
    void events_unauthorized_throwsAuthenticationFailedAndSentBasicCredentials() {
        answer = exchange -> {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"cal\"");
            exchange.sendResponseHeaders(401, -1);
        };

        CalDavAuthenticationFailedException e = assertThrows(CalDavAuthenticationFailedException.class,
                () -> calendar.events(FROM, TO));

        assertEquals(401, e.status());
        assertEquals(List.of("REPORT Basic " + Base64.getEncoder().encodeToString("alice:pw".getBytes(
                StandardCharsets.UTF_8))), requests);
    }

    @Test
    void sync_unsafeMultistatus_writesNothing() {
        Firm firm = new Firm();
        firm.log("e1", ALICE, WEB, DESIGN, "2026-11-03T09:00", "2026-11-03T11:30", "Wireframes");
        answer = multistatus("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<multistatus xmlns=\"DAV:\">&x;</multistatus>");
        WriteBackState state = WriteBackState.inMemory();

        CalDavResponseRefusedException e = assertThrows(CalDavResponseRefusedException.class,
                () -> CalendarWriteBack.to(calendar, state).sync(firm.tenant, LocalDateRange.ofMonth(YearMonth.of(2026, 11))));

        assertEquals(Reason.UNSAFE_XML, e.reason());
        assertEquals(List.of("REPORT"), requests.stream().map(r -> r.split(" ")[0]).toList(), "no PUT after it");
    }

    @Test
    void sync_putAnsweredWithoutEtag_recordsTheEtagThePropfindGives() {
        Firm firm = new Firm();
        firm.log("e1", ALICE, WEB, DESIGN, "2026-11-03T09:00", "2026-11-03T11:30", "Wireframes");
        answer = exchange -> {
            switch (exchange.getRequestMethod()) {
                case "REPORT" -> multistatus("<multistatus xmlns=\"DAV:\"/>").answer(exchange);
                case "PUT" -> {
                    exchange.getResponseHeaders().set("ETag", "W/\"weak\"");
                    exchange.sendResponseHeaders(201, -1);
                }
                case "PROPFIND" -> multistatus("<multistatus xmlns=\"DAV:\"><response><href>"
                        + exchange.getRequestURI().getRawPath() + "</href><propstat><prop><getetag>\"strong-1\""
                        + "</getetag></prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>")
                        .answer(exchange);
                default -> exchange.sendResponseHeaders(405, -1);
            }
        };
        WriteBackState state = WriteBackState.inMemory();

        WriteBackReport report = CalendarWriteBack.to(calendar, state).sync(firm.tenant,
                LocalDateRange.ofMonth(YearMonth.of(2026, 11)));

        assertEquals(1, report.created().size(), report.summary());
        assertEquals(List.of("REPORT", "PUT", "PROPFIND"), requests.stream().map(r -> r.split(" ")[0]).toList());
        assertEquals("\"strong-1\"", state.find(collection.resolve("billops-firm~e1.ics").toString()).orElseThrow()
                .etag());
    }
}
