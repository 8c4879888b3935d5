package dev.billops.core.engagement;

import dev.billops.core.internal.engagement.RetainerHours;
import static dev.billops.core.engagement.PackageFixture.ACME;
import static dev.billops.core.engagement.PackageFixture.GLOBEX;
import static dev.billops.core.engagement.PackageFixture.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.EngagementId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.spi.TimekeeperStore;
import dev.billops.core.project.Project;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.rate.RateRule;
import dev.billops.core.spi.RateRuleStore;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.spi.TimeEntryStore;
import dev.billops.core.memory.StoreSnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** MIXED engagements: the fee plus work beyond the included hours, billed once the period is over. */
class RetainerBillingTest {

    private static final ProjectId P1 = ProjectId.of("P1");
    private static final ProjectId P2 = ProjectId.of("P2");
    private static final TimekeeperId ALICE = TimekeeperId.of("alice");

    /** Globex with projects P1 and P2, Alice, 120.00/h on P1 and 100.00 per DAY on P2. */
    private static PackageFixture fixture(LocalDate today) {
        PackageFixture f = new PackageFixture(today);
        f.memory.inTransaction(ACME, s -> {
            s.get(ProjectStore.class).insert(Project.of(P1, GLOBEX, "Support"));
            s.get(ProjectStore.class).insert(Project.of(P2, GLOBEX, "Workshops"));
            s.get(TimekeeperStore.class).insert(Timekeeper.of(ALICE, "Alice"));
            s.get(RateRuleStore.class).insert(new RateRule(RateRuleId.of("r1"), RateScope.project(P1),
                    UnitPrice.of(Currencies.of("EUR"), "120.00"), RateUnit.HOUR, d("2020-01-01"), null));
            s.get(RateRuleStore.class).insert(new RateRule(RateRuleId.of("r2"), RateScope.project(P2),
                    UnitPrice.of(Currencies.of("EUR"), "100.00"), RateUnit.DAY, d("2020-01-01"), null));
            return null;
        });
        return f;
    }

    private static Engagement retainer(PackageFixture f, String id, String start, long includedHours,
            @Nullable String overageRate, boolean rollOver) {
        return f.acme.engagements().create(new Engagement(EngagementId.of(id), GLOBEX, P1, "Support retainer",
                PricingMode.MIXED, Money.of("EUR", "2000.00"), PackageSchedule.MONTHLY, d(start), null, null,
                Duration.ofHours(includedHours), overageRate == null ? null
                        : UnitPrice.of(Currencies.of("EUR"), overageRate),
                ProrationPolicy.PRORATE_BY_DAYS, rollOver, EngagementStatus.ACTIVE, 0));
    }

    private static TimeEntryId work(PackageFixture f, ProjectId project, String day, Duration length) {
        LocalDate date = d(day);
        TimeEntry e = TimeEntry.of(project, ALICE, null, TimeSpan.of(date.atTime(LocalTime.of(9, 0)),
                date.atTime(LocalTime.of(9, 0)).plus(length), ZoneOffset.UTC), "work on " + day);
        f.memory.inTransaction(ACME, s -> {
            s.get(TimeEntryStore.class).insert(e);
            return null;
        });
        return e.id();
    }

    private static TimeEntry entry(PackageFixture f, TimeEntryId id) {
        return f.memory.inTransaction(ACME, s -> s.get(TimeEntryStore.class).find(id).orElseThrow());
    }

    @Test
    void run_mixedPeriodWithOverage_billsFeePlusHoursBeyondIncludedAtResolvedRateAfterThePeriod() {
        PackageFixture f = fixture(d("2026-03-01"));
        retainer(f, "R", "2026-03-01", 10, null, false);
        TimeEntryId first = work(f, P1, "2026-03-02", Duration.ofHours(4));
        TimeEntryId second = work(f, P1, "2026-03-10", Duration.ofHours(5));
        TimeEntryId third = work(f, P1, "2026-03-20", Duration.ofHours(3));
        TimeEntryId otherProject = work(f, P2, "2026-03-21", Duration.ofHours(8));

        assertEquals(List.of(), f.acme.packages().run(d("2026-03-31")).created(), "March is not over yet");
        PackageRunResult.Created march = f.acme.packages().run(d("2026-04-01")).created().get(0);

        assertEquals(d("2026-03-01"), march.periodStart());
        // 4 h + 5 h use 9 of the 10 included hours; the 3 h entry uses the last hour, 2 h are beyond:
        // 2000.00 + 2 × 120.00 = 2240.00 net, 19 % = 425.60, total 2665.60
        assertEquals(Money.of("EUR", "2240.00"), march.net());
        assertEquals(Money.of("EUR", "2665.60"), march.total());
        Invoice invoice = f.invoices().get(0);
        assertEquals(2, invoice.lines().size());
        InvoiceLine fee = invoice.lines().get(0);
        assertEquals(List.of(first, second), fee.entryIds());
        InvoiceLine beyond = invoice.lines().get(1);
        assertEquals(0, new BigDecimal("2").compareTo(beyond.quantity()));
        assertEquals(UnitCode.HOUR, beyond.unit());
        assertEquals(UnitPrice.of(Currencies.of("EUR"), "120.00"), beyond.price());
        assertEquals(List.of(third), beyond.entryIds());
        assertEquals("Hours beyond the 10 h included, 2026-03-01 \u2013 2026-03-31 (Support retainer)",
                beyond.description());
        assertEquals(Map.of(RetainerHours.AVAILABLE_KEY, "PT10H", RetainerHours.USED_KEY, "PT12H",
                RetainerHours.UNUSED_KEY, "PT0S", RetainerHours.OVERAGE_KEY, "PT2H"), invoice.metadata());
        for (TimeEntryId id : List.of(first, second, third)) {
            assertEquals(EntryState.BILLED, entry(f, id).state());
            assertEquals(invoice.id(), entry(f, id).invoiceId());
        }
        assertEquals(EntryState.OPEN, entry(f, otherProject).state(), "the engagement covers project P1 only");
        assertEquals(List.of(), f.acme.packages().run(d("2026-04-02")).created());
    }

