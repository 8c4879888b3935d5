package dev.billops.spi.runtime;

import dev.billops.spi.BillingEventListener;
import dev.billops.spi.BillingPlugin;
import dev.billops.spi.CalendarSource;
import dev.billops.spi.DocumentStore;
import dev.billops.spi.MalformedCalendarException;
import dev.billops.spi.Notifier;
import dev.billops.spi.PaymentGateway;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginConfigurationException;
import dev.billops.spi.PluginException;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.TransientPluginException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins of a host: discovered with {@link ServiceLoader} and/or registered as instances,
 * configured once, and handed out wrapped so that every call runs with the plugin's timeout,
 * retries {@link TransientPluginException}s with backoff ({@link RetryPolicy}), and records
 * failures for {@link #health()}:
 *
 * <pre>{@code
 * PluginRegistry plugins = PluginRegistry.builder()
 *         .discover()
 *         .configure("slack", PluginConfig.of("slack", Map.of()).withSecret("webhookUrl", url))
 *         .timeout("slack", Duration.ofSeconds(5))
 *         .build();
 * for (Notifier n : plugins.notifiers()) { n.send(notification); }   // guarded calls
 * plugins.health();                                                  // {slack=UP ...}
 * }</pre>
 *
 * <p><b>Failures.</b> A wrapped call that throws, hangs past its timeout, or returns garbage (null
 * where a value is required, a SUCCEEDED charge without reference) throws a
 * {@link PluginException} naming the plugin (a plugin's own {@code BillingException}, such as
 * {@link MalformedCalendarException}, passes through unchanged), is logged with the plugin id
 * and counts as a failure: health is DEGRADED after one failed call and DOWN after
 * {@link Builder#downAfter(int)} consecutive ones, UP again after a success. A hung call is
 * abandoned (its thread interrupted); each plugin has at most
 * {@link Builder#maxConcurrentCalls(int)} threads, so a plugin that keeps hanging makes its own
 * calls fail fast instead of exhausting threads. A plugin whose {@code configure} throws is left
 * out of every list and shows DOWN with the reason; everything else goes on.
 *
 * <p><b>Secrets.</b> Neither the registry's {@code toString}, its health messages, nor its logs
 * contain configuration values.
 *
 * <p>Thread-safe. {@link #close()} stops the plugin threads.
 */
public final class PluginRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    /** The SPI types discovered, in the order plugins are listed. */
    private static final List<Class<? extends BillingPlugin>> SPI_TYPES = List.of(CalendarSource.class,
            PaymentGateway.class, Notifier.class, DocumentStore.class, BillingEventListener.class);

    private final Map<String, PluginConfig> configs;
    private final Map<String, Duration> timeouts;
    private final Duration defaultTimeout;
    private final RetryPolicy retry;
    private final Map<String, RetryPolicy> retries;
    private final Clock clock;
    private final int downAfter;
    private final int maxConcurrentCalls;
    private final PluginCallListener calls;

    private final Map<String, Entry> entries = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<CalendarSource> calendarSources = new CopyOnWriteArrayList<>();
    private final List<PaymentGateway> paymentGateways = new CopyOnWriteArrayList<>();
    private final List<Notifier> notifiers = new CopyOnWriteArrayList<>();
    private final List<DocumentStore> documentStores = new CopyOnWriteArrayList<>();
    private final List<BillingEventListener> listeners = new CopyOnWriteArrayList<>();

    private PluginRegistry(Builder b) {
        this.configs = Map.copyOf(b.configs);
        this.timeouts = Map.copyOf(b.timeouts);
        this.defaultTimeout = b.defaultTimeout;
        this.retry = b.retry;
        this.retries = Map.copyOf(b.retries);
        this.clock = b.clock;
        this.downAfter = b.downAfter;
        this.maxConcurrentCalls = b.maxConcurrentCalls;
        this.calls = b.calls;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds a plugin after the registry was built, configured with the configuration given for
     * its id, under its configured timeout, or (without one) on the caller's thread with no
     * timeout: meant for built-in listeners such as notifications or autopay, which need the
     * registry's other plugins and guard their own calls to them.
     *
     * @return the plugin as wrapped by the registry (a listener wrapper for a listener)
     * @throws PluginConfigurationException if a plugin with that id is already registered
     */
    public BillingPlugin add(BillingPlugin plugin) {
        Objects.requireNonNull(plugin, "plugin");
        String id = checkedId(plugin);
        return install(plugin, id, timeouts.get(id));
    }

    /** {@link #add(BillingPlugin)} with an explicit timeout for each call. */
    public BillingPlugin add(BillingPlugin plugin, Duration timeout) {
        Objects.requireNonNull(plugin, "plugin");
        return install(plugin, checkedId(plugin), positive(timeout, "timeout"));
    }

    /** The configured calendar sources, guarded, in registration order. */
    public List<CalendarSource> calendarSources() {
        return List.copyOf(calendarSources);
    }

    /** The configured payment gateways, guarded. */
    public List<PaymentGateway> paymentGateways() {
        return List.copyOf(paymentGateways);
    }

    /** The configured notifiers, guarded. */
    public List<Notifier> notifiers() {
        return List.copyOf(notifiers);
    }

    /** The configured document stores, guarded. */
    public List<DocumentStore> documentStores() {
        return List.copyOf(documentStores);
    }

    /** The configured event listeners, guarded. */
    public List<BillingEventListener> listeners() {
        return List.copyOf(listeners);
    }

    /**
     * The configured calendar source with this id, guarded.
     *
     * @throws PluginUnavailableException saying why there is none: unknown id, failed
     *     configuration (with its reason) or another kind of plugin
     */
    public CalendarSource calendarSource(String id) {
        return byId(calendarSources, CalendarSource.class, id);
    }

    /**
     * The configured payment gateway with this id, guarded.
     *
     * @throws PluginUnavailableException saying why there is none: unknown id, failed
     *     configuration (with its reason) or another kind of plugin
     */
    public PaymentGateway paymentGateway(String id) {
        return byId(paymentGateways, PaymentGateway.class, id);
    }

    /**
     * The configured notifier with this id, guarded.
     *
     * @throws PluginUnavailableException saying why there is none: unknown id, failed
     *     configuration (with its reason) or another kind of plugin
     */
    public Notifier notifier(String id) {
        return byId(notifiers, Notifier.class, id);
    }

    /**
     * The configured document store with this id, guarded.
     *
     * @throws PluginUnavailableException saying why there is none: unknown id, failed
     *     configuration (with its reason) or another kind of plugin
     */
    public DocumentStore documentStore(String id) {
        return byId(documentStores, DocumentStore.class, id);
    }

    /** Every plugin id known, configured or not (and {@code unloadable-…} for providers that could not be loaded), in registration order. */
    public List<String> ids() {
        synchronized (entries) {
            return List.copyOf(entries.keySet());
        }
    }

    /**
     * The health of every plugin by id, in registration order: the plugin's own
     * {@link BillingPlugin#health()} (under its timeout) combined with the failures the registry
     * recorded; DOWN with the reason for a plugin whose configuration failed.
     */
    public Map<String, PluginHealth> health() {
        List<Entry> all;
        synchronized (entries) {
            all = new ArrayList<>(entries.values());
        }
        Map<String, PluginHealth> out = new LinkedHashMap<>();
        for (Entry e : all) {
            out.put(e.guard.id(), e.guard.health(e.plugin::health));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The health of one plugin. */
    public Optional<PluginHealth> health(String id) {
        Entry e = entries.get(Objects.requireNonNull(id, "id"));
        return e == null ? Optional.empty() : Optional.of(e.guard.health(e.plugin::health));
    }

    /**
     * Stops the plugin threads (calls still running are interrupted) and closes the plugins that
     * are {@link AutoCloseable}; a plugin whose {@code close} fails is logged and the others are
     * closed all the same.
     */
    @Override
    public void close() {
        List<Entry> all;
        synchronized (entries) {
            all = new ArrayList<>(entries.values());
        }
        for (Entry e : all) {
            e.guard.shutdown();
            if (e.plugin instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ex) {
                    LOG.warn("plugin {}: close failed: {}", e.guard.id(), ex.toString());
                }
            }
        }
    }

    /** Plugin ids with their kinds and whether they are usable; never configuration values. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("PluginRegistry[");
        synchronized (entries) {
            String sep = "";
            for (Entry e : entries.values()) {
                b.append(sep).append(e.guard.id()).append(" (").append(kinds(e.plugin))
                        .append(e.guard.unusableReason() != null ? ", not configured" : "").append(')');
                sep = ", ";
            }
        }
        return b.append(']').toString();
    }

    private static String kinds(BillingPlugin p) {
        List<String> k = new ArrayList<>();
        for (Class<? extends BillingPlugin> type : SPI_TYPES) {
            if (type.isInstance(p)) {
                k.add(type.getSimpleName());
            }
        }
        return k.isEmpty() ? "plugin" : String.join("+", k);
    }

    private String checkedId(BillingPlugin plugin) {
        String id = plugin.id();
        if (id == null || id.isBlank()) {
            throw new PluginConfigurationException(String.valueOf(id), "id",
                    "of " + plugin.getClass().getName() + " is blank");
        }
        Entry existing = entries.get(id);
        if (existing != null) {
            throw duplicate(id, existing.plugin, plugin);
        }
        return id;
    }

    private static PluginConfigurationException duplicate(String id, BillingPlugin first, BillingPlugin second) {
        return new PluginConfigurationException(id, "id", "is used by two plugins: " + first.getClass().getName()
                + " and " + second.getClass().getName() + "; plugin ids must be unique");
    }

    private void recordUnloadable(String key, String reason) {
        PluginGuard guard = new PluginGuard(key, null, RetryPolicy.none(), clock, downAfter, 1, List.of());
        guard.markUnusable(reason);
        entries.put(key, new Entry(new Unloadable(key), guard));
    }

    /** Stands for a provider ServiceLoader could not load, so that it shows in health. */
    private record Unloadable(String id) implements BillingPlugin {
    }

    private BillingPlugin install(BillingPlugin plugin, String id, @Nullable Duration timeout) {
        PluginConfig config = configs.getOrDefault(id, PluginConfig.empty()).forPlugin(id);
        PluginGuard guard = new PluginGuard(id, timeout, retries.getOrDefault(id, retry), clock, downAfter,
                maxConcurrentCalls, secretValues(config), calls);
        Entry entry = new Entry(plugin, guard);
        synchronized (entries) {
            Entry existing = entries.get(id);
            if (existing != null) {
                guard.shutdown();
                throw duplicate(id, existing.plugin, plugin);
            }
            entries.put(id, entry);
        }
        try {
            guard.run("configure", () -> plugin.configure(config));
        } catch (RuntimeException e) {
            guard.markUnusable("configuration failed: " + e.getMessage());
            LOG.warn("plugin {} ({}) is left out: {}", id, plugin.getClass().getName(), guard.unusableReason());
            return plugin;
        }
        BillingPlugin first = null;
        if (plugin instanceof CalendarSource p) {
            first = add(calendarSources, new Guarded.Calendar(p, guard), first);
        }
        if (plugin instanceof PaymentGateway p) {
            first = add(paymentGateways, new Guarded.Gateway(p, guard), first);
        }
        if (plugin instanceof Notifier p) {
            first = add(notifiers, new Guarded.Notify(p, guard), first);
        }
        if (plugin instanceof DocumentStore p) {
            first = add(documentStores, new Guarded.Documents(p, guard), first);
        }
        if (plugin instanceof BillingEventListener p) {
            first = add(listeners, new Guarded.Listener(p, guard), first);
        }
        LOG.info("plugin {} ({}) configured: {}", id, kinds(plugin),
                timeout == null ? "no timeout" : "timeout " + timeout.toMillis() + " ms");
        return first != null ? first : plugin;
    }

    /**
     * The values of the configuration's secret keys (those {@link PluginConfig#string} refuses),
     * so the guard can mask them in anything it logs or keeps. Values shorter than 4 characters
     * are not masked (they would mask ordinary text).
     */
    private static List<String> secretValues(PluginConfig config) {
        List<String> out = new ArrayList<>();
        for (String key : config.keys()) {
            try {
                config.string(key);
            } catch (PluginConfigurationException secretKey) {
                String v = config.secret(key).reveal();
                if (v.length() >= 4) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private static <P extends BillingPlugin> BillingPlugin add(List<P> list, P wrapped, @Nullable BillingPlugin first) {
        list.add(wrapped);
        return first != null ? first : wrapped;
    }

    private <P extends BillingPlugin> P byId(List<P> list, Class<P> kind, String id) {
        Objects.requireNonNull(id, "id");
        for (P p : list) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        String shown = id.length() <= 64 ? id : id.substring(0, 64) + "...";
        Entry e = entries.get(id);
        if (e == null) {
            throw new PluginUnavailableException(id, PluginUnavailableException.Reason.UNKNOWN_ID,
                    "no plugin with id '" + shown + "' is registered (registered: "
                            + (ids().isEmpty() ? "none" : String.join(", ", ids())) + ")"
                            + (configs.containsKey(id) ? "; a configuration was given for it, but no plugin with this "
                                    + "id was registered or discovered" : ""));
        }
        String unusable = e.guard.unusableReason();
        if (unusable != null) {
            throw new PluginUnavailableException(id, PluginUnavailableException.Reason.CONFIGURATION_FAILED,
                    "plugin '" + shown + "' is left out: " + unusable);
        }
        throw new PluginUnavailableException(id, PluginUnavailableException.Reason.WRONG_KIND,
                "plugin '" + shown + "' is a " + kinds(e.plugin) + ", not a " + kind.getSimpleName());
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " " + d + " must be positive");
        }
        return d;
    }

    private record Entry(BillingPlugin plugin, PluginGuard guard) {
    }

    /**
     * Collects plugins and their settings; {@link #build()} configures them. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, BillingPlugin> plugins = new LinkedHashMap<>();
        private final Map<String, PluginConfig> configs = new LinkedHashMap<>();
        private final Map<String, Duration> timeouts = new LinkedHashMap<>();
        private final Map<String, RetryPolicy> retries = new LinkedHashMap<>();
        private final Map<String, String> unloadable = new LinkedHashMap<>();
        private Duration defaultTimeout = Duration.ofSeconds(10);
        private RetryPolicy retry = RetryPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private int downAfter = 3;
        private int maxConcurrentCalls = 4;
        private PluginCallListener calls = PluginCallListener.NONE;

        private Builder() {
        }

        /** Discovers plugins of the five SPI types with the thread's context class loader. */
        public Builder discover() {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return discover(loader != null ? loader : PluginRegistry.class.getClassLoader());
        }

        /**
         * Discovers plugins of the five SPI types with {@code loader}. A class declared under
         * several SPI types (a notifier that is also a listener) is one plugin. A provider that
         * cannot be loaded or instantiated is left out (logged, and DOWN in health under
         * {@code unloadable-<Type>-<n>}) so that one broken jar does not stop billing.
         *
         * @throws PluginConfigurationException if two plugins have one id
         */
        public Builder discover(ClassLoader loader) {
            Objects.requireNonNull(loader, "loader");
            for (Class<? extends BillingPlugin> type : SPI_TYPES) {
                Iterator<? extends BillingPlugin> it = ServiceLoader.load(type, loader).iterator();
                while (true) {
                    BillingPlugin p;
                    try {
                        if (!it.hasNext()) {
                            break;
                        }
                        p = it.next();
                    } catch (ServiceConfigurationError e) {
                        String key = "unloadable-" + type.getSimpleName() + "-" + (unloadable.size() + 1);
                        unloadable.put(key, "META-INF/services/" + type.getName()
                                + " names a provider that cannot be loaded: " + e.getMessage());
                        LOG.warn("plugin discovery: {}; left out (health key {})", unloadable.get(key), key);
                        continue;
                    }
                    BillingPlugin known = plugins.get(p.id());
                    if (known != null && known.getClass().equals(p.getClass())) {
                        continue;
                    }
                    register(p);
                }
            }
            return this;
        }

        /**
         * Registers a plugin instance.
         *
         * @throws PluginConfigurationException if another plugin has its id, or the id is blank
         */
        public Builder register(BillingPlugin plugin) {
            Objects.requireNonNull(plugin, "plugin");
            String id = plugin.id();
            if (id == null || id.isBlank()) {
                throw new PluginConfigurationException(String.valueOf(id), "id",
                        "of " + plugin.getClass().getName() + " is blank");
            }
            BillingPlugin known = plugins.get(id);
            if (known != null) {
                throw duplicate(id, known, plugin);
            }
            plugins.put(id, plugin);
            return this;
        }

        /** The configuration of plugin {@code id} (re-labelled with that id); plugins without one get an empty one. */
        public Builder configure(String id, PluginConfig config) {
            Objects.requireNonNull(id, "id");
            configs.put(id, Objects.requireNonNull(config, "config").forPlugin(id));
            return this;
        }

        /** The timeout of each call of plugin {@code id}. */
        public Builder timeout(String id, Duration timeout) {
            timeouts.put(Objects.requireNonNull(id, "id"), positive(timeout, "timeout of plugin " + id));
            return this;
        }

        /** The timeout of each call of plugins without their own; 10 s unless set. */
        public Builder defaultTimeout(Duration timeout) {
            this.defaultTimeout = positive(timeout, "default timeout");
            return this;
        }

        /** How transient failures are retried; {@link RetryPolicy#defaults()} unless set. */
        public Builder retry(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** How transient failures of plugin {@code id} are retried. */
        public Builder retry(String id, RetryPolicy policy) {
            retries.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /** The clock failures are timed with. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Consecutive failed calls after which a plugin is DOWN; 3 unless set. */
        public Builder downAfter(int failures) {
            if (failures < 1) {
                throw new IllegalArgumentException("downAfter " + failures + " must be at least 1");
            }
            this.downAfter = failures;
            return this;
        }

        /** Threads (calls running at once, hung ones included) per plugin; 4 unless set. */
        public Builder maxConcurrentCalls(int calls) {
            if (calls < 1) {
                throw new IllegalArgumentException("maxConcurrentCalls " + calls + " must be at least 1");
            }
            this.maxConcurrentCalls = calls;
            return this;
        }

        /** Told of every guarded call of every plugin (for metrics); none unless set. */
        public Builder callListener(PluginCallListener listener) {
            this.calls = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Configures every plugin ({@code configure} once, under its timeout) and builds the
         * registry. A plugin whose configuration fails is left out and shows DOWN in health.
         */
        public PluginRegistry build() {
            PluginRegistry registry = new PluginRegistry(this);
            unloadable.forEach(registry::recordUnloadable);
            for (Map.Entry<String, BillingPlugin> e : plugins.entrySet()) {
                registry.install(e.getValue(), e.getKey(), timeouts.getOrDefault(e.getKey(), defaultTimeout));
            }
            for (String id : configs.keySet()) {
                if (!plugins.containsKey(id)) {
                    LOG.warn("configuration given for plugin {}, which is not registered (yet)", id);
                }
            }
            return registry;
        }
    }
}
