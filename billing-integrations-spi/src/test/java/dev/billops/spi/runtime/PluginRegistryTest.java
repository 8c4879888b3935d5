package dev.billops.spi.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.money.Money;
import dev.billops.spi.BillingEventListener;
import dev.billops.spi.ChargeRequest;
import dev.billops.spi.ChargeResult;
import dev.billops.spi.DiscoverablePlugin;
import dev.billops.spi.LogCapture;
import dev.billops.spi.MalformedCalendarException;
import dev.billops.spi.Notification;
import dev.billops.spi.Notifier;
import dev.billops.spi.PaymentGateway;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginConfigurationException;
import dev.billops.spi.PluginException;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.TestPlugins.Behaviour;
import dev.billops.spi.TestPlugins.FixedCalendar;
import dev.billops.spi.TestPlugins.RecordingNotifier;
import dev.billops.spi.TestPlugins;
import dev.billops.spi.TransientPluginException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTest {

    private static final String SECRET = "xoxb-very-secret-token-4711";
    private static final Notification NOTE = Notification.of(Notification.Kind.OTHER, TenantId.of("firm"), "hello",
            "body");
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), 2, Duration.ofMillis(50));

    private final List<PluginRegistry> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(PluginRegistry::close);
    }

    private PluginRegistry build(PluginRegistry.Builder b) {
        PluginRegistry r = b.build();
        opened.add(r);
        return r;
    }

    @Test
    void discover_serviceLoaderPluginDeclaredTwice_isOnePluginInBothListsConfiguredOnce() {
        int before = DiscoverablePlugin.CONFIGURED.get();
        PluginRegistry r = build(PluginRegistry.builder().discover()
                .configure("discoverable", PluginConfig.of("x", Map.of("channel", "#billing"))));
        assertEquals(List.of("discoverable"), r.ids());
        assertEquals(List.of("discoverable"), r.notifiers().stream().map(Notifier::id).toList());
        assertEquals(List.of("discoverable"), r.listeners().stream().map(BillingEventListener::id).toList());
        assertEquals(before + 1, DiscoverablePlugin.CONFIGURED.get());
        PluginConfig seen = DiscoverablePlugin.lastConfig;
        assertNotNull(seen);
        assertEquals("discoverable", seen.pluginId(), "configuration re-labelled with the plugin's id");
        assertEquals("#billing", seen.requireString("channel"));
        assertEquals(PluginHealth.Status.UP, r.health().get("discoverable").status());
    }

    @Test
    void discover_withClassLoaderSeeingNoProviders_findsNothing() {
        ClassLoader empty = new ClassLoader(null) {
        };
        assertEquals(List.of(), build(PluginRegistry.builder().discover(empty)).ids());
    }

    @Test
    void discover_providerThatCannotBeLoaded_leftOutAndDown_othersFound(@TempDir Path dir) throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(PaymentGateway.class.getName()), "com.example.NoSuchGateway\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                PluginRegistryTest.class.getClassLoader())) {
            PluginRegistry r = build(PluginRegistry.builder().discover(loader));
            assertEquals(List.of("unloadable-PaymentGateway-1", "discoverable"), r.ids());
            PluginHealth h = r.health().get("unloadable-PaymentGateway-1");
            assertEquals(PluginHealth.Status.DOWN, h.status());
            assertTrue(h.message().contains("com.example.NoSuchGateway"), h.message());
            assertEquals(List.of(), r.paymentGateways());
            assertEquals(1, r.notifiers().size());
        }
    }

    @Test
    void register_twoPluginsWithOneId_throwsNamingIdAndBothClasses() {
        PluginRegistry.Builder b = PluginRegistry.builder().register(new RecordingNotifier("mail", Behaviour.ok()));
        PluginConfigurationException e = assertThrows(PluginConfigurationException.class,
                () -> b.register(new FixedCalendar("mail", List.of())));
        assertEquals("mail", e.pluginId());
        assertTrue(e.getMessage().contains(RecordingNotifier.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(FixedCalendar.class.getName()), e.getMessage());
    }

    @Test
    void add_idAlreadyRegistered_throwsAndKeepsTheFirst() {
        RecordingNotifier first = new RecordingNotifier("mail", Behaviour.ok());
        PluginRegistry r = build(PluginRegistry.builder().register(first));
        assertThrows(PluginConfigurationException.class, () -> r.add(new RecordingNotifier("mail", Behaviour.ok())));
        r.notifiers().get(0).send(NOTE);
        assertEquals(1, first.calls.get());
        assertEquals(1, r.notifiers().size());
    }

    @Test
    void configure_throws_pluginLeftOutAndDownWithReason_othersWork() {
        Notifier broken = new RecordingNotifier("broken", Behaviour.ok()) {
            @Override
            public void configure(PluginConfig config) {
                config.requireString("webhookUrl");
            }
        };
        RecordingNotifier good = new RecordingNotifier("good", Behaviour.ok());
        PluginRegistry r = build(PluginRegistry.builder().register(broken).register(good));
        assertEquals(List.of("good"), r.notifiers().stream().map(Notifier::id).toList());
        PluginHealth h = r.health().get("broken");
        assertEquals(PluginHealth.Status.DOWN, h.status());
        assertTrue(h.message().contains("configuration failed") && h.message().contains("webhookUrl"), h.message());
        assertEquals(PluginHealth.Status.UP, r.health().get("good").status());
        assertTrue(r.toString().contains("broken (Notifier, not configured)"), r.toString());
    }

    @Test
    void paymentGateway_configureFailed_throwsUnavailableWithTheReason() {
        PaymentGateway broken = new PaymentGateway() {
            @Override
            public String id() {
                return "psp";
            }

            @Override
            public void configure(PluginConfig config) {
                config.requireString("apiBase");
            }

            @Override
            public ChargeResult charge(ChargeRequest request) {
                return ChargeResult.succeeded("ch_1");
            }

            @Override
            public ChargeResult status(String key) {
                return ChargeResult.succeeded("ch_1");
            }
        };
        PluginRegistry r = build(PluginRegistry.builder().register(broken));

        PluginUnavailableException e = assertThrows(PluginUnavailableException.class, () -> r.paymentGateway("psp"));

        assertEquals("psp", e.pluginId());
        assertEquals(PluginUnavailableException.Reason.CONFIGURATION_FAILED, e.reason());
        assertTrue(e.getMessage().contains("configuration failed") && e.getMessage().contains("apiBase"),
                e.getMessage());
    }

    @Test
    void paymentGateway_unknownId_throwsUnavailableListingTheKnownIds() {
        PluginRegistry r = build(PluginRegistry.builder().register(new RecordingNotifier("mail", Behaviour.ok())));

        PluginUnavailableException e = assertThrows(PluginUnavailableException.class, () -> r.paymentGateway("stripe"));

        assertEquals(PluginUnavailableException.Reason.UNKNOWN_ID, e.reason());
        assertEquals("no plugin with id 'stripe' is registered (registered: mail)", e.getMessage());
    }

    @Test
    void paymentGateway_configuredButNeverRegistered_saysSo() {
        PluginRegistry r = build(PluginRegistry.builder().configure("stripe", PluginConfig.of("stripe", Map.of())));

        PluginUnavailableException e = assertThrows(PluginUnavailableException.class, () -> r.paymentGateway("stripe"));

        assertEquals(PluginUnavailableException.Reason.UNKNOWN_ID, e.reason());
        assertTrue(e.getMessage().contains("a configuration was given for it, but no plugin with this id was "
                + "registered or discovered"), e.getMessage());
    }

    @Test
    void paymentGateway_idOfAnotherKind_throwsUnavailableNamingTheKind() {
        PluginRegistry r = build(PluginRegistry.builder().register(new RecordingNotifier("mail", Behaviour.ok())));

        PluginUnavailableException e = assertThrows(PluginUnavailableException.class, () -> r.paymentGateway("mail"));

        assertEquals(PluginUnavailableException.Reason.WRONG_KIND, e.reason());
        assertEquals("plugin 'mail' is a Notifier, not a PaymentGateway", e.getMessage());
        assertEquals("mail", r.notifier("mail").id());
    }

    @Test
    void notifierCalendarSourceDocumentStore_unknownId_throwUnavailable() {
        PluginRegistry r = build(PluginRegistry.builder());

        assertEquals(PluginUnavailableException.Reason.UNKNOWN_ID,
                assertThrows(PluginUnavailableException.class, () -> r.notifier("x")).reason());
        assertEquals(PluginUnavailableException.Reason.UNKNOWN_ID,
                assertThrows(PluginUnavailableException.class, () -> r.calendarSource("x")).reason());
        assertEquals(PluginUnavailableException.Reason.UNKNOWN_ID,
                assertThrows(PluginUnavailableException.class, () -> r.documentStore("x")).reason());
    }

    @Test
    void wrapped_configureAgain_throws() {
        PluginRegistry r = build(PluginRegistry.builder().register(new RecordingNotifier("n", Behaviour.ok())));
        assertThrows(IllegalStateException.class, () -> r.notifiers().get(0).configure(PluginConfig.empty()));
    }

    @Test
    void call_hangs_timesOutAsPluginTimeout_recordedAndNotRetried() {
        RecordingNotifier hung = new RecordingNotifier("hung", Behaviour.alwaysHang());
        PluginRegistry r = build(PluginRegistry.builder().register(hung).timeout("hung", Duration.ofMillis(100))
                .retry(FAST));
        PluginTimeoutException e = assertThrows(PluginTimeoutException.class, () -> r.notifiers().get(0).send(NOTE));
        assertEquals("hung", e.pluginId());
        assertEquals("send", e.operation());
        assertEquals(1, hung.calls.get(), "a timed-out call is not retried");
        PluginHealth h = r.health().get("hung");
        assertEquals(PluginHealth.Status.DEGRADED, h.status());
        assertEquals(1, h.consecutiveFailures());
        assertTrue(h.lastFailure().contains("timed out"), h.lastFailure());
        assertNotNull(h.lastFailureAt());
    }

    /**
     * One call after the other is never "still running": a call that returned has ended, even if
     * its pool thread has not yet gone back to wait for the next one. (The pool's hand-off used to
     * reject such a call when every thread was between two calls.)
     */
    @Test
    void call_sequentialQuickCallsAtTheLimit_neverRejected() {
        RecordingNotifier quick = new RecordingNotifier("quick", Behaviour.ok());
        PluginRegistry r = build(PluginRegistry.builder().register(quick).timeout("quick", Duration.ofSeconds(10))
                .maxConcurrentCalls(1).retry(RetryPolicy.none()));
        Notifier n = r.notifiers().get(0);
        for (int i = 0; i < 5_000; i++) {
            n.send(NOTE);
        }
        assertEquals(5_000, quick.calls.get());
        assertEquals(PluginHealth.Status.UP, r.health().get("quick").status());
    }

    @Test
    void call_keepsHanging_threadsBoundedAndFurtherCallsRejectedAtOnce() throws Exception {
        RecordingNotifier hung = new RecordingNotifier("stuck", (id, n) -> {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException ignored) {
                    // a badly written plugin: ignores interrupts and stays hung
                }
            }
        });
        PluginRegistry r = build(PluginRegistry.builder().register(hung).timeout("stuck", Duration.ofMillis(50))
                .maxConcurrentCalls(2).retry(RetryPolicy.none()));
        Notifier n = r.notifiers().get(0);
        for (int i = 0; i < 2; i++) {
            assertThrows(PluginTimeoutException.class, () -> n.send(NOTE));
        }
        for (int i = 0; i < 5; i++) {
            PluginException e = assertThrows(PluginException.class, () -> n.send(NOTE));
            assertFalse(e instanceof PluginTimeoutException, "rejected without waiting: " + e.getMessage());
            assertTrue(e.getMessage().contains("still running"), e.getMessage());
        }
        assertEquals(2, hung.calls.get(), "only two calls ever reached the plugin");
        long threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("billops-plugin-stuck-")).count();
        assertEquals(2, threads);
        assertEquals(PluginHealth.Status.DOWN, r.health().get("stuck").status());
        assertEquals(7, r.health().get("stuck").consecutiveFailures());
    }

    @Test
    void call_transientTwiceThenOk_retriedWithBackoffAndUp() {
        RecordingNotifier flaky = new RecordingNotifier("flaky", Behaviour.failFirst(2,
                () -> TestPlugins.transientFailure("flaky", null)));
        PluginRegistry r = build(PluginRegistry.builder().register(flaky).retry(FAST));
        r.notifiers().get(0).send(NOTE);
        assertEquals(3, flaky.calls.get());
        assertEquals(1, flaky.sent.size());
        PluginHealth h = r.health().get("flaky");
        assertEquals(PluginHealth.Status.UP, h.status());
        assertEquals(0, h.consecutiveFailures());
    }

    @Test
    void call_transientEveryTime_givesUpAfterMaxAttemptsWithTransient() {
        RecordingNotifier down = new RecordingNotifier("down", Behaviour.failFirst(100,
                () -> TestPlugins.transientFailure("down", null)));
        PluginRegistry r = build(PluginRegistry.builder().register(down).retry(FAST));
        assertThrows(TransientPluginException.class, () -> r.notifiers().get(0).send(NOTE));
        assertEquals(3, down.calls.get());
        assertEquals(1, r.health().get("down").consecutiveFailures(), "one failed call, however many attempts");
    }

    @Test
    void call_retryAfterLongerThanMaxBackoff_notRetriedNow() {
        RecordingNotifier limited = new RecordingNotifier("limited", Behaviour.failFirst(100,
                () -> TestPlugins.transientFailure("limited", Duration.ofMinutes(10))));
        PluginRegistry r = build(PluginRegistry.builder().register(limited).retry(FAST));
        TransientPluginException e = assertThrows(TransientPluginException.class,
                () -> r.notifiers().get(0).send(NOTE));
        assertEquals(Duration.ofMinutes(10), e.retryAfter().orElseThrow());
        assertEquals(1, limited.calls.get());
    }

    @Test
    void call_retryAfterGiven_waitsAtLeastThatLong() {
        RecordingNotifier limited = new RecordingNotifier("limited", Behaviour.failFirst(1,
                () -> TestPlugins.transientFailure("limited", Duration.ofMillis(300))));
        PluginRegistry r = build(PluginRegistry.builder().register(limited)
                .retry(new RetryPolicy(2, Duration.ofMillis(1), 1, Duration.ofSeconds(1))));
        long start = System.nanoTime();
        r.notifiers().get(0).send(NOTE);
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(2, limited.calls.get());
        assertTrue(waitedMillis >= 300, "waited " + waitedMillis + " ms, asked for 300");
    }

    @Test
    void call_permanentFailure_notRetriedAndWrappedWithPluginId() {
        RecordingNotifier bad = new RecordingNotifier("bad", Behaviour.failFirst(100,
                () -> new IllegalStateException("no such channel")));
        PluginRegistry r = build(PluginRegistry.builder().register(bad).retry(FAST));
        PluginException e = assertThrows(PluginException.class, () -> r.notifiers().get(0).send(NOTE));
        assertFalse(e instanceof TransientPluginException);
        assertEquals("bad", e.pluginId());
        assertTrue(e.getMessage().contains("no such channel"), e.getMessage());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals(1, bad.calls.get());
    }

    @Test
    void call_pluginsOwnBillingException_passesThroughUnchanged() {
        FixedCalendar cal = new FixedCalendar("ics", List.of());
        MalformedCalendarException malformed = new MalformedCalendarException("team.ics", "line 3: no BEGIN:VCALENDAR");
        cal.fail(malformed);
        PluginRegistry r = build(PluginRegistry.builder().register(cal));
        MalformedCalendarException e = assertThrows(MalformedCalendarException.class,
                () -> r.calendarSources().get(0).events(Instant.EPOCH, Instant.EPOCH.plusSeconds(60)));
        assertSame(malformed, e);
        assertEquals(PluginHealth.Status.DEGRADED, r.health().get("ics").status());
    }

    @Test
    void call_nullOrGarbageResult_isAFailure() {
        PaymentGateway garbage = new PaymentGateway() {
            final AtomicInteger n = new AtomicInteger();

            @Override
            public String id() {
                return "garbage";
            }

            @Override
            public @Nullable ChargeResult charge(ChargeRequest request) {
                return null;
            }

            @Override
            public ChargeResult status(String key) {
                return new ChargeResult(ChargeResult.Status.SUCCEEDED, null, "");
            }
        };
        FixedCalendar nulls = new FixedCalendar("nulls", null);
        PluginRegistry r = build(PluginRegistry.builder().register(garbage).register(nulls));
        PaymentGateway g = r.paymentGateway("garbage");
        ChargeRequest req = new ChargeRequest(TenantId.of("t"), ClientId.of("c"), InvoiceId.of("i"), "INV-1",
                Money.of("EUR", "10.00"), "pm_1", "k1");
        PluginException e1 = assertThrows(PluginException.class, () -> g.charge(req));
        assertTrue(e1.getMessage().contains("charge returned null"), e1.getMessage());
        PluginException e2 = assertThrows(PluginException.class, () -> g.status("k1"));
        assertTrue(e2.getMessage().contains("SUCCEEDED without a gateway reference"), e2.getMessage());
        assertThrows(PluginException.class,
                () -> r.calendarSource("nulls").events(Instant.EPOCH, Instant.EPOCH.plusSeconds(1)));
        assertEquals(2, r.health().get("garbage").consecutiveFailures());
        assertEquals(PluginHealth.Status.DEGRADED, r.health().get("nulls").status());
    }

    @Test
    void health_degradedAfterOneFailure_downAfterN_upAfterSuccess() {
        RecordingNotifier n = new RecordingNotifier("n", Behaviour.failFirst(3,
                () -> new PluginException("n", "rejected")));
        PluginRegistry r = build(PluginRegistry.builder().register(n).downAfter(3));
        Notifier wrapped = r.notifiers().get(0);
        assertEquals(PluginHealth.Status.UP, wrapped.health().status());
        assertThrows(PluginException.class, () -> wrapped.send(NOTE));
        assertEquals(PluginHealth.Status.DEGRADED, wrapped.health().status());
        assertThrows(PluginException.class, () -> wrapped.send(NOTE));
        assertThrows(PluginException.class, () -> wrapped.send(NOTE));
        PluginHealth down = r.health().get("n");
        assertEquals(PluginHealth.Status.DOWN, down.status());
        assertTrue(down.message().contains("3 consecutive"), down.message());
        wrapped.send(NOTE);
        PluginHealth up = r.health().get("n");
        assertEquals(PluginHealth.Status.UP, up.status());
        assertEquals(0, up.consecutiveFailures());
        assertTrue(up.lastFailure().contains("rejected"), "the last failure stays visible");
    }

    @Test
    void health_ownHealthDownOrHanging_showsDown() {
        RecordingNotifier sick = new RecordingNotifier("sick", Behaviour.ok()) {
            @Override
            public PluginHealth health() {
                return PluginHealth.down("SMTP server unreachable");
            }
        };
        RecordingNotifier slow = new RecordingNotifier("slow", Behaviour.ok()) {
            @Override
            public PluginHealth health() {
                TestPlugins.hang();
                return PluginHealth.up();
            }
        };
        PluginRegistry r = build(PluginRegistry.builder().register(sick).register(slow)
                .timeout("slow", Duration.ofMillis(100)));
        Map<String, PluginHealth> h = r.health();
        assertEquals(PluginHealth.Status.DOWN, h.get("sick").status());
        assertEquals("SMTP server unreachable", h.get("sick").message());
        assertEquals(PluginHealth.Status.DOWN, h.get("slow").status());
        assertTrue(h.get("slow").message().contains("timed out"), h.get("slow").message());
    }

    @Test
    void add_withoutTimeout_runsOnCallersThread_stillGuarded() {
        RecordingNotifier inline = new RecordingNotifier("inline", (id, n) -> {
            if (Thread.currentThread().getName().startsWith("billops-plugin-")) {
                throw new AssertionError("ran on a plugin thread");
            }
            if (n == 1) {
                throw new IllegalStateException("first call fails");
            }
        });
        PluginRegistry r = build(PluginRegistry.builder());
        Notifier wrapped = (Notifier) r.add(inline);
        assertThrows(PluginException.class, () -> wrapped.send(NOTE));
        wrapped.send(NOTE);
        assertEquals(List.of("inline"), r.ids());
        assertTrue(r.health().get("inline").lastFailure().contains("first call fails"));
        assertEquals(PluginHealth.Status.UP, r.health().get("inline").status());
    }

    @Test
    void secrets_neverInToStringHealthOrLogs() {
        Notifier leaky = new RecordingNotifier("slack", Behaviour.failFirst(100,
                () -> new PluginException("slack", "HTTP 500"))) {
            @Override
            public void configure(PluginConfig config) {
                config.secret("webhookUrl");
            }
        };
        Notifier misconfigured = new RecordingNotifier("mail", Behaviour.ok()) {
            @Override
            public void configure(PluginConfig config) {
                config.integer("port", 25);
            }
        };
        String log;
        PluginRegistry r;
        try (LogCapture capture = new LogCapture()) {
            PluginConfig config = PluginConfig.of("slack", Map.of("channel", "#billing", "webhookUrl",
                    "https://hooks.slack.test/" + SECRET), Set.of("webhookUrl"));
            r = build(PluginRegistry.builder().register(leaky).register(misconfigured)
                    .configure("slack", config)
                    .configure("mail", PluginConfig.of("mail", Map.of("port", "twenty-five"))
                            .withSecret("password", SECRET)));
            assertThrows(PluginException.class, () -> r.notifiers().get(0).send(NOTE));
            assertFalse(config.toString().contains(SECRET), config.toString());
            assertTrue(config.toString().contains("webhookUrl=****"), config.toString());
            log = capture.text();
        }
        assertTrue(log.contains("slack"), "failures are logged with the plugin id: " + log);
        assertTrue(log.contains("mail"), log);
        assertFalse(log.contains(SECRET), log);
        assertFalse(r.toString().contains(SECRET), r.toString());
        assertFalse(r.health().toString().contains(SECRET), r.health().toString());
        assertFalse(r.notifiers().toString().contains(SECRET), r.notifiers().toString());
    }

    @Test
    void close_closesAutoCloseablePlugins_evenIfOneFails() {
        AtomicInteger closed = new AtomicInteger();
        class Closing extends RecordingNotifier implements AutoCloseable {
            private final boolean fail;

            Closing(String id, boolean fail) {
                super(id, Behaviour.ok());
                this.fail = fail;
            }

            @Override
            public void close() {
                closed.incrementAndGet();
                if (fail) {
                    throw new IllegalStateException("socket already closed");
                }
            }
        }
        PluginRegistry r = PluginRegistry.builder().register(new Closing("a", true)).register(new Closing("b", false))
                .build();
        r.close();
        assertEquals(2, closed.get());
    }

    @Test
    void secrets_inAPluginsOwnMessages_maskedInExceptionsHealthAndLogs() {
        String url = "https://hooks.slack.test/services/" + SECRET;
        RecordingNotifier careless = new RecordingNotifier("careless", Behaviour.failFirst(1,
                () -> new IllegalStateException("POST " + url + " refused", new RuntimeException("to " + url)))) {
            @Override
            public PluginHealth health() {
                return new PluginHealth(PluginHealth.Status.DEGRADED, "slow answers from " + url, 0, null, null);
            }
        };
        RecordingNotifier transientLeak = new RecordingNotifier("transient", Behaviour.failFirst(100,
                () -> new TransientPluginException("transient", "503 from " + url, Duration.ofMinutes(5), null)));
        String log;
        PluginRegistry r;
        PluginException thrown;
        TransientPluginException thrownTransient;
        try (LogCapture capture = new LogCapture()) {
            r = build(PluginRegistry.builder().register(careless).register(transientLeak)
                    .configure("careless", PluginConfig.of("careless", Map.of()).withSecret("webhookUrl", url))
                    .configure("transient", PluginConfig.of("transient", Map.of()).withSecret("webhookUrl", url))
                    .retry(FAST));
            thrown = assertThrows(PluginException.class, () -> r.notifier("careless").send(NOTE));
            thrownTransient = assertThrows(TransientPluginException.class,
                    () -> r.notifier("transient").send(NOTE));
            log = capture.text();
        }
        assertFalse(thrown.getMessage().contains(SECRET), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("POST **** refused"),
                thrown.getMessage());
        assertEquals(null, thrown.getCause(), "the cause carried the secret too");
        assertFalse(thrownTransient.getMessage().contains(SECRET), thrownTransient.getMessage());
        assertEquals(Duration.ofMinutes(5), thrownTransient.retryAfter().orElseThrow());
        Map<String, PluginHealth> health = r.health();
        assertFalse(health.toString().contains(SECRET), health.toString());
        assertTrue(health.get("careless").message().contains("slow answers from ****"),
                health.get("careless").message());
        assertTrue(log.contains("careless") && log.contains("transient"), log);
        assertFalse(log.contains(SECRET), log);
    }

    @Test
    void builder_badSettings_throw() {
        PluginRegistry.Builder b = PluginRegistry.builder();
        assertThrows(IllegalArgumentException.class, () -> b.defaultTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.timeout("x", Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> b.downAfter(0));
        assertThrows(IllegalArgumentException.class, () -> b.maxConcurrentCalls(0));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, 1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(2, Duration.ofSeconds(2), 1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(2, Duration.ZERO, 0.5, Duration.ZERO));
    }

    @Test
    void retryPolicy_backoff_growsByMultiplierUpToMax() {
        RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), 2, Duration.ofMillis(350));
        assertEquals(Duration.ofMillis(100), p.backoffAfter(1));
        assertEquals(Duration.ofMillis(200), p.backoffAfter(2));
        assertEquals(Duration.ofMillis(350), p.backoffAfter(3));
        assertEquals(Duration.ofMillis(350), p.backoffAfter(10));
    }
}
