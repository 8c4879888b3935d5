package dev.billops.integrations.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billops.integrations.slack.WebhookServer.Received;
import dev.billops.integrations.slack.WebhookServer.Reply;
import dev.billops.spi.Notifier;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginException;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.TransientPluginException;
import dev.billops.spi.runtime.PluginRegistry;
import dev.billops.spi.runtime.PluginTimeoutException;
import dev.billops.spi.runtime.PluginUnavailableException;
import dev.billops.spi.runtime.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Slack notifier as a host runs it: discovered by the plugin registry, configured with a
 * secret webhook URL, and called through the registry's guard, which retries what the adapter
 * reports as transient (honouring {@code Retry-After}) and records failures in health.
 */
class SlackThroughRegistryTest {

    private WebhookServer server;
    private PluginRegistry registry;

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Notifier slack(RetryPolicy retry, int downAfter) {
        return slack(retry, downAfter, Duration.ofSeconds(10));
    }

    private Notifier slack(RetryPolicy retry, int downAfter, Duration registryTimeout) {
        registry = PluginRegistry.builder()
                .discover(SlackThroughRegistryTest.class.getClassLoader())
                .configure("slack", PluginConfig.of("slack", Map.of("channel", "#billing"))
                        .withSecret("webhookUrl", server.webhookUrl().toString()))
                .timeout("slack", registryTimeout)
                .retry("slack", retry)
                .downAfter(downAfter)
                .build();
        return registry.notifier("slack");
    }

    @Test
    void send_429WithRetryAfterThen200_isDeliveredOnceAfterWaitingAsAsked() throws Exception {
        server = new WebhookServer(Reply.of(429, "rate_limited").withHeader("Retry-After", "1"), Reply.of(200, "ok"));
        // the policy's own backoff (50 ms) is far shorter than the server's Retry-After (1 s)
        Notifier slack = slack(new RetryPolicy(3, Duration.ofMillis(50), 2, Duration.ofSeconds(5)), 3);

        slack.send(SlackNotifierTest.invoiceIssued());

        List<Received> seen = server.all();
        assertEquals(2, seen.size(), "one rejected post, one delivered");
        assertEquals(seen.get(0).bodyText(), seen.get(1).bodyText(), "the same message both times");
        long waitedMillis = Duration.ofNanos(seen.get(1).nanoTime() - seen.get(0).nanoTime()).toMillis();
        assertTrue(waitedMillis >= 1000, "Retry-After: 1 honoured, waited " + waitedMillis + " ms");
        assertEquals("#billing", new ObjectMapper().readTree(seen.get(1).body()).path("channel").asText());
        PluginHealth health = registry.health("slack").orElseThrow();
        assertEquals(PluginHealth.Status.UP, health.status(), health::toString);
        assertEquals(0, health.consecutiveFailures());
    }

    @Test
    void send_400_isTriedOnceAndTheFailureShowsInHealthWithoutTheWebhook() throws Exception {
        server = new WebhookServer(Reply.of(400, "invalid_blocks"));
        Notifier slack = slack(new RetryPolicy(5, Duration.ofMillis(10), 1, Duration.ofMillis(10)), 3);

        PluginException e = assertThrows(PluginException.class, () -> slack.send(SlackNotifierTest.invoiceIssued()));

        assertFalse(e instanceof TransientPluginException, e.toString());
        assertEquals(1, server.count(), "a 4xx is not retried");
        PluginHealth health = registry.health("slack").orElseThrow();
        assertEquals(PluginHealth.Status.DEGRADED, health.status(), health::toString);
        assertEquals(1, health.consecutiveFailures());
        assertNotNull(health.lastFailure());
        assertTrue(health.lastFailure().contains("HTTP 400 'invalid_blocks'"), health.lastFailure());
        assertFalse(health.lastFailure().contains(WebhookServer.SECRET_TOKEN), health.lastFailure());
        assertFalse(health.message().contains(WebhookServer.SECRET_TOKEN), health.message());
    }

