package dev.billops.core.engagement;

import dev.billops.core.internal.engagement.BillingPeriods;
import static dev.billops.core.engagement.PackageFixture.GLOBEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.BillingException;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.money.Money;
import dev.billops.core.time.LocalDateRange;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import dev.billops.core.memory.StoreSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Invariants of package runs over random PACKAGE and MIXED engagements (without time entries, so
 * a MIXED invoice is its fee), run dates, renewals and ends, on the in-memory store.
 */
class PackageRunPropertiesTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);

    /** Shape of a package engagement; ids, client and currency are set when it is created. */
    private record Shape(PricingMode mode, PackageSchedule schedule, ProrationPolicy proration, LocalDate start,
            int length, long feeCents) {
        Engagement engagement(String id) {
            @Nullable LocalDate end = length < 0 && schedule != PackageSchedule.ONE_TIME ? null
                    : start.plusDays(Math.max(length, 0));
            return new Engagement(EngagementId.of(id), GLOBEX, null, "Retainer " + id, mode,
                    Money.ofMinor(dev.billops.core.money.Currencies.of("EUR"), feeCents), schedule, start, end, null,
                    null, null, proration, false, EngagementStatus.ACTIVE, 0);
        }
    }

    private record Partial(PackageSchedule schedule, ProrationPolicy proration, LocalDate start, int length) {
    }

    private static Gen<Shape> shapes(int maxLength) {
        Gen<LocalDate> starts = dates(FIRST, FIRST.plusYears(2));
        Gen<Integer> lengths = Gen.frequency(Gen.weighted(20, Gen.constant(-1)), Gen.weighted(80, Gen.ints(0, maxLength)));
        Gen<Partial> partials = Gen.zip(Gen.enumValues(PackageSchedule.class), Gen.enumValues(ProrationPolicy.class),
                starts, lengths, Partial::new);
        return Gen.zip(partials, Gen.oneOf(PricingMode.PACKAGE, PricingMode.MIXED), Gen.longs(1, 1_000_000),
                (p, mode, fee) -> new Shape(mode, p.schedule(), p.proration(), p.start(), p.length(), fee));
    }

    private static List<Engagement> create(PackageFixture f, List<Shape> shapes) {
        List<Engagement> out = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            out.add(f.acme.engagements().create(shapes.get(i).engagement("E" + i)));
        }
        return out;
    }

    private static Gen<LocalDate> runDates() {
        return dates(FIRST.minusMonths(1), FIRST.plusYears(4));
    }

    /** Every invoice bills one period of its engagement, at that period's fee, once. */
    private static void assertInvoicesMatchPeriods(PackageFixture f) {
        BillingPeriods bp = BillingPeriods.calendarAligned();
        Set<String> keys = new HashSet<>();
        for (Invoice invoice : f.invoices()) {
            EngagementId id = invoice.engagementId();
            LocalDate start = invoice.packagePeriodStart();
            assertTrue(id != null && start != null, () -> "a package invoice has its key: " + invoice.id());
            assertTrue(keys.add(id + "@" + start), () -> "billed twice: " + id + "@" + start);
            Engagement e = f.acme.engagements().get(id);
            BillingPeriod period = bp.periodContaining(e, start).orElseThrow(
                    () -> new AssertionError(start + " is outside engagement " + e));
            assertEquals(start, period.start(), "an invoice starts a period");
            assertEquals(period.range(), invoice.servicePeriod());
            assertEquals(bp.fee(e, period), invoice.totals().lineNetTotal());
        }
    }

    @Test
    void run_anyEngagementsAnyDates_isIdempotentAndBillsOnlyRealPeriods() {
        Property.forAll(Gen.listOf(shapes(900), 1, 5), Gen.listOf(runDates(), 1, 6)).tries(150)
                .verify((shapes, dates) -> {
                    PackageFixture f = new PackageFixture(FIRST);
                    create(f, shapes);
                    for (LocalDate date : dates) {
                        PackageRunResult first = f.acme.packages().run(date);
                        assertEquals(List.of(), first.failed());
                        StoreSnapshot after = f.snapshot();
                        PackageRunResult second = f.acme.packages().run(date);
                        assertEquals(List.of(), second.created(), () -> "second run on " + date);
                        assertEquals(first.created().size() + first.skipped().size(), second.skipped().size());
                        assertEquals(after, f.snapshot(), "a second run stores nothing");
                    }
                    assertInvoicesMatchPeriods(f);
                });
    }

    @Test
    void run_everyDayWithoutCatchUp_billsEveryPeriodExactlyOnceAndTheFeesAddUp() {
        Gen<List<Shape>> bounded = Gen.listOf(shapes(400).filter(s -> s.length >= 0), 1, 3);
        Property.forAll(bounded).tries(25).verify(shapes -> {
            PackageFixture f = new PackageFixture(FIRST, PackagePolicy.defaults().withCatchUpPeriods(0));
            List<Engagement> engagements = create(f, shapes);
            LocalDate last = engagements.stream().map(e -> e.endDate()).max(LocalDate::compareTo).orElseThrow();
            LocalDate first = engagements.stream().map(Engagement::startDate).min(LocalDate::compareTo).orElseThrow();
            // MIXED periods are billed the day after they end
            for (LocalDate day = first; !day.isAfter(last.plusDays(1)); day = day.plusDays(1)) {
                assertEquals(List.of(), f.acme.packages().run(day).failed());
            }
            BillingPeriods bp = BillingPeriods.calendarAligned();
            Map<EngagementId, Money> billed = new HashMap<>();
            for (Invoice i : f.invoices()) {
                billed.merge(i.engagementId(), i.totals().lineNetTotal(), Money::plus);
            }
            int periods = 0;
            for (Engagement e : engagements) {
                Money expected = Money.zero(e.packageFee().currency());
                for (BillingPeriod p : bp.periods(e)) {
                    expected = expected.plus(bp.fee(e, p));
                    periods++;
                }
                assertEquals(expected, billed.get(e.id()), () -> "fees of " + e.id());
            }
            assertEquals(periods, f.invoices().size(), "one invoice per period");
            assertInvoicesMatchPeriods(f);
        });
    }

    /** An operation of the renewal property. */
    private sealed interface Op permits Run, Renew, End {
    }

    private record Run(LocalDate date) implements Op {
    }

    private record Renew(int engagement, int startOffsetDays, int feeCents) implements Op {
    }

    private record End(int engagement, int lastDayOffsetDays) implements Op {
    }

    private static Gen<Op> ops() {
        return Gen.frequency(
                Gen.weighted(60, runDates().map(Run::new)),
                Gen.weighted(25, Gen.zip(Gen.ints(0, 9), Gen.ints(-40, 500), Gen.ints(1, 500_000), Renew::new)),
                Gen.weighted(15, Gen.zip(Gen.ints(0, 9), Gen.ints(-10, 700), End::new)));
    }

    @Test
    void renewAndEnd_anySequence_neverChangeOrRemoveAnExistingInvoice() {
        Property.forAll(Gen.listOf(shapes(900), 1, 4), Gen.listOf(ops(), 1, 14)).tries(150).verify((shapes, ops) -> {
            PackageFixture f = new PackageFixture(FIRST);
            create(f, shapes);
            Map<InvoiceId, Invoice> seen = new HashMap<>();
            for (Op op : ops) {
                List<Engagement> all = f.acme.engagements().list();
                StoreSnapshot before = f.snapshot();
                try {
                    if (op instanceof Run r) {
                        assertEquals(List.of(), f.acme.packages().run(r.date()).failed());
                    } else if (op instanceof Renew r) {
                        Engagement e = all.get(r.engagement() % all.size());
                        Engagement renewal = f.acme.engagements().renew(e.id(), Renewal
                                .startingOn(e.startDate().plusDays(r.startOffsetDays()))
                                .withFee(Money.ofMinor(e.packageFee().currency(), r.feeCents())));
                        assertEquals(e.id(), renewal.renewsId());
                    } else if (op instanceof End r) {
                        Engagement e = all.get(r.engagement() % all.size());
                        f.acme.engagements().end(e.id(), e.startDate().plusDays(r.lastDayOffsetDays()));
                    }
                } catch (BillingException rejected) {
                    assertEquals(before, f.snapshot(), () -> "a rejected " + op + " stored something: " + rejected);
                }
                Map<InvoiceId, Invoice> now = new HashMap<>();
                for (Invoice i : f.invoices()) {
                    now.put(i.id(), i);
                }
                for (Invoice old : seen.values()) {
                    assertEquals(old, now.get(old.id()), () -> "invoice " + old.number() + " changed after " + op);
                }
                seen.putAll(now);
                assertNoTwoInvoicesOverlapInTime(f);
            }
        });
    }

    /** Along a renewal chain, no day is billed twice. */
    private static void assertNoTwoInvoicesOverlapInTime(PackageFixture f) {
        Map<EngagementId, Engagement> byId = new HashMap<>();
        for (Engagement e : f.acme.engagements().list()) {
            byId.put(e.id(), e);
        }
        Map<EngagementId, List<LocalDateRange>> byRoot = new HashMap<>();
        for (Invoice i : f.invoices()) {
            Engagement e = byId.get(i.engagementId());
            while (e.renewsId() != null) {
                e = byId.get(e.renewsId());
            }
            byRoot.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(i.servicePeriod());
        }
        for (List<LocalDateRange> ranges : byRoot.values()) {
            for (int a = 0; a < ranges.size(); a++) {
                for (int b = a + 1; b < ranges.size(); b++) {
                    LocalDateRange x = ranges.get(a);
                    LocalDateRange y = ranges.get(b);
                    assertTrue(!x.overlaps(y), () -> x + " and " + y + " bill the same days");
                }
            }
        }
    }

    @Test
    void run_sameDateFromFreshFixtures_isDeterministic() {
        Property.forAll(Gen.listOf(shapes(900), 1, 4), runDates()).tries(100).verify((shapes, date) -> {
            PackageFixture a = new PackageFixture(FIRST);
            PackageFixture b = new PackageFixture(FIRST);
            create(a, shapes);
            create(b, shapes);
            PackageRunResult dry = a.acme.packages().run(date, PackageRunOptions.all().dryRun(true));
            PackageRunResult real = b.acme.packages().run(date);
            assertEquals(numbersAndTotals(real), numbersAndTotals(dry), "a dry run previews the real run");
            assertEquals(0, a.invoices().size());
        });
    }

    private static List<String> numbersAndTotals(PackageRunResult r) {
        return r.created().stream().map(c -> c.number() + "=" + c.total() + "@" + c.period()).toList();
    }

    private static Gen<LocalDate> dates(LocalDate first, LocalDate last) {
        return Gen.longs(0, java.time.temporal.ChronoUnit.DAYS.between(first, last)).map(first::plusDays);
    }
}
