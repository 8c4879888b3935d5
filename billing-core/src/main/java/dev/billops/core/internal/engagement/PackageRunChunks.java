package dev.billops.core.internal.engagement;

import dev.billops.core.engagement.Engagement;
import dev.billops.core.engagement.PackageRunOptions;
import dev.billops.core.engagement.PackageRunResult;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.internal.TenantScope;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.spi.EngagementStore;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.spi.StoreSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues the planned invoices of one package run of one tenant in chunks: one transaction per
 * {@link PackageRunOptions#chunkSize()} engagements, by {@link PackageRunOptions#workers()}
 * threads that take the chunks in turn.
 *
 * <p>A chunk transaction first claims its engagements ({@link EngagementStore#claim}: rows locked
 * by another transaction are skipped, not waited for), so workers of this run and runs of other
 * processes for the same date split the engagements instead of queueing for them. Under the row
 * lock it checks which periods are invoiced meanwhile, builds and checks the invoices of the rest
 * in memory (a failure fails that engagement only), reserves their numbers at once
 * ({@link NumberBlocks}) and writes them together under a savepoint: invoices, audit records and
 * outbox events, one batch per table. If that write is refused (a period billed meanwhile by a
 * writer that did not wait for the lock, a number taken), the savepoint is rolled back and each
 * (engagement, period) is issued under a savepoint of its own (a nested transaction), as are
 * those the batch cannot take (invoices billing time entries or monthly fees, clients with credit
 * to apply on issue): a failure then rolls back that invoice only and is reported in the result.
 * The tenant record and the clients are read once per chunk ({@link ChunkReads}). The
 * engagements another transaction held are claimed again, waiting this time, after every chunk is
 * done: by then their holder has committed (the periods are reported already invoiced) or died
 * (they are billed here). A chunk whose transaction fails as a whole (the connection was lost, the
 * commit failed) is retried one invoice per transaction; the period key keeps each period billed
 * at most once however the attempts interleave.
 *
 * <p>One instance per run; the worker threads it starts end with the run.
 */
final class PackageRunChunks {

    private static final Logger LOG = LoggerFactory.getLogger(PackageRunChunks.class);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final PackageBillingRun run;
    private final TenantScope scope;
    private final LocalDate date;
    private final PackageRunOptions options;

    PackageRunChunks(PackageBillingRun run, TenantScope scope, LocalDate date, PackageRunOptions options) {
        this.run = run;
        this.scope = scope;
        this.date = date;
        this.options = options;
    }

    /** The due periods of one engagement, in plan order. */
    private record Group(EngagementId id, List<PackageBillingRun.Due> due) {
    }

    /** What one chunk did, and the engagements it could not claim. */
    private record ChunkResult(RunOutcomes outcomes, List<Group> unclaimed) {
    }

    /** Issues every due (engagement, period), appending the outcomes to {@code out} in plan order. */
    void issueAll(List<PackageBillingRun.Due> due, RunOutcomes out) {
        List<List<Group>> chunks = chunks(groups(due));
        List<ChunkResult> results = runChunks(chunks, false);
        List<Group> unclaimed = new ArrayList<>();
        for (ChunkResult r : results) {
            out.addAll(r.outcomes());
            unclaimed.addAll(r.unclaimed());
        }
        if (!unclaimed.isEmpty()) {
            LOG.debug("package run of tenant {}: {} engagements were held by another run; claiming them again",
                    scope.tenant(), unclaimed.size());
            for (ChunkResult r : runChunks(chunks(unclaimed), true)) {
                out.addAll(r.outcomes());
            }
        }
    }

    private static List<Group> groups(List<PackageBillingRun.Due> due) {
        Map<EngagementId, List<PackageBillingRun.Due>> byEngagement = new LinkedHashMap<>();
        for (PackageBillingRun.Due d : due) {
            byEngagement.computeIfAbsent(d.engagement().id(), k -> new ArrayList<>()).add(d);
        }
        List<Group> out = new ArrayList<>(byEngagement.size());
        byEngagement.forEach((id, list) -> out.add(new Group(id, list)));
        return out;
    }

    private List<List<Group>> chunks(List<Group> groups) {
        List<List<Group>> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i += options.chunkSize()) {
            out.add(groups.subList(i, Math.min(groups.size(), i + options.chunkSize())));
        }
        return out;
    }

    /** Runs {@code chunks} on the calling thread or on the workers; results in chunk order. */
    private List<ChunkResult> runChunks(List<List<Group>> chunks, boolean wait) {
        int workers = Math.min(options.workers(), chunks.size());
        @Nullable ChunkResult[] results = new ChunkResult[chunks.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < chunks.size(); i = next.getAndIncrement()) {
                results[i] = chunk(chunks.get(i), wait);
            }
        };
        if (workers <= 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers, threads());
            try {
                List<Future<?>> futures = new ArrayList<>(workers);
                for (int w = 0; w < workers; w++) {
                    futures.add(pool.submit(worker));
                }
                for (Future<?> f : futures) {
                    await(f);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        List<ChunkResult> out = new ArrayList<>(results.length);
        for (ChunkResult r : results) {
            out.add(r);
        }
        return out;
    }

    private ThreadFactory threads() {
        int runNo = RUNS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "billops-package-run-" + runNo + "-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("package run interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * One chunk in one transaction; if that transaction fails as a whole, its outcomes are dropped
     * and its invoices issued one per transaction instead.
     */
    private ChunkResult chunk(List<Group> groups, boolean wait) {
        RunOutcomes outcomes = new RunOutcomes(scope.tenant());
        try {
            List<Group> unclaimed = scope.tx(session -> inChunk(session, groups, wait, outcomes));
            return new ChunkResult(outcomes, unclaimed);
        } catch (RuntimeException e) {
            LOG.warn("package run of tenant {}: a chunk of {} engagements failed ({}); issuing them one by one",
                    scope.tenant(), groups.size(), e.toString());
            RunOutcomes retried = new RunOutcomes(scope.tenant());
            for (Group g : groups) {
                for (PackageBillingRun.Due d : g.due()) {
                    run.issue(d, date, retried);
                }
            }
            return new ChunkResult(retried, List.of());
        }
    }

    /** An engagement locked by this chunk and one of its periods not invoiced yet. */
    private record Pending(Engagement locked, PackageBillingRun.Due due) {
    }

    private List<Group> inChunk(StoreSession session, List<Group> groups, boolean wait, RunOutcomes out) {
        EngagementStore engagements = session.get(EngagementStore.class);
        Map<EngagementId, Engagement> locked = new HashMap<>();
        if (wait) {
            for (Group g : groups) {
                engagements.lock(g.id()).ifPresent(e -> locked.put(e.id(), e));
            }
        } else {
            for (Engagement e : engagements.claim(groups.stream().map(Group::id).toList())) {
                locked.put(e.id(), e);
            }
        }
        InvoicedPeriods invoiced = InvoicedPeriods.of(session, List.copyOf(locked.keySet()));
        List<Group> unclaimed = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        for (Group g : groups) {
            Engagement e = locked.get(g.id());
            if (e == null) {
                if (wait) {
                    for (PackageBillingRun.Due d : g.due()) {
                        out.failed(g.id(), d.period().start(), new NotFoundException("engagement", g.id().value()));
                    }
                } else {
                    unclaimed.add(g);
                }
                continue;
            }
            for (PackageBillingRun.Due d : g.due()) {
                Optional<EngagementStore.InvoicedPeriod> existing = invoiced.find(g.id(), d.period().start());
                if (existing.isPresent()) {
                    out.skipped(g.id(), d.period().start(), existing.get().number(),
                            PackageRunResult.SkipReason.ALREADY_INVOICED);
                } else {
                    pending.add(new Pending(e, d));
                }
            }
        }
        ChunkReads reads = new ChunkReads();
        reads.prefetchClients(session, pending.stream().map(p -> p.locked().clientId()).toList());
        List<Checked> checked = new ArrayList<>(pending.size());
        List<Pending> alone = check(reads.wrap(session), pending, checked, out);
        // the series counter is locked from here to the commit: only writes follow
        List<ClientId> clients = new ArrayList<>(checked.size() + alone.size());
        checked.forEach(c -> clients.add(c.pending().locked().clientId()));
        alone.forEach(p -> clients.add(p.locked().clientId()));
        @Nullable NumberBlocks numbers = run.reserveNumbers(reads.wrap(session), clients, date);
        alone.addAll(issueTogether(session, checked, numbers, out));
        for (Pending p : alone) {
            issueUnderSavepoint(session, reads, p, numbers, out);
        }
        if (numbers != null) {
            numbers.releaseUnused(session);
        }
        // the invoices written together come before those issued one by one: report them in plan order
        Map<String, Integer> planned = new HashMap<>();
        for (int i = 0; i < pending.size(); i++) {
            planned.put(pending.get(i).locked().id() + "@" + pending.get(i).due().period().start(), i);
        }
        out.created.sort(Comparator.comparingInt(c -> planned.getOrDefault(c.engagementId() + "@"
                + c.period().start(), Integer.MAX_VALUE)));
        return unclaimed;
    }

    /** A pending invoice checked in memory. */
    private record Checked(Pending pending, PackageBillingRun.Checked checked) {
    }

    /** A pending invoice issued in memory. */
    private record Built(Pending pending, PackageBillingRun.Built built) {
    }

    /**
     * Builds and checks every pending invoice in memory, adding those the batch takes to
     * {@code checked}; a failure fails that engagement only. Returns those to issue one by one
     * ({@link PackageBillingRun#checkLocked}).
     */
    private List<Pending> check(StoreSession cached, List<Pending> pending, List<Checked> checked, RunOutcomes out) {
        List<Pending> alone = new ArrayList<>();
        Map<String, Boolean> followUps = new HashMap<>();
        for (Pending p : pending) {
            try {
                PackageBillingRun.Checked c = run.checkLocked(cached, p.locked(), p.due(), date, followUps);
                if (c == null) {
                    alone.add(p);
                } else {
                    checked.add(new Checked(p, c));
                }
            } catch (RuntimeException e) {
                out.failed(p.locked().id(), p.due().period().start(), e);
            }
        }
        return alone;
    }

    /**
     * Numbers the checked invoices and writes them all at once under a savepoint: invoices, audit
     * records and events, one batch per table. If the write is refused (a period billed meanwhile
     * by a writer that did not wait for the engagement's lock, a number taken) the savepoint is
     * rolled back, the numbers are handed out again and the invoices are returned, to be issued
     * one by one.
     */
    private List<Pending> issueTogether(StoreSession session, List<Checked> checked, @Nullable NumberBlocks numbers,
            RunOutcomes out) {
        if (checked.isEmpty()) {
            return List.of();
        }
        List<Built> built = new ArrayList<>(checked.size());
        if (numbers != null) {
            numbers.mark();
        }
        for (Checked c : checked) {
            EngagementId id = c.pending().locked().id();
            try {
                built.add(new Built(c.pending(), run.numbered(c.checked(), date, client -> {
                    if (numbers == null) {
                        throw new IllegalStateException("no numbers reserved for engagement " + id);
                    }
                    return numbers.take(client);
                })));
                if (numbers != null) {
                    numbers.commitLast();
                }
            } catch (RuntimeException e) {
                if (numbers != null) {
                    numbers.rollbackLast();
                }
                out.failed(id, c.pending().due().period().start(), e);
            }
        }
        List<PackageBillingRun.Built> invoices = new ArrayList<>(built.size());
        for (Built b : built) {
            invoices.add(b.built());
        }
        try {
            // a nested transaction is a savepoint of the chunk's
            scope.tx(s -> {
                run.storeAll(s, invoices);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.debug("package run of tenant {}: writing {} invoices together failed ({}); issuing them one by one",
                    scope.tenant(), built.size(), e.toString());
            if (numbers != null) {
                numbers.rollbackToMark();
            }
            List<Pending> again = new ArrayList<>(built.size());
            for (Built b : built) {
                again.add(b.pending());
            }
            return again;
        }
        for (Built b : built) {
            out.created.add(b.built().created());
        }
        return List.of();
    }

    private void issueUnderSavepoint(StoreSession session, ChunkReads reads, Pending p,
            @Nullable NumberBlocks numbers, RunOutcomes out) {
        EngagementId id = p.locked().id();
        LocalDate start = p.due().period().start();
        try {
            // a nested transaction is a savepoint of the chunk's
            PackageRunResult.Created created = scope.tx(s -> run.issueLocked(reads.wrap(s), p.locked(), p.due(), date,
                    client -> {
                        if (numbers == null) {
                            throw new IllegalStateException("no numbers reserved for engagement " + id);
                        }
                        return numbers.take(client);
                    }));
            if (numbers != null) {
                numbers.commitLast();
            }
            out.created.add(created);
        } catch (DuplicateKeyException e) {
            if (numbers != null) {
                numbers.rollbackLast();
            }
            Optional<Invoice> winner = session.get(InvoiceStore.class).findByEngagementPeriod(id, start);
            if (winner.isPresent()) {
                out.skipped(id, start, winner.get().number(), PackageRunResult.SkipReason.ALREADY_INVOICED);
            } else {
                out.failed(id, start, e);
            }
        } catch (RuntimeException e) {
            if (numbers != null) {
                numbers.rollbackLast();
            }
            out.failed(id, start, e);
        }
    }
}
