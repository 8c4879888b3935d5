package dev.billops.core.engagement;

import static dev.billops.core.engagement.PackageFixture.ACME;
import static dev.billops.core.engagement.PackageFixture.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.event.InvoiceIssued;
import dev.billops.core.id.EngagementId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.internal.TenantScope;
import dev.billops.core.internal.engagement.PackageBillingRun;
import dev.billops.core.internal.invoice.IssueFollowUp;
import dev.billops.core.party.Actor;
import dev.billops.core.spi.NumberSequenceStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Chunked package runs on the in-memory store: an invoice that fails inside a chunk rolls back
 * alone and leaves no gap in the numbers; several workers bill the same invoices as one.
 */
class PackageRunChunksTest {

    static final PackagePolicy POLICY = PackagePolicy.defaults().withTenantNumbering();

    static PackageFixture engagements(int count) {
        PackageFixture f = new PackageFixture(d("2026-03-01"), POLICY);
        for (int i = 0; i < count; i++) {
            f.pkg(String.format("E%02d", i), "100.00", PackageSchedule.MONTHLY, "2026-03-01", null);
        }
        return f;
    }

    static PackageBillingRun run(PackageFixture f, IssueFollowUp followUp) {
        return new PackageBillingRun(new TenantScope(f.memory, ACME, Actor.system("run"), f.clock), POLICY, followUp);
    }

    @Test
    void run_twoInvoicesOfAChunkFailAfterTakingTheirNumber_othersIssuedWithoutGapAndRerunContinues() {
        PackageFixture f = engagements(10);
        Set<EngagementId> failing = new HashSet<>(Set.of(EngagementId.of("E03"), EngagementId.of("E07")));
        IssueFollowUp failSome = (session, issued) -> {
            if (failing.contains(issued.engagementId())) {
                throw new IllegalStateException("follow-up refused " + issued.engagementId());
            }
            return issued;
        };

        PackageRunResult r = run(f, failSome).run(d("2026-03-01"));

        assertEquals(List.of("E03", "E07"), r.failed().stream().map(x -> x.engagementId().value()).toList());
        assertEquals("follow-up refused E03", r.failed().get(0).reason());
        assertEquals(IntStream.rangeClosed(1, 8).mapToObj(n -> String.format("PKG-2026-%05d", n)).toList(),
                r.created().stream().map(PackageRunResult.Created::number).toList());
        assertEquals(8L, (long) f.memory.inTransaction(ACME, s -> s.get(NumberSequenceStore.class).current("PKG", "2026")));

        failing.clear();
        PackageRunResult rerun = run(f, failSome).run(d("2026-03-01"));

        assertEquals(List.of("PKG-2026-00009", "PKG-2026-00010"),
                rerun.created().stream().map(PackageRunResult.Created::number).toList());
        assertEquals(List.of("E03", "E07"), rerun.created().stream().map(c -> c.engagementId().value()).toList());
    }

    @Test
    void run_fourWorkersChunksOfThree_billTheSameInvoicesAsOneWorkerNumbersGapless() {
        PackageFixture one = engagements(20);
        PackageFixture four = engagements(20);

        PackageRunResult single = run(one, IssueFollowUp.NONE).run(d("2026-03-01"));
        PackageRunResult parallel = run(four, IssueFollowUp.NONE).run(d("2026-03-01"),
                PackageRunOptions.all().withWorkers(4).withChunkSize(3));

        assertEquals(20, single.created().size());
        assertEquals(single.created().stream().map(c -> c.engagementId() + "@" + c.periodStart()).toList(),
                parallel.created().stream().map(c -> c.engagementId() + "@" + c.periodStart()).toList());
        Set<String> numbers = new HashSet<>();
        parallel.created().forEach(c -> assertTrue(numbers.add(c.number()), c.number()));
        assertEquals(IntStream.rangeClosed(1, 20).mapToObj(n -> String.format("PKG-2026-%05d", n))
                .collect(java.util.stream.Collectors.toSet()), numbers);
        assertEquals(List.of(), parallel.failed());
    }

    @Test
    void run_batchedAndOneByOne_issueTheSameInvoicesAuditsAndEvents() {
        PackageFixture batched = engagements(12);
        PackageFixture alone = engagements(12);
        // a follow-up that does not say it leaves invoices alone sends every invoice one by one
        IssueFollowUp opaque = (session, issued) -> issued;

        PackageRunResult a = run(batched, IssueFollowUp.NONE).run(d("2026-03-01"), PackageRunOptions.all()
                .withChunkSize(5));
        PackageRunResult b = run(alone, opaque).run(d("2026-03-01"), PackageRunOptions.all().withChunkSize(5));

        assertEquals(12, a.created().size());
        assertEquals(shape(b.created()), shape(a.created()));
        assertEquals(invoices(alone), invoices(batched));
        assertEquals(audits(alone), audits(batched));
        assertEquals(events(alone), events(batched));
    }

    /** What the result reports of each invoice, without its generated id. */
    static List<String> shape(List<PackageRunResult.Created> created) {
        return created.stream().map(c -> c.engagementId() + "@" + c.period() + " " + c.number() + " "
                + c.net() + " " + c.total() + " " + c.dueDate()).toList();
    }

    /** The stored invoices without their generated ids, in number order. */
    static List<String> invoices(PackageFixture f) {
        List<Invoice> all = f.memory.inTransaction(ACME, s -> s.get(InvoiceStore.class).list(InvoiceQuery.all()));
        return all.stream().map(i -> String.join(" | ", String.valueOf(i.number()), i.series(), i.clientId().value(),
                        i.status().name(), String.valueOf(i.issueDate()), String.valueOf(i.dueDate()),
                        String.valueOf(i.servicePeriod()), i.lines().toString(), i.taxBreakdown().toString(),
                        i.totals().toString(), i.paid().toString(), i.prepaid().toString(), i.references().toString(),
                        i.metadata().toString(), String.valueOf(i.engagementId()),
                        String.valueOf(i.packagePeriodStart()), String.valueOf(i.version())))
                .sorted().toList();
    }

    static List<String> audits(PackageFixture f) {
        return f.memory.auditRecords(ACME).stream().filter(r -> r.entityType().equals("invoice"))
                .map(r -> r.action() + " " + r.actor() + " " + r.at() + " " + (r.before() == null)).toList();
    }

    static List<String> events(PackageFixture f) {
        return f.memory.events(ACME).stream().filter(e -> e instanceof InvoiceIssued)
                .map(e -> (InvoiceIssued) e).map(e -> e.number() + " " + e.clientId() + " " + e.total() + " "
                        + e.dueDate() + " " + e.occurredAt()).toList();
    }
}
