package dev.billops.integrations.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginException;
import dev.billops.spi.TransientPluginException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SMTP over TLS from the first byte against GreenMail's SMTPS server, whose certificate (see the
 * surefire configuration) is self-signed for 127.0.0.1: trusted only when configured so, with the
 * host name still checked.
 */
class SmtpsTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(LoopbackMail.setup("smtps"))
            .withPerMethodLifecycle(true);

    private static int port() {
        return MAIL.getSmtps().getPort();
    }

    @Test
    void send_sslWithTrustedLoopbackCertificate_delivers() throws Exception {
        SmtpNotifier smtp = new SmtpNotifier();
        smtp.configure(PluginConfig.of("smtp", Map.of("host", "127.0.0.1", "port", Integer.toString(port()),
                "from", "billing@acme.example", "ssl", "true", "sslTrust", "127.0.0.1")));

        smtp.send(TestMails.invoiceIssued(List.of("ap@client.example"), TestMails.invoicePdf()));

        assertTrue(MAIL.waitForIncomingEmail(5_000, 1));
        assertEquals(TestMails.SUBJECT, MAIL.getReceivedMessages()[0].getSubject());
        assertTrue(smtp.toString().contains("security=ssl"), smtp.toString());
    }

    @Test
    void send_sslWithUntrustedCertificate_failsPermanentlyAndSendsNothing() {
        SmtpNotifier smtp = SmtpNotifier.host("127.0.0.1").port(port()).from("billing@acme.example").ssl(true).build();

        PluginException e = assertThrows(PluginException.class,
                () -> smtp.send(TestMails.invoiceIssued(List.of("ap@client.example"), TestMails.invoicePdf())));

        assertFalse(e instanceof TransientPluginException, e.toString());
        assertTrue(e.getMessage().contains("TLS failed"), e.getMessage());
        assertEquals(0, MAIL.getReceivedMessages().length);
    }

    @Test
    void send_plainSmtpToTheTlsPort_doesNotDeliver() {
        SmtpNotifier smtp = SmtpNotifier.host("127.0.0.1").port(port()).from("billing@acme.example")
                .timeout(java.time.Duration.ofSeconds(1)).build();

        assertThrows(PluginException.class,
                () -> smtp.send(TestMails.invoiceIssued(List.of("ap@client.example"), TestMails.invoicePdf())));
        assertEquals(0, MAIL.getReceivedMessages().length);
    }
}
