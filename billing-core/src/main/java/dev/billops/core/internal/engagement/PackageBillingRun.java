package dev.billops.core.internal.engagement;

import dev.billops.core.engagement.PackageNumbering;
import dev.billops.core.Engagements;
import dev.billops.core.engagement.BillingPeriod;
import dev.billops.core.engagement.Engagement;
import dev.billops.core.engagement.PackagePolicy;
import dev.billops.core.engagement.PackageRunOptions;
import dev.billops.core.engagement.PackageRunResult;
import dev.billops.core.engagement.PackageSchedule;
import dev.billops.core.engagement.PricingMode;
import dev.billops.core.spi.EngagementStore;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.internal.invoice.InvoiceIssuer;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.internal.invoice.IssueFollowUp;
import dev.billops.core.spi.NumberSequenceStore;
import dev.billops.core.numbering.SeriesNumbering;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.internal.TenantScope;
import dev.billops.core.time.LocalDateRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The package billing run of one tenant: issues the package (retainer) invoices of the PACKAGE
 * and MIXED engagements that are due on a date ({@link #duePeriods}), each built by
 * {@link PackageInvoices} and issued by the {@link InvoiceIssuer} like any other invoice, then
 * followed by the {@link IssueFollowUp} in the same transaction. {@link PackageBillingJob} runs it
 * for every tenant.
 *
 * <p>The invoices are issued in chunks of engagements, one transaction each, written together
 * ({@link #checkLocked}, {@link #numbered}, {@link #storeAll}) or, where that cannot be done, with
 * a savepoint per invoice ({@code PackageRunChunks}); a failure is reported in the result and the
 * run goes on. A
 * period is billed at most once, however often and however concurrently the run is started (see
 * {@link #run(LocalDate, PackageRunOptions)}).
 *
 * <p>Immutable and thread-safe.
 */
public final class PackageBillingRun {

    private static final Logger LOG = LoggerFactory.getLogger(PackageBillingRun.class);

    /** Audit action of an issued package invoice. */
    public static final String AUDIT_ACTION = "invoice.issue";

    private final TenantScope scope;
    private final PackagePolicy policy;
    private final PackageInvoices invoices;
    private final InvoiceIssuer issuer;
    private final IssueFollowUp followUp;

    /** A run with nothing following each issue ({@link IssueFollowUp#NONE}). */
    public PackageBillingRun(TenantScope scope, PackagePolicy policy) {
        this(scope, policy, IssueFollowUp.NONE);
    }

    /**
     * The tenant's numbering (used when the policy {@linkplain PackagePolicy#usesTenantNumbering()
     * numbers package invoices like other documents}), tax policy (with GROSS prices the package
     * fee includes tax) and zone come from its profile ({@code TenantPolicies}).
     *
     * @param scope tenant, actor, store and clock
     * @param policy the package policy
     * @param followUp what runs after each issued invoice, in its transaction (the facade applies
     *     the client's credit there)
     */
    public PackageBillingRun(TenantScope scope, PackagePolicy policy, IssueFollowUp followUp) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.invoices = new PackageInvoices(policy);
        this.issuer = new InvoiceIssuer(scope);
        this.followUp = Objects.requireNonNull(followUp, "followUp");
    }

    public PackagePolicy policy() {
        return policy;
    }

    /** The period computation this run uses. */
    public BillingPeriods periods() {
        return invoices.periods();
    }

    /** Runs for {@code date} over every engagement of the tenant, for real. */
    public PackageRunResult run(LocalDate date) {
        return run(date, PackageRunOptions.all());
    }

    /** The tenant's today: the clock's instant in its zone. */
    public LocalDate today() {
        return scope.today();
    }

    /**
     * Runs for {@code date} with {@code options}: reads the engagements and the periods already
     * invoiced in one transaction, then issues the due (engagement, period)s in chunks of
     * {@link PackageRunOptions#chunkSize()} engagements, one transaction each, by
     * {@link PackageRunOptions#workers()} threads ({@code PackageRunChunks}). A chunk first locks
     * its engagements' rows ({@link EngagementStore#claim}, skipping rows another run holds), as
     * renewals and ends lock theirs ({@link Engagements}): a renewal or end either commits first (and
     * the invoice then fails if its period no longer exists) or waits for the invoice, so no day is
     * billed by two engagements. The store keeps (engagement, period start) unique ({@link InvoiceStore}): a run
     * repeated, or racing another, gets a {@code DuplicateKeyException} for a period billed
     * meanwhile and reports it {@linkplain PackageRunResult.SkipReason#ALREADY_INVOICED skipped}. A
     * failed invoice rolls back alone ({@link PackageRunResult#failed()}). A dry run computes the
     * same invoices in read-only transactions and stores nothing (no invoice, number, audit record
     * or event).
     *
     * @throws InvalidInputException if {@code options} names another tenant than this run's
     * @throws NotFoundException if {@code options} names an engagement that does not exist
     */
    public PackageRunResult run(LocalDate date, PackageRunOptions options) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(options, "options");
        if (options.tenant() != null && !options.tenant().equals(scope.tenant())) {
            throw new InvalidInputException("a package run of tenant " + scope.tenant() + " cannot run for tenant "
                    + options.tenant());
        }
        RunOutcomes out = new RunOutcomes(scope.tenant());
        List<Due> due = scope.tx(session -> plan(session, date, options, out));
        if (options.dryRun()) {
            Map<String, Long> previewCounters = new HashMap<>();
            for (Due d : due) {
                preview(d, date, previewCounters, out);
            }
        } else {
            new PackageRunChunks(this, scope, date, options).issueAll(due, out);
        }
        PackageRunResult result = new PackageRunResult(date, options.dryRun(), out.created, out.skipped, out.failed);
        LOG.info("package run of tenant {} for {}{}: {} created, {} skipped, {} failed", scope.tenant(), date,
                options.dryRun() ? " (dry run)" : "", result.created().size(), result.skipped().size(),
                result.failed().size());
        return result;
    }

    /**
     * The periods of {@code engagement} that a run on {@code date} bills unless they are invoiced
     * already: those whose bill date is on or before {@code date} and within the catch-up window.
     * A PACKAGE period is billed in advance (bill date: its first day), a MIXED one in arrears (the
     * day after its last, when its hours are known). The window reaches back
     * {@link PackagePolicy#catchUpPeriods()} schedule periods (calendar months for ONE_TIME) before
     * the one containing {@code date}, so a skipped run loses nothing while a first run over old
     * data bills no years of history ({@link #periodsBeforeCatchUp}). An ended or renewed
     * engagement is billed up to its end date. Empty for HOURLY engagements.
     */
    public List<BillingPeriod> duePeriods(Engagement engagement, LocalDate date) {
        Objects.requireNonNull(engagement, "engagement");
        Objects.requireNonNull(date, "date");
        if (engagement.mode() == PricingMode.HOURLY) {
            return List.of();
        }
        BillingPeriods periods = invoices.periods();
        LocalDateRange window = earliestCatchUpPeriod(engagement, date);
        LocalDate windowStart = window.startInclusive();
        boolean inArrears = engagement.mode() == PricingMode.MIXED;
        List<BillingPeriod> candidates;
        if (engagement.schedule() == PackageSchedule.ONE_TIME) {
            candidates = periods.periodsStartingBy(engagement, date);
        } else {
            // an arrears period billed in the window may start one schedule period before it
            LocalDate from = inArrears ? periods.previousSchedulePeriod(engagement.schedule(), window).startInclusive()
                    : windowStart;
            candidates = periods.periodsStartingBetween(engagement, from, date);
        }
        List<BillingPeriod> due = new ArrayList<>(candidates.size());
        for (BillingPeriod p : candidates) {
            LocalDate billDate = inArrears ? p.endExclusive() : p.start();
            if (!billDate.isAfter(date) && !billDate.isBefore(windowStart)) {
                due.add(p);
            }
        }
        return due;
    }

    /**
     * The periods of {@code engagement} whose bill date is on or before {@code date} but before
     * the catch-up window of {@link #duePeriods}: a run on {@code date} reports those without an
     * invoice as {@linkplain PackageRunResult.SkipReason#OUTSIDE_CATCH_UP skipped}, or bills them
     * with {@link PackageRunOptions#billMissedPeriods()}. Empty for HOURLY engagements.
     */
    public List<BillingPeriod> periodsBeforeCatchUp(Engagement engagement, LocalDate date) {
        Objects.requireNonNull(engagement, "engagement");
        Objects.requireNonNull(date, "date");
        if (engagement.mode() == PricingMode.HOURLY) {
            return List.of();
        }
        LocalDate windowStart = earliestCatchUpPeriod(engagement, date).startInclusive();
        boolean inArrears = engagement.mode() == PricingMode.MIXED;
        LocalDate last = windowStart.isBefore(date) ? windowStart : date;
        List<BillingPeriod> out = new ArrayList<>();
        for (BillingPeriod p : invoices.periods().periodsStartingBy(engagement, last)) {
            LocalDate billDate = inArrears ? p.endExclusive() : p.start();
            if (billDate.isBefore(windowStart) && !billDate.isAfter(date)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The earliest schedule period whose bill dates a run on {@code date} catches up. */
    private LocalDateRange earliestCatchUpPeriod(Engagement engagement, LocalDate date) {
        BillingPeriods periods = invoices.periods();
        LocalDateRange window = periods.schedulePeriodContaining(engagement.schedule(), date);
        for (int i = 0; i < policy.catchUpPeriods(); i++) {
            window = periods.previousSchedulePeriod(engagement.schedule(), window);
        }
        return window;
    }

    /** One (engagement, period) to bill, as planned (the engagement as read by the plan). */
    record Due(Engagement engagement, BillingPeriod period) {
    }

    /** Reads the engagements and their invoiced periods; returns what is left to bill. */
    private List<Due> plan(StoreSession session, LocalDate date, PackageRunOptions options, RunOutcomes out) {
        @Nullable EngagementId only = options.engagement();
        EngagementStore engagements = session.get(EngagementStore.class);
        List<Engagement> billable = new ArrayList<>();
        if (only != null) {
            Engagement e = engagements.find(only).orElseThrow(() -> new NotFoundException("engagement", only.value()));
            if (e.mode() == PricingMode.HOURLY) {
                out.skipped(e.id(), null, null, PackageRunResult.SkipReason.NOT_A_PACKAGE);
            } else {
                billable.add(e);
            }
        } else {
            engagements.forEachBillable(billable::add);
        }
        InvoicedPeriods invoiced = InvoicedPeriods.of(session, billable.stream().map(Engagement::id).toList());
        List<Due> due = new ArrayList<>();
        for (Engagement e : billable) {
            List<BillingPeriod> periods;
            List<BillingPeriod> missed;
            try {
                periods = duePeriods(e, date);
                missed = periodsBeforeCatchUp(e, date);
            } catch (RuntimeException ex) {
                out.failed(e.id(), null, ex);
                continue;
            }
            if (options.billMissedPeriods()) {
                List<BillingPeriod> all = new ArrayList<>(missed);
                all.addAll(periods);
                periods = all;
            } else {
                for (BillingPeriod p : missed) {
                    if (invoiced.find(e.id(), p.start()).isEmpty()) {
                        out.skipped(e.id(), p.start(), null, PackageRunResult.SkipReason.OUTSIDE_CATCH_UP);
                    }
                }
            }
            for (BillingPeriod p : periods) {
                Optional<EngagementStore.InvoicedPeriod> existing = invoiced.find(e.id(), p.start());
                if (existing.isPresent()) {
                    out.skipped(e.id(), p.start(), existing.get().number(),
                            PackageRunResult.SkipReason.ALREADY_INVOICED);
                } else {
                    due.add(new Due(e, p));
                }
            }
        }
        return due;
    }

    void issue(Due due, LocalDate date, RunOutcomes out) {
        EngagementId id = due.engagement().id();
        LocalDate start = due.period().start();
        try {
            out.created.add(scope.tx(session -> issueIn(session, due, date)));
        } catch (DuplicateKeyException e) {
            // a concurrent run issued it first, or the number is taken: tell them apart by the period key
            Optional<Invoice> winner = scope.tx(s -> s.get(InvoiceStore.class).findByEngagementPeriod(id, start));
            if (winner.isPresent()) {
                out.skipped(id, start, winner.get().number(), PackageRunResult.SkipReason.ALREADY_INVOICED);
            } else {
                out.failed(id, start, e);
            }
        } catch (RuntimeException e) {
            out.failed(id, start, e);
        }
    }

    private PackageRunResult.Created issueIn(StoreSession session, Due due, LocalDate date) {
        Engagement locked = session.get(EngagementStore.class).lock(due.engagement().id())
                .orElseThrow(() -> new NotFoundException("engagement", due.engagement().id().value()));
        return issueLocked(session, locked, due, date,
                client -> issuer.nextNumber(session, policy.series(), client, date));
    }

    /**
     * Issues {@code due} in {@code session}'s transaction, whose engagement row is locked already
     * ({@code locked} is its latest state), numbered by the package pattern or else by
     * {@code sequenceNumber}.
     */
    PackageRunResult.Created issueLocked(StoreSession session, Engagement locked, Due due, LocalDate date,
            Function<ClientId, String> sequenceNumber) {
        Engagement engagement = unchanged(locked, due);
        BillingPeriod period = due.period();
        PackageInvoices.Draft draft = invoices.draft(session, engagement, period, date);
        PackageNumbering numbering = invoices.numbering();
        String number = numbering != null ? numbering.format(engagement.id(), engagement.clientId(), period, date)
                : sequenceNumber.apply(engagement.clientId());
        Invoice issued = issuer.fixPrepaid(session, followUp.afterIssue(session,
                issuer.issueWithNumber(session, draft.invoice(), number, date, draft.dueDate())));
        return created(issued, engagement, period, draft);
    }

    /**
     * An invoice of the run checked in memory ({@link #checkLocked}), waiting for its number
     * ({@link #numbered}).
     */
    record Checked(Invoice invoice, Engagement engagement, BillingPeriod period, PackageInvoices.Draft draft) {
    }

    /** An invoice of the run issued in memory ({@link #numbered}), and what the result reports of it. */
    record Built(InvoiceIssuer.Prepared prepared, PackageRunResult.Created created) {
    }

    /**
     * Builds and checks {@code due}'s invoice as {@link #issueLocked} does, without a number and
     * without writing, for {@link #numbered} and {@link #storeAll} to issue with the rest of its
     * chunk; or returns null when the invoice is to be issued on its own by {@link #issueLocked}:
     * it bills time entries or a monthly fee, or the follow-up may change it (a client with credit
     * to apply). {@code followUps} remembers the follow-up's answer per client and currency for
     * the chunk (an invoice issued on its own can only use credit up, never create it).
     */
    @Nullable Checked checkLocked(StoreSession session, Engagement locked, Due due, LocalDate date,
            Map<String, Boolean> followUps) {
        Engagement engagement = unchanged(locked, due);
        BillingPeriod period = due.period();
        PackageInvoices.Draft draft = invoices.draft(session, engagement, period, date);
        Invoice invoice = draft.invoice();
        if (!InvoiceIssuer.batchable(invoice)) {
            return null;
        }
        boolean mayChange = followUps.computeIfAbsent(invoice.clientId().value() + " " + invoice.currency(),
                k -> followUp.mayChange(session, invoice.clientId(), invoice.currency()));
        if (mayChange) {
            return null;
        }
        return new Checked(issuer.checked(session, invoice, date, draft.dueDate()), engagement, period, draft);
    }

    /** {@code checked} issued in memory, numbered by the package pattern or else by {@code sequenceNumber}. */
    Built numbered(Checked checked, LocalDate date, Function<ClientId, String> sequenceNumber) {
        Engagement engagement = checked.engagement();
        PackageNumbering numbering = invoices.numbering();
        String number = numbering != null
                ? numbering.format(engagement.id(), engagement.clientId(), checked.period(), date)
                : sequenceNumber.apply(engagement.clientId());
        InvoiceIssuer.Prepared prepared = issuer.prepared(checked.invoice(), number, date, checked.draft().dueDate());
        return new Built(prepared, created(prepared.issued(), engagement, checked.period(), checked.draft()));
    }

    /** Writes the invoices of {@code built}, their audit records and events, together. */
    void storeAll(StoreSession session, List<Built> built) {
        List<InvoiceIssuer.Prepared> prepared = new ArrayList<>(built.size());
        for (Built b : built) {
            prepared.add(b.prepared());
        }
        issuer.storeAll(session, prepared);
    }

    /**
     * Reserves the sequence numbers of invoices to {@code clients} issued on {@code date}, or
     * returns null when the package number pattern numbers them.
     */
    @Nullable NumberBlocks reserveNumbers(StoreSession session, List<ClientId> clients, LocalDate date) {
        if (invoices.numbering() != null || clients.isEmpty()) {
            return null;
        }
        SeriesNumbering series = issuer.numbering(session).forSeries(policy.series());
        return NumberBlocks.reserve(session, policy.series(), series, date, clients);
    }

    /**
     * The engagement as stored now ({@code stored}, its row locked until the invoice commits, so a
     * concurrent renewal or end waits, and then sees the invoice); fails if it changed since the plan
     * so that the period is no longer one of its periods (e.g. it was renewed or ended before the
     * period ends).
     */
    private Engagement unchanged(Engagement stored, Due due) {
        if (stored.version() != due.engagement().version()) {
            Optional<BillingPeriod> now = invoices.periods().periodContaining(stored, due.period().start());
            if (now.isEmpty() || !now.get().equals(due.period()) || stored.mode() == PricingMode.HOURLY) {
                throw new InvalidInputException("engagement " + stored.id() + " changed during the package run; period "
                        + due.period() + " is no longer one of its periods");
            }
        }
        return stored;
    }

    private void preview(Due due, LocalDate date, Map<String, Long> counters, RunOutcomes out) {
        EngagementId id = due.engagement().id();
        try {
            out.created.add(scope.tx(session -> {
                PackageInvoices.Draft draft = invoices.draft(session, due.engagement(), due.period(), date);
                issuer.validate(session, draft.invoice());
                PackageNumbering numbering = invoices.numbering();
                String number = numbering != null
                        ? numbering.format(id, due.engagement().clientId(), due.period(), date)
                        : previewNumber(session, due.engagement().clientId(), date, counters);
                Invoice issued = Transitions.issuedAs(draft.invoice(), number, date, draft.dueDate());
                return created(issued, due.engagement(), due.period(), draft);
            }));
        } catch (RuntimeException e) {
            out.failed(id, due.period().start(), e);
        }
    }

    /** The number the tenant's numbering would give, counting the numbers this dry run already previewed. */
    private String previewNumber(StoreSession session, ClientId client, LocalDate date, Map<String, Long> counters) {
        SeriesNumbering series = issuer.numbering(session).forSeries(policy.series());
        String key = series.periodKey(client, date);
        long last = counters.computeIfAbsent(key, k -> {
            long current = session.get(NumberSequenceStore.class).current(policy.series(), k);
            return current == 0 ? series.startAfterFor(k) : current;
        });
        counters.put(key, last + 1);
        return series.format(policy.series(), client, date, last + 1);
    }

    private PackageRunResult.Created created(Invoice invoice, Engagement engagement, BillingPeriod period,
            PackageInvoices.Draft draft) {
        return new PackageRunResult.Created(scope.tenant(), engagement.id(), invoice.clientId(), period, invoice.id(),
                Objects.requireNonNull(invoice.number(), "number"), invoice.totals().taxExclusive(),
                invoice.totals().payable(), draft.dueDate(), draft.client().autopayEnabled());
    }
}