    @Test
    void run_overageRateAndRollOver_carryUnusedHoursIntoTheNextPeriod() {
        PackageFixture f = fixture(d("2026-04-01"));
        retainer(f, "R", "2026-04-01", 10, "150.00", true);
        work(f, P1, "2026-04-07", Duration.ofHours(6));
        work(f, P1, "2026-05-05", Duration.ofHours(8));
        work(f, P1, "2026-05-06", Duration.ofHours(7));

        PackageRunResult r = f.acme.packages().run(d("2026-06-01"));

        assertEquals(List.of(), r.failed());
        assertEquals(List.of(d("2026-04-01"), d("2026-05-01")),
                r.created().stream().map(PackageRunResult.Created::periodStart).toList());
        // April: 6 of 10 hours used, 4 unused, nothing beyond
        assertEquals(Money.of("EUR", "2000.00"), r.created().get(0).net());
        assertEquals("PT4H", f.invoices().get(0).metadata().get(RetainerHours.UNUSED_KEY));
        // May: 10 + 4 carried = 14 available, 15 used: 1 h × 150.00 beyond
        assertEquals(Money.of("EUR", "2150.00"), r.created().get(1).net());
        assertEquals("PT14H", f.invoices().get(1).metadata().get(RetainerHours.AVAILABLE_KEY));
    }

    @Test
    void run_partialFirstPeriod_proratesFeeAndIncludedHours() {
        PackageFixture f = fixture(d("2026-03-16"));
        retainer(f, "R", "2026-03-16", 10, null, false);
        work(f, P1, "2026-03-20", Duration.ofHours(6));

        PackageRunResult.Created march = f.acme.packages().run(d("2026-04-01")).created().get(0);

        // 16 of 31 days: fee 2000.00 × 16 / 31 = 1032.258… → 1032.26;
        // included 10 h × 16 / 31 = 18580.6 s → 18580 s = 5 h 9 min 40 s;
        // beyond: 6 h − 5:09:40 = 50 min 20 s = 0.83888… h → 0.8389 h × 120.00 = 100.668 → 100.67
        Invoice invoice = f.invoices().get(0);
        assertEquals("PT5H9M40S", invoice.metadata().get(RetainerHours.AVAILABLE_KEY));
        assertEquals(0, new BigDecimal("0.8389").compareTo(invoice.lines().get(1).quantity()));
        assertEquals(Money.of("EUR", "1132.93"), march.net(), "1032.26 + 100.67");
    }

    @Test
    void run_noWorkInPeriod_billsTheFeeAlone() {
        PackageFixture f = fixture(d("2026-03-01"));
        retainer(f, "R", "2026-03-01", 10, null, false);
        PackageRunResult.Created march = f.acme.packages().run(d("2026-04-01")).created().get(0);
        assertEquals(Money.of("EUR", "2000.00"), march.net());
        assertEquals(1, f.invoices().get(0).lines().size());
        assertEquals("PT10H", f.invoices().get(0).metadata().get(RetainerHours.UNUSED_KEY));
    }

    @Test
    void run_overageOnDayRateWithoutOverageRate_failsWithReasonAndStoresNothing() {
        PackageFixture f = fixture(d("2026-03-01"));
        f.acme.engagements().create(new Engagement(EngagementId.of("W"), GLOBEX, P2, "Workshops",
                PricingMode.MIXED, Money.of("EUR", "500.00"), PackageSchedule.MONTHLY, d("2026-03-01"), null, null,
                Duration.ofHours(1), null, ProrationPolicy.PRORATE_BY_DAYS, false, EngagementStatus.ACTIVE, 0));
        work(f, P2, "2026-03-03", Duration.ofHours(8));
        StoreSnapshot before = f.snapshot();

        PackageRunResult r = f.acme.packages().run(d("2026-04-01"));

        assertEquals(List.of(), r.created());
        assertEquals(1, r.failed().size());
        assertTrue(r.failed().get(0).reason().contains("hourly rate"), r.failed().get(0).reason());
        assertEquals(before, f.snapshot());
    }
}
