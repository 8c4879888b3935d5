package dev.billops.spring;

import dev.billops.core.Billing;
import dev.billops.core.engagement.PackageRunResult;
import dev.billops.core.party.Actor;
import dev.billops.jdbc.OutboxDispatcher;
import dev.billops.micrometer.BillingMeters;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The background work of BillOps in a Spring application, on a scheduler of its own (so the
 * application needs no {@code @EnableScheduling}): the outbox dispatcher every
 * {@code billops.outbox.interval}, and the package run of every tenant on {@code billops.package-run.cron}.
 * Started and stopped with the application context. A failing round is logged and the next one runs
 * as planned.
 */
public final class BillOpsJobs implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(BillOpsJobs.class);

    private final @Nullable OutboxDispatcher dispatcher;
    private final BillOpsProperties properties;
    private final Billing billing;
    private final @Nullable BillingMeters meters;
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    private @Nullable ThreadPoolTaskScheduler scheduler;

    /**
     * @param dispatcher the outbox dispatcher, or null for none
     * @param meters the meters package runs are timed with, or null
     */
    public BillOpsJobs(@Nullable OutboxDispatcher dispatcher, BillOpsProperties properties, Billing billing,
            @Nullable BillingMeters meters) {
        this.dispatcher = dispatcher;
        this.properties = Objects.requireNonNull(properties, "properties");
        this.billing = Objects.requireNonNull(billing, "billing");
        this.meters = meters;
    }

    /** Runs one outbox round now: claims and delivers up to the batch size. */
    public int dispatchOnce() {
        return dispatcher == null ? 0 : dispatcher.dispatchOnce(properties.getOutbox().getBatchSize());
    }

    /** Runs the package run of every tenant for its today, now, timed by the meters if there are any. */
    public PackageRunResult runPackagesToday() {
        Supplier<PackageRunResult> run = () -> billing.packages(Actor.system(properties.getPackageRun().getActor()))
                .runToday();
        PackageRunResult result = meters != null ? meters.timePackageRun(run) : run.get();
        LOG.info("package run: {} created, {} skipped, {} failed", result.created().size(), result.skipped().size(),
                result.failed().size());
        return result;
    }

    /** Whether a package run is scheduled, i.e. {@code billops.package-run.cron} is not "-". */
    public boolean packageRunScheduled() {
        return !"-".equals(properties.getPackageRun().getCron().trim());
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        ThreadPoolTaskScheduler s = new ThreadPoolTaskScheduler();
        s.setPoolSize(2);
        s.setThreadNamePrefix("billops-");
        s.setDaemon(true);
        s.setErrorHandler(t -> LOG.warn("BillOps background job failed: {}", t.toString(), t));
        s.initialize();
        if (dispatcher != null) {
            Duration every = properties.getOutbox().getInterval();
            scheduled.add(s.scheduleWithFixedDelay(this::dispatchAll, every));
        }
        if (packageRunScheduled()) {
            scheduled.add(s.schedule(this::runPackagesToday, new CronTrigger(properties.getPackageRun().getCron(),
                    ZoneId.of(properties.getPackageRun().getZone()))));
        }
        scheduler = s;
    }

    /** Dispatches rounds until the outbox is empty (or a round delivers nothing). */
    private void dispatchAll() {
        int batch = properties.getOutbox().getBatchSize();
        while (dispatchOnce() >= batch) {
            LOG.debug("outbox round full; dispatching again");
        }
    }

    @Override
    public synchronized void stop() {
        ThreadPoolTaskScheduler s = scheduler;
        if (s == null) {
            return;
        }
        scheduled.forEach(f -> f.cancel(false));
        scheduled.clear();
        s.shutdown();
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
