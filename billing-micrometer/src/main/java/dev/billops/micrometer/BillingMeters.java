package dev.billops.micrometer;

import dev.billops.core.Billing;
import dev.billops.core.engagement.PackageRunResult;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.event.InvoiceCredited;
import dev.billops.core.event.InvoiceIssued;
import dev.billops.core.event.PaymentFailed;
import dev.billops.core.event.PaymentReceived;
import dev.billops.core.event.PaymentRefunded;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.money.Money;
import dev.billops.core.party.Actor;
import dev.billops.spi.BillingEventListener;
import dev.billops.spi.runtime.PluginCallListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BillOps meters, fed by the library's own signals: committed events (this is a
 * {@link BillingEventListener} plugin, id {@value #ID}, delivered through the outbox like any other),
 * guarded plugin calls (a {@link PluginCallListener}), package runs timed through
 * {@link #timePackageRun}, and the outbox backlog read when the gauge is read.
 *
 * <pre>{@code
 * BillingMeters meters = BillingMeters.builder().billing(billing).outboxBacklog(store.outbox()::pendingCount).build();
 * meters.bindTo(meterRegistry);
 * PluginRegistry plugins = PluginRegistry.builder().discover().register(meters).callListener(meters).build();
 * PackageRunResult run = meters.timePackageRun(() -> billing.packages(actor).runToday());
 * }</pre>
 *
 * <p><b>Meters.</b>
 * <ul>
 *   <li>{@value #INVOICES_ISSUED}, {@value #CREDIT_NOTES}, {@value #PAYMENTS_RECORDED},
 *       {@value #PAYMENTS_FAILED}, {@value #PAYMENTS_REFUNDED}: counters, and beside each a distribution
 *       summary {@code <name>.amount} tagged {@code currency} (the ISO code).</li>
 *   <li>{@value #PACKAGE_RUNS}: timer tagged {@code outcome} ({@code succeeded}: nothing failed;
 *       {@code partial}: some engagements failed; {@code error}: the run threw) and {@code dry.run};
 *       {@value #PACKAGE_RUN_PERIODS}: counter tagged {@code outcome} ({@code created}, {@code skipped},
 *       {@code failed}) and {@code dry.run}.</li>
 *   <li>{@value #PLUGIN_CALLS}: timer tagged {@code plugin}, {@code operation} and {@code outcome}
 *       ({@code success}, {@code failure}, {@code timeout}).</li>
 *   <li>{@value #OUTBOX_BACKLOG}: gauge of undelivered outbox events (only if a backlog source was
 *       given); {@value #OUTBOX_DELIVERY_LAG}: timer from an event's {@code occurredAt} to its delivery
 *       to this listener.</li>
 * </ul>
 *
 * <p><b>Amounts</b> are recorded in the currency's <em>minor unit</em> (cents for EUR, yen for JPY,
 * fils for BHD; base unit {@value #AMOUNT_UNIT}): the exact decimal amount is moved by the
 * currency's fraction digits into a whole number ({@link Money#toMinor()}), which is converted to the
 * {@code double} Micrometer records only then, exactly for any amount below 2<sup>53</sup> minor
 * units. Credit notes and refunds are recorded as positive amounts. Summaries in different
 * currencies are never added up: each currency is its own tag.
 *
 * <p><b>Credit notes</b> are issued documents too, and their {@code invoice.issued} event does not say
 * which kind of document it is: given the {@link Builder#billing(Billing) Billing}, the meters look the
 * document up and count a credit note only under {@value #CREDIT_NOTES}; without it,
 * {@value #INVOICES_ISSUED} counts credit notes as well.
 *
 * <p>Events arriving before {@link #bindTo} are not counted. Meters carry no tenant tag (their
 * number would grow with the tenants); add common tags with the registry's {@code MeterFilter}s.
 * Thread-safe; may be bound to several registries.
 */
public final class BillingMeters implements MeterBinder, BillingEventListener, PluginCallListener {

    /** The plugin id of the listener. */
    public static final String ID = "billops-metrics";

    public static final String INVOICES_ISSUED = "billops.invoices.issued";
    public static final String CREDIT_NOTES = "billops.credit.notes";
    public static final String PAYMENTS_RECORDED = "billops.payments.recorded";
    public static final String PAYMENTS_FAILED = "billops.payments.failed";
    public static final String PAYMENTS_REFUNDED = "billops.payments.refunded";
    /** Suffix of the amount summary beside each document and payment counter. */
    public static final String AMOUNT_SUFFIX = ".amount";
    /** Base unit of every amount summary. */
    public static final String AMOUNT_UNIT = "minor.units";
    public static final String PACKAGE_RUNS = "billops.package.runs";
    public static final String PACKAGE_RUN_PERIODS = "billops.package.run.periods";
    public static final String PLUGIN_CALLS = "billops.plugin.calls";
    public static final String OUTBOX_BACKLOG = "billops.outbox.backlog";
    public static final String OUTBOX_DELIVERY_LAG = "billops.outbox.delivery.lag";

    private static final Logger LOG = LoggerFactory.getLogger(BillingMeters.class);
    private static final List<String> COUNTED = List.of(INVOICES_ISSUED, CREDIT_NOTES, PAYMENTS_RECORDED,
            PAYMENTS_FAILED, PAYMENTS_REFUNDED);

    private static final Actor READER = Actor.system(ID);

    private final Clock clock;
    private final @Nullable LongSupplier backlog;
    private final @Nullable Billing billing;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

    private BillingMeters(Builder b) {
        this.clock = b.clock;
        this.backlog = b.backlog;
        this.billing = b.billing;
    }

    /** Meters with the system clock and no backlog gauge. */
    public static BillingMeters create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Registers the meters in {@code registry} (the counters at zero); binding the same registry twice is harmless. */
    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        synchronized (registries) {
            if (registries.contains(registry)) {
                return;
            }
            registries.add(registry);
        }
        for (String name : COUNTED) {
            counter(registry, name);
        }
        LongSupplier source = backlog;
        if (source != null) {
            Gauge.builder(OUTBOX_BACKLOG, source, BillingMeters::readBacklog)
                    .description("outbox events not delivered yet")
                    .baseUnit("events")
                    .register(registry);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    /** Counts the event's document or payment, and records its delivery lag. */
    @Override
    public void onEvent(TenantId tenant, BillingEvent event) {
        Objects.requireNonNull(event, "event");
        Duration lag = Duration.between(event.occurredAt(), clock.instant());
        Duration shown = lag.isNegative() ? Duration.ZERO : lag;
        for (MeterRegistry r : registries) {
            Timer.builder(OUTBOX_DELIVERY_LAG).description("time from an event to its delivery to listeners")
                    .register(r).record(shown);
        }
        if (event instanceof InvoiceIssued e) {
            if (!isCreditNote(tenant, e.invoiceId())) {
                counted(INVOICES_ISSUED, e.total());
            }
        } else if (event instanceof InvoiceCredited e) {
            counted(CREDIT_NOTES, e.amount());
        } else if (event instanceof PaymentReceived e) {
            counted(PAYMENTS_RECORDED, e.amount());
        } else if (event instanceof PaymentFailed e) {
            counted(PAYMENTS_FAILED, e.amount());
        } else if (event instanceof PaymentRefunded e) {
            counted(PAYMENTS_REFUNDED, e.amount());
        }
    }

    /** Times one guarded plugin call. */
    @Override
    public void onCall(String pluginId, String operation, Outcome outcome, Duration duration) {
        Tags tags = Tags.of("plugin", pluginId, "operation", operation, "outcome",
                outcome.name().toLowerCase(Locale.ROOT));
        for (MeterRegistry r : registries) {
            Timer.builder(PLUGIN_CALLS).description("guarded plugin calls, retries included").tags(tags)
                    .register(r).record(duration);
        }
    }

    /**
     * Runs a package billing run, times it and counts its periods by outcome; a run that throws is
     * timed with outcome {@code error} and its exception rethrown.
     *
     * @param dryRun whether the run is a dry run, for the tag of a run that throws (the result says so otherwise)
     */
    public PackageRunResult timePackageRun(boolean dryRun, Supplier<PackageRunResult> run) {
        Objects.requireNonNull(run, "run");
        long started = System.nanoTime();
        PackageRunResult result;
        try {
            result = Objects.requireNonNull(run.get(), "package run result");
        } catch (RuntimeException e) {
            recordPackageRun(null, dryRun, Duration.ofNanos(System.nanoTime() - started));
            throw e;
        }
        recordPackageRun(result, result.dryRun(), Duration.ofNanos(System.nanoTime() - started));
        return result;
    }

    /** {@link #timePackageRun(boolean, Supplier)} for a run that is not a dry run. */
    public PackageRunResult timePackageRun(Supplier<PackageRunResult> run) {
        return timePackageRun(false, run);
    }

    /** Records a package run that took {@code took}; a null result is a run that threw. */
    public void recordPackageRun(@Nullable PackageRunResult result, boolean dryRun, Duration took) {
        Objects.requireNonNull(took, "took");
        String outcome = result == null ? "error" : result.succeeded() ? "succeeded" : "partial";
        String dry = String.valueOf(result != null ? result.dryRun() : dryRun);
        for (MeterRegistry r : registries) {
            Timer.builder(PACKAGE_RUNS).description("package billing runs").tags("outcome", outcome, "dry.run", dry)
                    .register(r).record(took);
            if (result != null) {
                periods(r, "created", dry).increment(result.created().size());
                periods(r, "skipped", dry).increment(result.skipped().size());
                periods(r, "failed", dry).increment(result.failed().size());
            }
        }
    }

    private static Counter periods(MeterRegistry r, String outcome, String dry) {
        return Counter.builder(PACKAGE_RUN_PERIODS).description("engagement periods of package runs, by outcome")
                .tags("outcome", outcome, "dry.run", dry).register(r);
    }

    private void counted(String name, Money amount) {
        long minor = Math.abs(amount.toMinor());
        Tag currency = Tag.of("currency", amount.currencyCode());
        for (MeterRegistry r : registries) {
            counter(r, name).increment();
            DistributionSummary.builder(name + AMOUNT_SUFFIX)
                    .description("amounts in the currency's minor unit")
                    .baseUnit(AMOUNT_UNIT)
                    .tags(List.of(currency))
                    .register(r)
                    .record((double) minor);
        }
    }

    private boolean isCreditNote(TenantId tenant, InvoiceId id) {
        Billing b = billing;
        if (b == null) {
            return false;
        }
        try {
            return b.tenant(tenant, READER).invoices().get(id).type() == DocumentType.CREDIT_NOTE;
        } catch (RuntimeException e) {
            LOG.warn("issued document {} of tenant {} cannot be read; counted as an invoice: {}", id, tenant,
                    e.toString());
            return false;
        }
    }

    private static Counter counter(MeterRegistry r, String name) {
        return Counter.builder(name).register(r);
    }

    private static double readBacklog(LongSupplier source) {
        try {
            return source.getAsLong();
        } catch (RuntimeException e) {
            LOG.warn("outbox backlog cannot be read: {}", e.toString());
            return Double.NaN;
        }
    }

    @Override
    public String toString() {
        return "BillingMeters[" + registries.size() + " registries" + (backlog != null ? ", backlog gauge" : "") + "]";
    }

    /** Builds {@link BillingMeters}. Not thread-safe. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private @Nullable LongSupplier backlog;
        private @Nullable Billing billing;

        private Builder() {
        }

        /** Where issued documents are looked up, so that credit notes are not counted as invoices. */
        public Builder billing(Billing billing) {
            this.billing = Objects.requireNonNull(billing, "billing");
            return this;
        }

        /** The clock delivery lag is measured with; the system clock unless set. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Where the {@value #OUTBOX_BACKLOG} gauge reads the number of undelivered events, e.g.
         * {@code store.outbox()::pendingCount}; read each time the gauge is read. No gauge unless set.
         */
        public Builder outboxBacklog(LongSupplier backlog) {
            this.backlog = Objects.requireNonNull(backlog, "backlog");
            return this;
        }

        public BillingMeters build() {
            return new BillingMeters(this);
        }
    }
}
