package dev.billops.integrations.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.spi.Notification;
import dev.billops.spi.PluginException;
import dev.billops.spi.TransientPluginException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How SMTP replies GreenMail does not give are mapped: 4yz transient, 5yz permanent. */
class SmtpReplyCodeTest {

    private ScriptedSmtpServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private SmtpNotifier notifier() {
        return SmtpNotifier.host("127.0.0.1").port(server.port()).from("billing@acme.example")
                .timeout(Duration.ofSeconds(5)).build();
    }

    private static Notification mail(String... to) {
        return TestMails.invoiceIssued(List.of(to), TestMails.invoicePdf());
    }

    @Test
    void send_recipientRejectedWith550_throwsPermanentNamingTheAddressAndSendsNothing() throws Exception {
        server = new ScriptedSmtpServer().rcptReply(a -> a.startsWith("gone")
                ? "550 5.1.1 <" + a + ">: user unknown" : "250 2.1.5 OK");

        PluginException e = assertThrows(PluginException.class,
                () -> notifier().send(mail("ap@client.example", "gone@client.example")));

        assertFalse(e instanceof TransientPluginException, e.toString());
        assertTrue(e.getMessage().contains("rejected: gone@client.example"), e.getMessage());
        assertTrue(e.getMessage().contains("550"), e.getMessage());
        assertEquals(List.of(), server.accepted(), "all or nothing: the valid recipient got nothing either");
        assertFalse(server.commands().stream().anyMatch(c -> c.equals("DATA")), server.commands().toString());
    }

    @Test
    void send_recipientDeferredWith451_throwsTransient() throws Exception {
        server = new ScriptedSmtpServer().rcptReply(a -> "451 4.7.1 greylisted, try again later");

        TransientPluginException e = assertThrows(TransientPluginException.class,
                () -> notifier().send(mail("ap@client.example")));

        assertTrue(e.getMessage().contains("451"), e.getMessage());
        assertEquals(List.of(), server.accepted());
    }

    @Test
    void send_oneRecipient550AndOne452_throwsPermanentBecauseARetryCannotSucceed() throws Exception {
        server = new ScriptedSmtpServer().rcptReply(a -> a.startsWith("gone")
                ? "550 5.1.1 user unknown" : "452 4.2.2 mailbox full");

        PluginException e = assertThrows(PluginException.class,
                () -> notifier().send(mail("full@client.example", "gone@client.example")));

        assertFalse(e instanceof TransientPluginException, e.toString());
    }

    @Test
    void send_greeting421_throwsTransient() throws Exception {
        server = new ScriptedSmtpServer().greeting("421 4.3.2 service not available, closing channel");

        TransientPluginException e = assertThrows(TransientPluginException.class,
                () -> notifier().send(mail("ap@client.example")));

        assertTrue(e.getMessage().contains("421"), e.getMessage());
    }

    @Test
    void send_greeting554_throwsPermanent() throws Exception {
        server = new ScriptedSmtpServer().greeting("554 5.7.1 no SMTP service here");

        PluginException e = assertThrows(PluginException.class, () -> notifier().send(mail("ap@client.example")));

        assertFalse(e instanceof TransientPluginException, e.toString());
    }

    @Test
    void send_senderRejectedWith553_throwsPermanent() throws Exception {
        server = new ScriptedSmtpServer().mailReply("553 5.7.1 sender not allowed to relay");

        PluginException e = assertThrows(PluginException.class, () -> notifier().send(mail("ap@client.example")));

        assertFalse(e instanceof TransientPluginException, e.toString());
        assertTrue(e.getMessage().contains("553"), e.getMessage());
    }

    @Test
    void send_messageRefusedAfterData_554permanent_452transient() throws Exception {
        server = new ScriptedSmtpServer().dataEndReply("554 5.6.0 message content rejected");
        PluginException permanent = assertThrows(PluginException.class,
                () -> notifier().send(mail("ap@client.example")));
        assertFalse(permanent instanceof TransientPluginException, permanent.toString());
        server.close();

        server = new ScriptedSmtpServer().dataEndReply("452 4.3.1 insufficient system storage");
        PluginException deferred = assertThrows(PluginException.class,
                () -> notifier().send(mail("ap@client.example")));
        assertInstanceOf(TransientPluginException.class, deferred);
    }

    @Test
    void send_serverThatNeverGreets_timesOutAsTransient() throws Exception {
        server = new ScriptedSmtpServer().silent();
        SmtpNotifier smtp = SmtpNotifier.host("127.0.0.1").port(server.port()).from("billing@acme.example")
                .timeout(Duration.ofMillis(300)).build();

        TransientPluginException e = assertThrows(TransientPluginException.class,
                () -> smtp.send(mail("ap@client.example")));

        assertTrue(e.getMessage().contains("SocketTimeoutException"), e.getMessage());
    }

    @Test
    void send_accepted_sendsDataOnceWithEveryRecipient() throws Exception {
        server = new ScriptedSmtpServer();

        notifier().send(mail("ap@client.example", "cfo@client.example"));

        assertEquals(1, server.accepted().size());
        assertEquals(List.of("RCPT TO:<ap@client.example>", "RCPT TO:<cfo@client.example>"),
                server.commands().stream().filter(c -> c.startsWith("RCPT")).toList());
        assertTrue(server.commands().contains("MAIL FROM:<billing@acme.example>"), server.commands().toString());
    }

    @Test
    void send_starttlsRequiredButNotOffered_refusesToSendInTheClear() throws Exception {
        server = new ScriptedSmtpServer();
        SmtpNotifier smtp = SmtpNotifier.host("127.0.0.1").port(server.port()).from("billing@acme.example")
                .starttls(true).timeout(Duration.ofSeconds(5)).build();

        PluginException e = assertThrows(PluginException.class, () -> smtp.send(mail("ap@client.example")));

        assertFalse(e instanceof TransientPluginException, e.toString());
        assertTrue(e.getMessage().toUpperCase().contains("STARTTLS"), e.getMessage());
        assertEquals(List.of(), server.accepted());
        assertFalse(server.commands().stream().anyMatch(c -> c.startsWith("MAIL")), server.commands().toString());
    }

    @Test
    void send_credentialsButServerOffersNoAuth_refusesToSendUnauthenticated() throws Exception {
        server = new ScriptedSmtpServer();
        SmtpNotifier smtp = SmtpNotifier.host("127.0.0.1").port(server.port()).from("billing@acme.example")
                .credentials("billing", dev.billops.spi.Secret.of("pw")).timeout(Duration.ofSeconds(5)).build();

        PluginException e = assertThrows(PluginException.class, () -> smtp.send(mail("ap@client.example")));

        assertFalse(e instanceof TransientPluginException, e.toString());
        assertTrue(e.getMessage().contains("offers no AUTH"), e.getMessage());
        assertFalse(server.commands().stream().anyMatch(c -> c.startsWith("MAIL")), server.commands().toString());
    }

    @Test
    void send_credentialsAndServerOffersAuth_authenticatesThenSends() throws Exception {
        server = new ScriptedSmtpServer().offerAuth();
        SmtpNotifier smtp = SmtpNotifier.host("127.0.0.1").port(server.port()).from("billing@acme.example")
                .credentials("billing", dev.billops.spi.Secret.of("pw")).timeout(Duration.ofSeconds(5)).build();

        smtp.send(mail("ap@client.example"));

        assertEquals(1, server.accepted().size());
        assertTrue(server.commands().stream().anyMatch(c -> c.startsWith("AUTH PLAIN")), server.commands().toString());
    }
}
