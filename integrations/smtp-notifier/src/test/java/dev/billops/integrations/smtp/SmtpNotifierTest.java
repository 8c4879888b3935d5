package dev.billops.integrations.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.billops.core.id.TenantId;
import dev.billops.spi.Attachment;
import dev.billops.spi.Notification;
import dev.billops.spi.Notifier;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginConfigurationException;
import dev.billops.spi.PluginException;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.Secret;
import dev.billops.spi.TransientPluginException;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpNotifierTest {

    private static final String USER = "billing";
    private static final String PASSWORD = "pw-Geheim-1234";
    private static final String FROM = "ACME Billing <billing@acme.example>";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(LoopbackMail.setup("smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("billing@acme.example", USER, PASSWORD))
            .withPerMethodLifecycle(true);

    private static int port() {
        return MAIL.getSmtp().getPort();
    }

    private static SmtpNotifier.Builder notifier() {
        return SmtpNotifier.host("127.0.0.1").port(port()).from(FROM);
    }

    /** A text part's content with the CRLF line ends that MIME text travels with turned back into LF. */
    private static String text(Part p) throws Exception {
        Object c = p.getContent();
        String s = c instanceof String str ? str : new String(((InputStream) c).readAllBytes(), StandardCharsets.UTF_8);
        return s.replace("\r\n", "\n");
    }

    @Test
    void send_invoiceWithPdf_deliversFromToSubjectUtf8BodyFactsAndTheSamePdfBytes() throws Exception {
        byte[] pdf = TestMails.invoicePdf();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        SmtpNotifier smtp = notifier().credentials(USER, Secret.of(PASSWORD))
                .clock(Clock.fixed(Instant.parse("2026-12-02T01:00:00Z"), ZoneOffset.UTC)).build();

        smtp.send(TestMails.invoiceIssued(List.of("frau.mueller@client.example", "ap@client.example"), pdf));

        assertTrue(MAIL.waitForIncomingEmail(5_000, 2));
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertEquals(2, received.length, "one copy per recipient mailbox");
        MimeMessage m = received[0];
        assertEquals(List.of(new InternetAddress("billing@acme.example", "ACME Billing")), Arrays.asList(m.getFrom()));
        assertEquals(List.of("frau.mueller@client.example", "ap@client.example"),
                Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Address::toString).toList());
        assertEquals(TestMails.SUBJECT, m.getSubject());
        assertEquals(Instant.parse("2026-12-02T01:00:00Z"), m.getSentDate().toInstant());
        assertEquals("evt-42", m.getHeader(MailMessages.EVENT_ID_HEADER, null));
        assertEquals("INVOICE_ISSUED", m.getHeader(MailMessages.KIND_HEADER, null));

        assertTrue(m.isMimeType("multipart/mixed"), m.getContentType());
        MimeMultipart mixed = (MimeMultipart) m.getContent();
        assertEquals(2, mixed.getCount());
        BodyPart textPart = mixed.getBodyPart(0);
        assertTrue(textPart.isMimeType("text/plain"), textPart.getContentType());
        assertTrue(textPart.getContentType().toLowerCase().contains("charset=utf-8"), textPart.getContentType());
        assertEquals(TestMails.BODY + "\nRechnung: INV-2026-00042\nBetrag: 1.234,50 €\nFällig: 2026-12-31\n",
                text(textPart));

        BodyPart pdfPart = mixed.getBodyPart(1);
        assertTrue(pdfPart.isMimeType("application/pdf"), pdfPart.getContentType());
        assertEquals(Part.ATTACHMENT, pdfPart.getDisposition());
        assertEquals("INV-2026-00042.pdf", pdfPart.getFileName());
        try (InputStream in = pdfPart.getInputStream()) {
            assertArrayEquals(pdf, in.readAllBytes());
        }
    }

    @Test
    void send_noAttachments_sendsOnePlainTextPart() throws Exception {
        notifier().build().send(Notification.of(Notification.Kind.REMINDER, TenantId.of("acme"), "Zahlungserinnerung",
                "Bitte überweisen Sie 12,00 €.").withRecipients(List.of("kunde@client.example")));

        assertTrue(MAIL.waitForIncomingEmail(5_000, 1));
        MimeMessage m = MAIL.getReceivedMessages()[0];
        assertTrue(m.isMimeType("text/plain"), m.getContentType());
        assertEquals("Bitte überweisen Sie 12,00 €.", text(m));
        assertEquals(null, m.getHeader(MailMessages.EVENT_ID_HEADER), "no event, no event header");
    }

    @Test
    void send_twoAttachmentsWithOwnTypes_keepsNamesAndTypes() throws Exception {
        byte[] csv = "line;amount\n1;12,00 €\n".getBytes(StandardCharsets.UTF_8);
        Notification n = TestMails.invoiceIssued(List.of("ap@client.example"), TestMails.invoicePdf())
                .withAttachment(Attachment.of("Stunden-Übersicht.csv", "text/csv; charset=utf-8", csv));

        notifier().build().send(n);

        assertTrue(MAIL.waitForIncomingEmail(5_000, 1));
        MimeMultipart mixed = (MimeMultipart) MAIL.getReceivedMessages()[0].getContent();
        assertEquals(3, mixed.getCount());
        BodyPart csvPart = mixed.getBodyPart(2);
        assertEquals("Stunden-Übersicht.csv", csvPart.getFileName());
        assertTrue(csvPart.isMimeType("text/csv"), csvPart.getContentType());
        try (InputStream in = csvPart.getInputStream()) {
            assertArrayEquals(csv, in.readAllBytes());
        }
    }

    @Test
    void send_wrongPassword_throwsPermanentWithoutThePasswordAndDeliversNothing() {
        SmtpNotifier smtp = notifier().credentials(USER, Secret.of("wrong-" + PASSWORD)).build();

        PluginException e = assertThrows(PluginException.class,
                () -> smtp.send(TestMails.invoiceIssued(List.of("ap@client.example"), TestMails.invoicePdf())));

        assertFalse(e instanceof TransientPluginException, "auth failures are not retried: " + e);
        assertTrue(e.getMessage().contains("refused authentication as 'billing'"), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(PASSWORD), t.toString());
        }
        assertEquals(0, MAIL.getReceivedMessages().length);
    }

    @Test
    void send_noRecipients_throwsNamingTheSubjectAndSendsNothing() {
        PluginException e = assertThrows(PluginException.class, () -> notifier().build()
                .send(Notification.of(Notification.Kind.OTHER, TenantId.of("acme"), "Invoice INV-7", "body")));

        assertFalse(e instanceof TransientPluginException);
        assertEquals("plugin smtp: notification 'Invoice INV-7' has no recipients; nothing sent", e.getMessage());
        assertEquals(0, MAIL.getReceivedMessages().length);
    }

    @Test
    void send_oneInvalidAddress_throwsNamingItAndSendsToNobody() {
        Notification n = TestMails.invoiceIssued(List.of("ap@client.example", "frau mueller at client"),
                TestMails.invoicePdf());

        PluginException e = assertThrows(PluginException.class, () -> notifier().build().send(n));

        assertFalse(e instanceof TransientPluginException);
        assertTrue(e.getMessage().contains("recipient 'frau mueller at client'"), e.getMessage());
        assertEquals(0, MAIL.getReceivedMessages().length);
    }

    @Test
    void send_serverDown_throwsTransient() throws Exception {
        int port = port();
        MAIL.stop();
        SmtpNotifier smtp = SmtpNotifier.host("127.0.0.1").port(port).from(FROM).build();

        TransientPluginException e = assertThrows(TransientPluginException.class,
                () -> smtp.send(TestMails.invoiceIssued(List.of("ap@client.example"), TestMails.invoicePdf())));

        assertTrue(e.getMessage().contains("could not connect"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void configure_pluginConfigWithSecretPassword_sendsAuthenticatedAndMasksThePassword() throws Exception {
        SmtpNotifier smtp = new SmtpNotifier();
        assertEquals(PluginHealth.Status.DOWN, smtp.health().status());

        smtp.configure(PluginConfig.of("smtp", Map.of("host", "127.0.0.1", "port", Integer.toString(port()),
                "from", FROM, "username", USER, "timeout", "5s")).withSecret("password", PASSWORD));
        smtp.send(TestMails.invoiceIssued(List.of("ap@client.example"), TestMails.invoicePdf()));

        assertTrue(MAIL.waitForIncomingEmail(5_000, 1));
        assertTrue(smtp.health().isUp());
        assertEquals("SmtpNotifier[host=127.0.0.1, port=" + port() + ", from=ACME Billing <billing@acme.example>, "
                + "username=billing, password=****, security=none, timeout=PT5S]", smtp.toString());
    }

    @Test
    void configure_usernameWithoutPassword_throwsNamingPassword() {
        PluginConfigurationException e = assertThrows(PluginConfigurationException.class,
                () -> new SmtpNotifier().configure(PluginConfig.of("smtp",
                        Map.of("host", "mail.example", "from", "a@b.example", "username", "u"))));
        assertEquals("password", e.key());
    }

    @Test
    void configure_missingHostOrFrom_throwsNamingTheKey() {
        assertEquals("host", assertThrows(PluginConfigurationException.class, () -> new SmtpNotifier()
                .configure(PluginConfig.of("smtp", Map.of("from", "a@b.example")))).key());
        assertEquals("from", assertThrows(PluginConfigurationException.class, () -> new SmtpNotifier()
                .configure(PluginConfig.of("smtp", Map.of("host", "mail.example")))).key());
    }

    @Test
    void configure_malformedValues_throwNamingKeyAndValue() {
        PluginConfigurationException from = assertThrows(PluginConfigurationException.class, () -> new SmtpNotifier()
                .configure(PluginConfig.of("smtp", Map.of("host", "mail.example", "from", "billing at acme"))));
        assertEquals("from", from.key());
        assertTrue(from.getMessage().contains("'billing at acme'"), from.getMessage());

        PluginConfigurationException port = assertThrows(PluginConfigurationException.class, () -> new SmtpNotifier()
                .configure(PluginConfig.of("smtp", Map.of("host", "mail.example", "from", "a@b.example",
                        "port", "70000"))));
        assertEquals("port", port.key());

        PluginConfigurationException both = assertThrows(PluginConfigurationException.class, () -> new SmtpNotifier()
                .configure(PluginConfig.of("smtp", Map.of("host", "mail.example", "from", "a@b.example",
                        "ssl", "true", "starttls", "true"))));
        assertEquals("ssl", both.key());
    }

    @Test
    void configure_defaultPorts_followTheSecurityMode() {
        assertTrue(SmtpNotifier.host("mail.example").from("a@b.example").build().toString().contains("port=25,"));
        assertTrue(SmtpNotifier.host("mail.example").from("a@b.example").starttls(true).build().toString()
                .contains("port=587,"));
        assertTrue(SmtpNotifier.host("mail.example").from("a@b.example").ssl(true).build().toString()
                .contains("port=465,"));
    }

    @Test
    void serviceLoader_findsTheSmtpNotifierById() {
        List<Notifier> found = ServiceLoader.load(Notifier.class).stream().map(ServiceLoader.Provider::get)
                .filter(n -> n.id().equals("smtp")).toList();

        assertEquals(1, found.size());
        assertInstanceOf(SmtpNotifier.class, found.get(0));
    }

    @Test
    void logs_sendAndAuthFailure_neverContainThePassword() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            notifier().credentials(USER, Secret.of(PASSWORD)).build()
                    .send(TestMails.invoiceIssued(List.of("ap@client.example"), TestMails.invoicePdf()));
            assertThrows(PluginException.class, () -> notifier().credentials(USER, Secret.of(PASSWORD + "x")).build()
                    .send(TestMails.invoiceIssued(List.of("ap@client.example"), TestMails.invoicePdf())));
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("smtp: sent '" + TestMails.SUBJECT), "the debug log was captured: " + logs);
        assertFalse(logs.contains(PASSWORD), logs);
    }

    @Test
    void health_reachableServerAndGoodCredentials_isUpWithoutSendingAnything() {
        PluginHealth health = notifier().credentials(USER, Secret.of(PASSWORD)).build().health();

        assertEquals(PluginHealth.Status.UP, health.status(), health::toString);
        assertEquals(0, MAIL.getReceivedMessages().length);
    }

    @Test
    void health_wrongPassword_isDownSayingAuthenticationWithoutThePassword() {
        PluginHealth health = notifier().credentials(USER, Secret.of("nope-" + PASSWORD)).build().health();

        assertEquals(PluginHealth.Status.DOWN, health.status(), health::toString);
        assertTrue(health.message().contains("refused authentication"), health.message());
        assertFalse(health.message().contains(PASSWORD), health.message());
    }

    @Test
    void health_serverStopped_isDegraded() {
        SmtpNotifier smtp = notifier().build();
        MAIL.stop();

        PluginHealth health = smtp.health();

        assertEquals(PluginHealth.Status.DEGRADED, health.status(), health::toString);
        assertTrue(health.message().contains("could not connect"), health.message());
    }
}
