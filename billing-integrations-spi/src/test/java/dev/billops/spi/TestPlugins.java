package dev.billops.spi;

import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Small plugins whose behaviour a test scripts: they count calls and fail, hang or answer as told. */
public final class TestPlugins {

    private TestPlugins() {
    }

    /** What one call does: nothing, throw, or hang until released or interrupted. */
    public interface Behaviour {
        void act(String pluginId, int call);

        static Behaviour ok() {
            return (id, n) -> {
            };
        }

        /** Throws the supplied exception on the first {@code times} calls, then works. */
        static Behaviour failFirst(int times, Supplier<RuntimeException> failure) {
            return (id, n) -> {
                if (n <= times) {
                    throw failure.get();
                }
            };
        }

        /** Hangs on the first {@code times} calls (until interrupted, or an hour), then works. */
        static Behaviour hangFirst(int times) {
            return (id, n) -> {
                if (n <= times) {
                    hang();
                }
            };
        }

        static Behaviour alwaysHang() {
            return (id, n) -> hang();
        }
    }

    public static void hang() {
        try {
            new CountDownLatch(1).await(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A notifier that records what it sent. */
    public static class RecordingNotifier implements Notifier {
        private final String id;
        private volatile Behaviour behaviour;
        private final Set<Notification.Kind> kinds;
        public final AtomicInteger calls = new AtomicInteger();
        public final List<Notification> sent = Collections.synchronizedList(new ArrayList<>());

        public RecordingNotifier(String id, Behaviour behaviour) {
            this(id, behaviour, Set.of(Notification.Kind.values()));
        }

        public RecordingNotifier(String id, Behaviour behaviour, Set<Notification.Kind> kinds) {
            this.id = id;
            this.behaviour = behaviour;
            this.kinds = kinds;
        }

        public void behave(Behaviour b) {
            behaviour = b;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Set<Notification.Kind> kinds() {
            return kinds;
        }

        @Override
        public void send(Notification notification) {
            behaviour.act(id, calls.incrementAndGet());
            if (!Thread.currentThread().isInterrupted()) {
                sent.add(notification);
            }
        }
    }

    /** A listener that records the events it handled. */
    public static final class RecordingListener implements BillingEventListener {
        private final String id;
        private final Set<String> types;
        private volatile Behaviour behaviour;
        public final AtomicInteger calls = new AtomicInteger();
        public final List<BillingEvent> handled = Collections.synchronizedList(new ArrayList<>());

        public RecordingListener(String id, Set<String> types, Behaviour behaviour) {
            this.id = id;
            this.types = types;
            this.behaviour = behaviour;
        }

        public void behave(Behaviour b) {
            behaviour = b;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Set<String> eventTypes() {
            return types;
        }

        @Override
        public void onEvent(TenantId tenant, BillingEvent event) {
            behaviour.act(id, calls.incrementAndGet());
            handled.add(event);
        }

        /** How many times it handled events of {@code type}. */
        public long count(String type) {
            synchronized (handled) {
                return handled.stream().filter(e -> e.type().equals(type)).count();
            }
        }
    }

    /** A calendar source returning fixed events, or failing as told. */
    public static final class FixedCalendar implements CalendarSource {
        private final String id;
        private volatile List<CalendarEvent> events;
        private volatile @Nullable RuntimeException failure;

        public FixedCalendar(String id, List<CalendarEvent> events) {
            this.id = id;
            this.events = events;
        }

        public void set(List<CalendarEvent> next) {
            events = next;
        }

        public void fail(@Nullable RuntimeException e) {
            failure = e;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<CalendarEvent> events(Instant fromInclusive, Instant toExclusive) {
            RuntimeException f = failure;
            if (f != null) {
                throw f;
            }
            return events;
        }
    }

    /** A transient failure, optionally asking to wait. */
    public static TransientPluginException transientFailure(String id, @Nullable Duration retryAfter) {
        return new TransientPluginException(id, "HTTP 503 from upstream", retryAfter, null);
    }
}