    @Test
    void send_503Forever_givesUpAfterTheConfiguredAttemptsAndGoesDown() throws Exception {
        server = new WebhookServer(Reply.of(503, "service_unavailable"));
        Notifier slack = slack(new RetryPolicy(3, Duration.ofMillis(20), 2, Duration.ofMillis(100)), 2);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            TransientPluginException first = assertThrows(TransientPluginException.class,
                    () -> slack.send(SlackNotifierTest.invoiceIssued()));
            assertTrue(first.getMessage().contains("HTTP 503"), first.getMessage());
            assertEquals(3, server.count(), "three attempts in all, then it gives up");
            assertEquals(PluginHealth.Status.DEGRADED, registry.health("slack").orElseThrow().status());

            assertThrows(TransientPluginException.class, () -> slack.send(SlackNotifierTest.invoiceIssued()));
            assertEquals(6, server.count());
        } finally {
            System.setErr(original);
        }
        PluginHealth health = registry.health("slack").orElseThrow();
        assertEquals(PluginHealth.Status.DOWN, health.status(), health::toString);
        assertEquals(2, health.consecutiveFailures());
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("plugin slack"), "the registry's warnings were captured: " + logs);
        assertFalse(logs.contains(WebhookServer.SECRET_TOKEN), logs);
        assertFalse(registry.toString().contains(WebhookServer.SECRET_TOKEN), registry.toString());
    }

    @Test
    void send_retryAfterLongerThanThePolicyAllows_isNotWaitedFor() throws Exception {
        server = new WebhookServer(Reply.of(429, "rate_limited").withHeader("Retry-After", "3600"));
        Notifier slack = slack(new RetryPolicy(3, Duration.ofMillis(10), 2, Duration.ofSeconds(2)), 3);

        TransientPluginException e = assertThrows(TransientPluginException.class,
                () -> slack.send(SlackNotifierTest.invoiceIssued()));

        assertEquals(Duration.ofHours(1), e.retryAfter().orElseThrow(), "the wait is passed on to the caller");
        assertEquals(1, server.count(), "an hour's wait is left to the outbox, not slept in the call");
    }

    @Test
    void discover_withoutWebhookUrl_leavesSlackOutAndShowsWhyInHealth() {
        registry = PluginRegistry.builder().discover(SlackThroughRegistryTest.class.getClassLoader()).build();

        PluginUnavailableException missing = assertThrows(PluginUnavailableException.class,
                () -> registry.notifier("slack"));
        assertEquals(PluginUnavailableException.Reason.CONFIGURATION_FAILED, missing.reason());
        assertTrue(missing.getMessage().contains("webhookUrl"), missing.getMessage());
        PluginHealth health = registry.health("slack").orElseThrow();
        assertEquals(PluginHealth.Status.DOWN, health.status());
        assertTrue(health.message().contains("webhookUrl"), health.message());
    }

    @Test
    void send_webhookHangingPastTheRegistryTimeout_isAbandonedNotRetriedAndShowsInHealth() throws Exception {
        server = new WebhookServer(Reply.of(200, "ok").delayed(6_000));
        // long enough for configure (the first HttpClient of a JVM takes a few hundred ms to make, more
        // on a loaded machine), well short of the server's 6 s
        Notifier slack = slack(new RetryPolicy(3, Duration.ofMillis(10), 1, Duration.ofMillis(10)), 3,
                Duration.ofMillis(3_000));

        TransientPluginException e = assertThrows(TransientPluginException.class,
                () -> slack.send(SlackNotifierTest.invoiceIssued()));

        assertInstanceOf(PluginTimeoutException.class, e);
        assertEquals(1, server.count(), "an abandoned call may still land, so it is not repeated at once");
        PluginHealth health = registry.health("slack").orElseThrow();
        assertEquals(PluginHealth.Status.DEGRADED, health.status(), health::toString);
        assertTrue(health.lastFailure().contains("timed out"), health.lastFailure());
    }
}
