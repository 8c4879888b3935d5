package dev.billops.integrations.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.billops.spi.Notifier;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginException;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.TransientPluginException;
import dev.billops.spi.runtime.PluginRegistry;
import dev.billops.spi.runtime.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP notifier discovered, configured and guarded by the plugin registry. */
class SmtpThroughRegistryTest {

    private static final String PASSWORD = "reg-Geheim-5678";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(LoopbackMail.setup("smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("billing@acme.example", "billing", PASSWORD))
            .withPerMethodLifecycle(true);

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(10), 2, Duration.ofMillis(50));

    private PluginRegistry registry;
    private ScriptedSmtpServer scripted;

    @AfterEach
    void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (scripted != null) {
            scripted.close();
        }
    }

    private Notifier smtp(int port) {
        registry = PluginRegistry.builder()
                .discover(SmtpThroughRegistryTest.class.getClassLoader())
                .configure("smtp", PluginConfig.of("smtp", Map.of("host", "127.0.0.1", "port", Integer.toString(port),
                        "from", "billing@acme.example", "username", "billing", "timeout", "5s"))
                        .withSecret("password", PASSWORD))
                .retry("smtp", FAST)
                .build();
        return registry.notifier("smtp");
    }

    @Test
    void send_throughRegistry_deliversOnceAndStaysUp() throws Exception {
        Notifier smtp = smtp(MAIL.getSmtp().getPort());

        smtp.send(TestMails.invoiceIssued(List.of("ap@client.example"), TestMails.invoicePdf()));

        assertTrue(MAIL.waitForIncomingEmail(5_000, 1));
        assertEquals(1, MAIL.getReceivedMessages().length);
        assertEquals(PluginHealth.Status.UP, registry.health("smtp").orElseThrow().status());
        assertFalse(registry.toString().contains(PASSWORD), registry.toString());
    }

    @Test
    void send_serverSaying421Forever_isRetriedUpToThePolicyThenFailsTransient() throws Exception {
        scripted = new ScriptedSmtpServer().offerAuth().greeting("421 4.3.2 try again later");
        Notifier smtp = smtp(scripted.port());

        assertThrows(TransientPluginException.class,
                () -> smtp.send(TestMails.invoiceIssued(List.of("ap@client.example"), TestMails.invoicePdf())));

        assertEquals(3, scripted.connections(), "three attempts in all");
        PluginHealth health = registry.health("smtp").orElseThrow();
        assertEquals(PluginHealth.Status.DEGRADED, health.status(), health::toString);
        assertTrue(health.lastFailure().contains("421"), health.lastFailure());
    }

    @Test
    void send_rejectedRecipient_isTriedOnceAndShowsInHealth() throws Exception {
        scripted = new ScriptedSmtpServer().offerAuth().rcptReply(a -> "550 5.1.1 no such user");
        Notifier smtp = smtp(scripted.port());

        PluginException e = assertThrows(PluginException.class,
                () -> smtp.send(TestMails.invoiceIssued(List.of("gone@client.example"), TestMails.invoicePdf())));

        assertFalse(e instanceof TransientPluginException, e.toString());
        assertEquals(1, scripted.connections(), "a 5yz is not retried");
        PluginHealth health = registry.health("smtp").orElseThrow();
        assertTrue(health.lastFailure().contains("gone@client.example"), health.lastFailure());
        assertFalse(health.lastFailure().contains(PASSWORD), health.lastFailure());
    }
}
