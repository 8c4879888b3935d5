package dev.billops.integrations.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billops.core.id.EventId;
import dev.billops.core.id.TenantId;
import dev.billops.integrations.slack.WebhookServer.Received;
import dev.billops.integrations.slack.WebhookServer.Reply;
import dev.billops.spi.Attachment;
import dev.billops.spi.Notification;
import dev.billops.spi.Notifier;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginConfigurationException;
import dev.billops.spi.PluginException;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.Secret;
import dev.billops.spi.TransientPluginException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackNotifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TenantId TENANT = TenantId.of("acme");

    private final List<WebhookServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(WebhookServer::close);
    }

    private WebhookServer server(Reply... replies) throws Exception {
        WebhookServer s = new WebhookServer(replies);
        servers.add(s);
        return s;
    }

    static Notification invoiceIssued() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Invoice", "INV-2026-00042");
        facts.put("Amount", "1.234,50 €");
        facts.put("Due", "2026-12-31");
        facts.put("Client", "Müller & Söhne <GmbH>");
        return new Notification(Notification.Kind.INVOICE_ISSUED, TENANT, List.of("ap@mueller.example"),
                "Invoice INV-2026-00042 for Müller & Söhne", "Grüße aus Köln, total €1.234,50.\n請求書をお送りします。",
                facts, List.of(Attachment.pdf("INV-2026-00042.pdf", new byte[2048])), EventId.of("evt-42"));
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains(WebhookServer.SECRET_TOKEN), () -> "webhook secret leaked in: " + text);
    }

    private static void assertNoSecretInChain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertNoSecret(String.valueOf(t.getMessage()));
            assertNoSecret(t.toString());
        }
    }

    // ---- what is posted ----

    @Test
    void send_invoiceNotification_postsBlockKitJsonWithSubjectBodyFactsAndAttachmentNames() throws Exception {
        WebhookServer server = server();
        SlackNotifier notifier = SlackNotifier.webhook(server.webhookUrl()).channel("#billing").username("BillOps")
                .build();

        notifier.send(invoiceIssued());

        Received r = server.next();
        assertEquals("POST", r.method());
        assertEquals(WebhookServer.PATH, r.path());
        assertEquals("application/json; charset=utf-8", r.header("Content-Type"));
        JsonNode root = JSON.readTree(r.body());
        assertEquals("#billing", root.path("channel").asText());
        assertEquals("BillOps", root.path("username").asText());
        String text = root.path("text").asText();
        assertTrue(text.startsWith("Invoice INV-2026-00042 for Müller &amp; Söhne\n"), text);
        assertTrue(text.contains("請求書をお送りします。"), text);

        JsonNode blocks = root.path("blocks");
        assertEquals(4, blocks.size(), blocks::toString);
        assertEquals("header", blocks.get(0).path("type").asText());
        assertEquals("plain_text", blocks.get(0).path("text").path("type").asText());
        assertEquals("Invoice INV-2026-00042 for Müller & Söhne", blocks.get(0).path("text").path("text").asText());

        assertEquals("section", blocks.get(1).path("type").asText());
        assertEquals("mrkdwn", blocks.get(1).path("text").path("type").asText());
        assertEquals("Grüße aus Köln, total €1.234,50.\n請求書をお送りします。", blocks.get(1).path("text").path("text").asText());

        JsonNode fields = blocks.get(2).path("fields");
        assertEquals(4, fields.size());
        assertEquals("*Invoice*\nINV-2026-00042", fields.get(0).path("text").asText());
        assertEquals("*Amount*\n1.234,50 €", fields.get(1).path("text").asText());
        assertEquals("*Due*\n2026-12-31", fields.get(2).path("text").asText());
        assertEquals("*Client*\nMüller &amp; Söhne &lt;GmbH&gt;", fields.get(3).path("text").asText());

        assertEquals("context", blocks.get(3).path("type").asText());
        String attachments = blocks.get(3).path("elements").get(0).path("text").asText();
        assertTrue(attachments.contains("INV-2026-00042.pdf (2 KiB)"), attachments);
    }

    @Test
    void send_bodyWithMentionsAndLinks_escapesThemSoNobodyIsPinged() throws Exception {
        WebhookServer server = server();
        SlackNotifier notifier = SlackNotifier.webhook(server.webhookUrl()).build();

        notifier.send(Notification.of(Notification.Kind.OTHER, TENANT, "Note", "<!channel> see <http://x|here> & <@U1>"));

        JsonNode root = JSON.readTree(server.next().body());
        assertEquals("&lt;!channel&gt; see &lt;http://x|here&gt; &amp; &lt;@U1&gt;",
                root.path("blocks").get(1).path("text").path("text").asText());
        assertFalse(root.has("channel"), "no channel override unless configured");
        assertFalse(root.has("username"));
    }

    @Test
    void send_moreThanTenFacts_splitsThemIntoSectionsOfTenFields() throws Exception {
        WebhookServer server = server();
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 1; i <= 23; i++) {
            facts.put("Fact " + i, "value " + i);
        }
        SlackNotifier.webhook(server.webhookUrl()).build()
                .send(Notification.of(Notification.Kind.OTHER, TENANT, "Many facts", "").withFacts(facts));

        JsonNode blocks = JSON.readTree(server.next().body()).path("blocks");
        // header, then (empty body has no section) three field sections of 10, 10 and 3
        assertEquals(4, blocks.size(), blocks::toString);
        assertEquals(10, blocks.get(1).path("fields").size());
        assertEquals(10, blocks.get(2).path("fields").size());
        assertEquals(3, blocks.get(3).path("fields").size());
        assertEquals("*Fact 21*\nvalue 21", blocks.get(3).path("fields").get(0).path("text").asText());
    }

    @Test
    void send_subjectLongerThanHeaderLimit_cutsItToSlacksLimitWithEllipsis() throws Exception {
        WebhookServer server = server();
        String subject = "€".repeat(400);
        SlackNotifier.webhook(server.webhookUrl()).build()
                .send(Notification.of(Notification.Kind.OTHER, TENANT, subject, "b"));

        String header = JSON.readTree(server.next().body()).path("blocks").get(0).path("text").path("text").asText();
        assertEquals(SlackMessage.HEADER_MAX, header.length());
        assertTrue(header.endsWith("…"));
    }

    @Test
    void cut_atSurrogatePair_doesNotSplitIt() {
        String s = "a".repeat(8) + "😀" + "bbbb";
        String cut = SlackMessage.cut(s, 10);
        assertEquals("a".repeat(8) + "…", cut);
    }

    // ---- status mapping ----

    @Test
    void send_status429WithRetryAfterSeconds_throwsTransientCarryingRetryAfter() throws Exception {
        WebhookServer server = server(Reply.of(429, "rate_limited").withHeader("Retry-After", "30"));
        SlackNotifier notifier = SlackNotifier.webhook(server.webhookUrl()).build();

        TransientPluginException e = assertThrows(TransientPluginException.class, () -> notifier.send(invoiceIssued()));

        assertEquals(Duration.ofSeconds(30), e.retryAfter().orElseThrow());
        assertEquals("slack", e.pluginId());
        assertTrue(e.getMessage().contains("HTTP 429"), e.getMessage());
        assertTrue(e.getMessage().contains("rate_limited"), e.getMessage());
        assertNoSecretInChain(e);
    }

    @Test
    void send_status503WithRetryAfterHttpDate_throwsTransientWithTheWaitUntilThatDate() throws Exception {
        Instant now = Instant.parse("2026-12-02T01:00:00Z");
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now.plusSeconds(120),
                ZoneOffset.UTC));
        WebhookServer server = server(Reply.of(503, "").withHeader("Retry-After", date));
        SlackNotifier notifier = SlackNotifier.webhook(server.webhookUrl()).clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();

        TransientPluginException e = assertThrows(TransientPluginException.class, () -> notifier.send(invoiceIssued()));

        assertEquals(Duration.ofSeconds(120), e.retryAfter().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 504})
    void send_status5xxWithoutRetryAfter_throwsTransientWithoutRetryAfter(int status) throws Exception {
        WebhookServer server = server(Reply.of(status, "oops"));
        SlackNotifier notifier = SlackNotifier.webhook(server.webhookUrl()).build();

        TransientPluginException e = assertThrows(TransientPluginException.class, () -> notifier.send(invoiceIssued()));

        assertTrue(e.retryAfter().isEmpty());
        assertTrue(e.getMessage().contains("HTTP " + status), e.getMessage());
        assertEquals(1, server.count(), "the adapter itself never retries");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 410})
    void send_status4xx_throwsPermanentPluginExceptionWithSlacksReason(int status) throws Exception {
        WebhookServer server = server(Reply.of(status, "invalid_payload"));
        SlackNotifier notifier = SlackNotifier.webhook(server.webhookUrl()).build();

        PluginException e = assertThrows(PluginException.class, () -> notifier.send(invoiceIssued()));

        assertFalse(e instanceof TransientPluginException, "4xx is not retried: " + e);
        assertTrue(e.getMessage().contains("HTTP " + status), e.getMessage());
        assertTrue(e.getMessage().contains("invalid_payload"), e.getMessage());
        assertTrue(e.getMessage().contains("Invoice INV-2026-00042"), "names the notification: " + e.getMessage());
        assertEquals(1, server.count());
        assertNoSecretInChain(e);
    }

    @Test
    void send_redirect_isNotFollowedAndFailsPermanently() throws Exception {
        WebhookServer server = server(Reply.of(302, "").withHeader("Location", "http://127.0.0.1:1/elsewhere"));
        SlackNotifier notifier = SlackNotifier.webhook(server.webhookUrl()).build();

        PluginException e = assertThrows(PluginException.class, () -> notifier.send(invoiceIssued()));

        assertFalse(e instanceof TransientPluginException);
        assertTrue(e.getMessage().contains("HTTP 302"), e.getMessage());
        assertEquals(1, server.count());
    }

    @Test
    void send_errorBodyQuotingTheWebhookPath_isScrubbedFromTheMessage() throws Exception {
        WebhookServer server = server(Reply.of(404, "no_service for " + WebhookServer.PATH));
        SlackNotifier notifier = SlackNotifier.webhook(server.webhookUrl()).build();

        PluginException e = assertThrows(PluginException.class, () -> notifier.send(invoiceIssued()));

        assertTrue(e.getMessage().contains("no_service for ****"), e.getMessage());
        assertNoSecretInChain(e);
    }

    @Test
    void send_connectionRefused_throwsTransient() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SlackNotifier notifier = SlackNotifier.webhook(
                URI.create("http://127.0.0.1:" + port + WebhookServer.PATH)).build();

        TransientPluginException e = assertThrows(TransientPluginException.class, () -> notifier.send(invoiceIssued()));

        assertTrue(e.getMessage().contains("could not reach the webhook"), e.getMessage());
        assertNoSecretInChain(e);
    }

    @Test
    void send_serverSlowerThanTimeout_throwsTransient() throws Exception {
        WebhookServer server = server(Reply.of(200, "ok").delayed(3_000));
        SlackNotifier notifier = SlackNotifier.webhook(server.webhookUrl()).timeout(Duration.ofMillis(300)).build();

        TransientPluginException e = assertThrows(TransientPluginException.class, () -> notifier.send(invoiceIssued()));

        assertTrue(e.getMessage().contains("no answer from the webhook within PT0.3S"), e.getMessage());
        assertNoSecretInChain(e);
    }

    // ---- configuration, ServiceLoader, secrets ----

    @Test
    void configure_pluginConfig_postsToTheSecretWebhookWithChannelAndUsername() throws Exception {
        WebhookServer server = server();
        SlackNotifier notifier = new SlackNotifier();
        assertEquals(PluginHealth.Status.DOWN, notifier.health().status());

        notifier.configure(PluginConfig.of("slack", Map.of("channel", "#ops", "username", "Billing", "timeout", "5s"))
                .withSecret("webhookUrl", server.webhookUrl().toString()));
        notifier.send(invoiceIssued());

        JsonNode root = JSON.readTree(server.next().body());
        assertEquals("#ops", root.path("channel").asText());
        assertEquals("Billing", root.path("username").asText());
        assertTrue(notifier.health().isUp());
        assertEquals("SlackNotifier[webhookUrl=****, channel=#ops, username=Billing, timeout=PT5S]",
                notifier.toString());
    }

    @Test
    void configure_missingWebhookUrl_throwsConfigurationExceptionNamingTheKey() {
        SlackNotifier notifier = new SlackNotifier();

        PluginConfigurationException e = assertThrows(PluginConfigurationException.class,
                () -> notifier.configure(PluginConfig.of("slack", Map.of("channel", "#ops"))));

        assertEquals("webhookUrl", e.key());
        assertEquals(PluginHealth.Status.DOWN, notifier.health().status(), "still unconfigured");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hooks.slack.com/services/T/B/" + WebhookServer.SECRET_TOKEN,
            "ftp://hooks.slack.com/services/T/B/" + WebhookServer.SECRET_TOKEN,
            "https://hooks.slack.com/services/T/B/ " + WebhookServer.SECRET_TOKEN})
    void configure_malformedWebhookUrl_failsWithoutQuotingIt(String url) {
        PluginConfigurationException e = assertThrows(PluginConfigurationException.class,
                () -> new SlackNotifier().configure(PluginConfig.empty().forPlugin("slack").withSecret("webhookUrl", url)));

        assertEquals("webhookUrl", e.key());
        assertNoSecretInChain(e);
    }

    @Test
    void configure_nonPositiveTimeout_throwsConfigurationException() {
        PluginConfigurationException e = assertThrows(PluginConfigurationException.class,
                () -> new SlackNotifier().configure(PluginConfig.of("slack", Map.of("timeout", "0s"))
                        .withSecret("webhookUrl", "https://hooks.slack.com/services/T/B/x")));

        assertEquals("timeout", e.key());
    }

    @Test
    void send_unconfigured_throwsPluginException() {
        PluginException e = assertThrows(PluginException.class, () -> new SlackNotifier().send(invoiceIssued()));
        assertTrue(e.getMessage().contains("not configured"), e.getMessage());
    }

    @Test
    void serviceLoader_findsTheSlackNotifierById() {
        List<Notifier> found = ServiceLoader.load(Notifier.class).stream().map(ServiceLoader.Provider::get)
                .filter(n -> n.id().equals("slack")).toList();

        assertEquals(1, found.size());
        assertInstanceOf(SlackNotifier.class, found.get(0));
    }

    @Test
    void toString_builtFromSecret_masksTheWebhook() {
        SlackNotifier notifier = SlackNotifier.webhook(
                Secret.of("https://hooks.slack.com/services/T0001/B0002/" + WebhookServer.SECRET_TOKEN)).build();

        assertEquals("SlackNotifier[webhookUrl=****, channel=(webhook default), username=(webhook default), "
                + "timeout=PT10S]", notifier.toString());
    }

    @Test
    void logs_successAndEveryFailureKind_neverContainTheWebhookSecret() throws Exception {
        WebhookServer server = server(Reply.of(200, "ok"), Reply.of(429, "rate_limited for " + WebhookServer.PATH),
                Reply.of(400, "invalid_payload"), Reply.of(500, "boom"));
        SlackNotifier notifier = SlackNotifier.webhook(server.webhookUrl()).build();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            notifier.send(invoiceIssued());
            for (int i = 0; i < 3; i++) {
                assertThrows(PluginException.class, () -> notifier.send(invoiceIssued()));
            }
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("slack: posted 'Invoice INV-2026-00042"), "the debug log was captured: " + logs);
        assertNoSecret(logs);
        assertEquals(4, server.count());
    }

    @Test
    void id_isSlack() {
        assertEquals("slack", new SlackNotifier().id());
    }
}
