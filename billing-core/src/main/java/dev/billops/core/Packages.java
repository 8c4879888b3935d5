package dev.billops.core;

import dev.billops.core.engagement.PackageRunOptions;
import dev.billops.core.engagement.PackageRunResult;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.internal.engagement.PackageBillingJob;
import dev.billops.core.internal.engagement.PackageBillingRun;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The package (retainer) billing run: bills every due period of the PACKAGE and MIXED engagements
 * once, numbered, dated and with the client's credit applied as {@link Invoices#issue} does.
 * Obtained from {@link TenantBilling#packages()} (one tenant) or {@link Billing#packages} (every
 * tenant, each for its own today); the same run either way.
 *
 * <p>A run is safe to repeat and to start concurrently: a period is billed at most once. It bills
 * {@link PackageRunOptions#chunkSize()} engagements per transaction (each invoice still fails
 * alone, and the numbers of a chunk stay gapless) with {@link PackageRunOptions#workers()} threads;
 * runs started at once for the same date, in this process or others, claim engagements instead of
 * waiting for each other's, and one that dies leaves its engagements to the others or to the next
 * run. Thread-safe.
 */
public final class Packages {

    private interface Runner {
        PackageRunResult run(@Nullable LocalDate date, PackageRunOptions options);
    }

    private final Runner runner;

    private Packages(Runner runner) {
        this.runner = runner;
    }

    static Packages of(PackageBillingRun run) {
        return new Packages((date, options) -> date == null ? run.run(run.today(), options) : run.run(date, options));
    }

    static Packages of(PackageBillingJob job) {
        return new Packages((date, options) -> date == null ? job.runToday(options) : job.run(date, options));
    }

    /** Bills what is due on {@code date}, for real, within the catch-up window. */
    public PackageRunResult run(LocalDate date) {
        return run(date, PackageRunOptions.all());
    }

    /**
     * Bills (or with {@link PackageRunOptions#dryRun} only reports) what is due on {@code date}: a
     * PACKAGE period in advance (due from its first day), a MIXED period in arrears (due the day
     * after its last, when its hours are known), and the periods missed within the policy's
     * {@link dev.billops.core.engagement.PackagePolicy#catchUpPeriods() catch-up window}. Older
     * missed periods are reported skipped until billed with
     * {@link PackageRunOptions#billMissedPeriods()}.
     *
     * @throws InvalidInputException if a tenant's run is asked for another tenant
     * @throws NotFoundException if the options name an unknown tenant or engagement
     */
    public PackageRunResult run(LocalDate date, PackageRunOptions options) {
        Objects.requireNonNull(date, "date");
        return runner.run(date, Objects.requireNonNull(options, "options"));
    }

    /** Bills what is due today: the clock's instant in each tenant's zone. */
    public PackageRunResult runToday() {
        return runToday(PackageRunOptions.all());
    }

    /** {@link #runToday()} with {@code options}. */
    public PackageRunResult runToday(PackageRunOptions options) {
        return runner.run(null, Objects.requireNonNull(options, "options"));
    }
}
