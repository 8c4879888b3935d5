package dev.billops.spi.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.TenantId;
import dev.billops.spi.Notification;
import dev.billops.spi.PluginException;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.TestPlugins.Behaviour;
import dev.billops.spi.TestPlugins.RecordingNotifier;
import dev.billops.spi.TestPlugins;
import dev.billops.spi.runtime.PluginCallListener.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginCallListenerTest {

    private static final Notification NOTE = Notification.of(Notification.Kind.OTHER, TenantId.of("firm"), "hello",
            "body");
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), 2, Duration.ofMillis(50));

    private record Seen(String plugin, String operation, Outcome outcome, Duration duration) {
    }

    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

    private PluginRegistry.Builder observed() {
        return PluginRegistry.builder().retry(FAST).callListener((p, op, o, d) -> seen.add(new Seen(p, op, o, d)));
    }

    @Test
    void callListener_successFailureAndTimeout_toldOncePerCallWithOutcome() {
        RecordingNotifier ok = new RecordingNotifier("ok", Behaviour.ok());
        RecordingNotifier broken = new RecordingNotifier("broken",
                Behaviour.failFirst(99, () -> new IllegalStateException("boom")));
        RecordingNotifier flaky = new RecordingNotifier("flaky",
                Behaviour.failFirst(2, () -> TestPlugins.transientFailure("flaky", null)));
        RecordingNotifier hung = new RecordingNotifier("hung", Behaviour.alwaysHang());
        try (PluginRegistry r = observed().register(ok).register(broken).register(flaky).register(hung)
                .timeout("hung", Duration.ofMillis(100)).build()) {
            seen.clear();
            r.notifier("ok").send(NOTE);
            assertThrows(PluginException.class, () -> r.notifier("broken").send(NOTE));
            r.notifier("flaky").send(NOTE);
            assertThrows(PluginTimeoutException.class, () -> r.notifier("hung").send(NOTE));

            assertEquals(List.of("ok:send:SUCCESS", "broken:send:FAILURE", "flaky:send:SUCCESS", "hung:send:TIMEOUT"),
                    seen.stream().map(s -> s.plugin() + ":" + s.operation() + ":" + s.outcome()).toList(),
                    "one notice per call, retries included in the call");
            assertEquals(3, flaky.calls.get());
            assertTrue(seen.get(3).duration().compareTo(Duration.ofMillis(100)) >= 0, seen.get(3).toString());
        }
    }

    @Test
    void callListener_throws_callOutcomeUnchanged() {
        RecordingNotifier ok = new RecordingNotifier("ok", Behaviour.ok());
        try (PluginRegistry r = PluginRegistry.builder().register(ok).callListener((p, op, o, d) -> {
            throw new IllegalStateException("observer broke");
        }).build()) {
            r.notifier("ok").send(NOTE);
            assertEquals(1, ok.sent.size());
            assertEquals(PluginHealth.Status.UP, r.health("ok").orElseThrow().status());
        }
    }

    @Test
    void configure_isObservedAsACall() {
        try (PluginRegistry r = observed().register(new RecordingNotifier("ok", Behaviour.ok())).build()) {
            assertEquals("ok:configure:SUCCESS", seen.get(0).plugin() + ":" + seen.get(0).operation() + ":"
                    + seen.get(0).outcome());
            assertEquals(1, r.notifiers().size());
        }
    }
}
