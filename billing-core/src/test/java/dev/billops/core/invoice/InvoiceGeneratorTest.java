package dev.billops.core.invoice;

import dev.billops.core.internal.invoice.Generation;
import dev.billops.core.internal.invoice.GenerationContext;
import dev.billops.core.internal.invoice.GenerationRequest;
import dev.billops.core.internal.invoice.InvoiceGenerator;
import static dev.billops.core.invoice.GenFixture.ALICE;
import static dev.billops.core.invoice.GenFixture.APP;
import static dev.billops.core.invoice.GenFixture.BERLIN;
import static dev.billops.core.invoice.GenFixture.BOB;
import static dev.billops.core.invoice.GenFixture.DEV;
import static dev.billops.core.invoice.GenFixture.EUR;
import static dev.billops.core.invoice.GenFixture.MEET;
import static dev.billops.core.invoice.GenFixture.NOVEMBER;
import static dev.billops.core.invoice.GenFixture.WEB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.invoice.GroupingPolicy.Dimension;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.project.Project;
import dev.billops.core.rate.DayRatePolicy;
import dev.billops.core.rate.DayRatePolicy.PartialDays;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.tax.TaxCategory;
import dev.billops.core.time.DurationRounding;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.RoundingDirection;
import dev.billops.core.time.RoundingScope;
import dev.billops.core.timeentry.TimeEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-checked examples of invoice generation: rate resolution, billed durations, grouping and quantities. */
class InvoiceGeneratorTest {

    /**
     * The standard week: Website at 100/h (19 %), App at 120/h (7 %).
     * e1 alice web dev 11-02 09:00-10:30 (1.5 h), e2 alice web meet 11-02 11:00-11:20 (1/3 h),
     * e3 bob web dev 11-02 09:00-12:00 (3 h), e4 alice app dev 11-03 13:00-15:45 (2.75 h),
     * e5 bob web dev 11-03 10:00-11:00 (1 h); e6 non-billable, e7 in December.
     */
    private static GenFixture week() {
        GenFixture f = GenFixture.standard();
        f.entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:30");
        f.entry(ALICE, WEB, MEET, "2026-11-02", "11:00", "11:20");
        f.entry(BOB, WEB, DEV, "2026-11-02", "09:00", "12:00");
        f.entry(ALICE, APP, DEV, "2026-11-03", "13:00", "15:45");
        f.entry(BOB, WEB, DEV, "2026-11-03", "10:00", "11:00");
        TimeEntry e6 = f.entry(ALICE, WEB, DEV, "2026-11-04", "09:00", "10:00");
        f.replace(e6, e6.withBillable(false));
        f.entry(ALICE, WEB, DEV, "2026-12-01", "09:00", "10:00");
        return f;
    }

    /** "qty unit × price = net [ids]" per line, for compact assertions. */
    private static List<String> summary(Generation g) {
        List<String> out = new ArrayList<>();
        for (InvoiceLine l : g.lines()) {
            List<String> ids = new ArrayList<>();
            l.entryIds().forEach(id -> ids.add(id.value()));
            out.add(l.quantity().toPlainString() + " " + l.unit() + " x " + l.price().amount().toPlainString() + " = "
                    + l.netAmount().amount().toPlainString() + " " + ids);
        }
        return out;
    }

    @Test
    void generate_perEntry_oneLinePerBillableEntryInRange() {
        Generation g = week().generate(GroupingPolicy.perEntry());
        assertEquals(List.of(
                "1.5000 HUR x 100.00 = 150.00 [e1]",
                "3.0000 HUR x 100.00 = 300.00 [e3]",
                "0.3333 HUR x 100.00 = 33.33 [e2]",
                "1.0000 HUR x 100.00 = 100.00 [e5]",
                "2.7500 HUR x 120.00 = 330.00 [e4]"), summary(g));
        assertEquals("Website – Development – 2026-11-02 – work 1", g.lines().get(0).description());
        assertEquals(LocalDateRange.ofDay(LocalDate.of(2026, 11, 2)), g.lines().get(0).period());
    }

    @Test
    void generate_perProject_sumsHoursPerProjectAndRate() {
        Generation g = week().generate(GroupingPolicy.perProject());
        // web: 1.5 + 1/3 + 3 + 1 = 5.8333 h × 100 = 583.33; app: 2.75 h × 120 = 330.00
        assertEquals(List.of(
                "5.8333 HUR x 100.00 = 583.33 [e1, e3, e2, e5]",
                "2.7500 HUR x 120.00 = 330.00 [e4]"), summary(g));
        assertEquals("Website", g.lines().get(0).description());
        assertEquals(LocalDateRange.of(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 4)), g.lines().get(0).period());
        assertEquals(WEB.id(), g.lines().get(0).projectId());
        assertNull(g.lines().get(0).timekeeperId(), "two timekeepers on the line");
        assertEquals(Duration.ofMinutes(350), g.billedTimes().get(0));
    }

    @Test
    void generate_perProject_taxFromProjectOrTenantAndTotalsHandChecked() {
        Invoice draft = week().generate(GroupingPolicy.perProject()).toDraft(InvoiceId.of("d1"));
        assertEquals(TaxCategory.S, draft.lines().get(0).tax().category());
        assertEquals(0, new BigDecimal("19").compareTo(draft.lines().get(0).tax().ratePercent()));
        assertEquals(0, new BigDecimal("7").compareTo(draft.lines().get(1).tax().ratePercent()));
        // net 913.33; VAT 19 % of 583.33 = 110.83, 7 % of 330.00 = 23.10; gross 1047.26
        assertEquals(Money.of(EUR, "913.33"), draft.totals().taxExclusive());
        assertEquals(Money.of(EUR, "133.93"), draft.totals().taxTotal());
        assertEquals(Money.of(EUR, "1047.26"), draft.totals().taxInclusive());
        assertEquals(NOVEMBER, draft.servicePeriod());
        assertEquals(InvoiceStatus.DRAFT, draft.status());
        assertEquals(InvoiceSource.TIME_ENTRIES, draft.source());
    }

    @Test
    void generate_perDay_splitsByDateAndRate() {
        Generation g = week().generate(GroupingPolicy.of(Dimension.DAY));
        // 11-02 at 100: 1.5 + 3 + 1/3 = 4.8333; 11-03 at 100: 1; 11-03 at 120: 2.75
        assertEquals(List.of(
                "4.8333 HUR x 100.00 = 483.33 [e1, e3, e2]",
                "1.0000 HUR x 100.00 = 100.00 [e5]",
                "2.7500 HUR x 120.00 = 330.00 [e4]"), summary(g));
        assertEquals("Website – 2026-11-02", g.lines().get(0).description());
    }

    @Test
    void generate_perActivity_splitsByActivity() {
        Generation g = week().generate(GroupingPolicy.of(Dimension.ACTIVITY));
        // dev at 100: 1.5 + 3 + 1 = 5.5; meet at 100: 1/3; dev at 120: 2.75
        assertEquals(List.of(
                "5.5000 HUR x 100.00 = 550.00 [e1, e3, e5]",
                "0.3333 HUR x 100.00 = 33.33 [e2]",
                "2.7500 HUR x 120.00 = 330.00 [e4]"), summary(g));
        assertEquals("Website – Development", g.lines().get(0).description());
        assertEquals("Website – Meeting", g.lines().get(1).description());
    }

    @Test
    void generate_perTimekeeper_splitsByTimekeeper() {
        Generation g = week().generate(GroupingPolicy.of(Dimension.TIMEKEEPER));
        // alice at 100: 1.5 + 1/3 = 1.8333; bob at 100: 3 + 1 = 4; alice at 120: 2.75
        assertEquals(List.of(
                "1.8333 HUR x 100.00 = 183.33 [e1, e2]",
                "4.0000 HUR x 100.00 = 400.00 [e3, e5]",
                "2.7500 HUR x 120.00 = 330.00 [e4]"), summary(g));
        assertEquals("Website – Alice", g.lines().get(0).description());
        assertEquals(ALICE, g.lines().get(0).timekeeperId());
    }

    @Test
    void generate_perDayAndTimekeeper_combinesDimensions() {
        Generation g = week().generate(GroupingPolicy.of(Dimension.DAY, Dimension.TIMEKEEPER, Dimension.PROJECT));
        assertEquals(List.of(
                "1.8333 HUR x 100.00 = 183.33 [e1, e2]",
                "3.0000 HUR x 100.00 = 300.00 [e3]",
                "1.0000 HUR x 100.00 = 100.00 [e5]",
                "2.7500 HUR x 120.00 = 330.00 [e4]"), summary(g));
        assertEquals("Website – Bob – 2026-11-03", g.lines().get(2).description());
    }

    @Test
    void generate_noDimensions_oneLinePerRateAndTax() {
        Generation g = week().generate(GroupingPolicy.of());
        assertEquals(List.of(
                "5.8333 HUR x 100.00 = 583.33 [e1, e3, e2, e5]",
                "2.7500 HUR x 120.00 = 330.00 [e4]"), summary(g));
    }

    @Test
    void generate_sameRateDifferentProjects_mergeOnlyWithoutProjectDimension() {
        GenFixture f = GenFixture.standard();
        Project other = Project.of(ProjectId.of("ops"), GenFixture.ACME.id(), "Ops");
        f.projects.add(other);
        f.rule(RateScope.project(other.id()), "100", RateUnit.HOUR, LocalDate.of(2026, 1, 1), null);
        f.entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00");
        f.entry(ALICE, other, DEV, "2026-11-02", "10:00", "12:00");
        Generation merged = f.generate(GroupingPolicy.of());
        assertEquals(List.of("3.0000 HUR x 100.00 = 300.00 [e1, e2]"), summary(merged));
        assertEquals("Services", merged.lines().get(0).description());
        assertNull(merged.lines().get(0).projectId());
        assertNull(merged.lines().get(0).rateRuleId(), "two rules with the same price");
        assertEquals(2, f.generate(GroupingPolicy.perProject()).lines().size());
    }

    @Test
    void generate_rateChangesMidMonth_eachEntryPricedByItsOwnDate() {
        GenFixture f = new GenFixture();
        f.rule(RateScope.project(WEB.id()), "100", RateUnit.HOUR, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 16));
        f.rule(RateScope.project(WEB.id()), "110", RateUnit.HOUR, LocalDate.of(2026, 11, 16), null);
        f.entry(ALICE, WEB, DEV, "2026-11-10", "09:00", "11:00");
        f.entry(ALICE, WEB, DEV, "2026-11-15", "09:00", "10:00");
        f.entry(ALICE, WEB, DEV, "2026-11-16", "09:00", "12:00");
        f.entry(BOB, WEB, DEV, "2026-11-20", "09:00", "10:30");
        Generation g = f.generate(GroupingPolicy.perProject());
        // before 11-16: 2 + 1 = 3 h × 100 = 300; from 11-16: 3 + 1.5 = 4.5 h × 110 = 495
        assertEquals(List.of(
                "3.0000 HUR x 100.00 = 300.00 [e1, e2]",
                "4.5000 HUR x 110.00 = 495.00 [e3, e4]"), summary(g));
        assertEquals(LocalDateRange.of(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 16)), g.lines().get(0).period());
        assertEquals("r1", g.lines().get(0).rateRuleId().value());
        assertEquals("r2", g.lines().get(1).rateRuleId().value());
    }

    @Test
    void generate_overlappingRulesOfEqualScope_latestStartWins() {
        GenFixture f = new GenFixture();
        f.rule(RateScope.project(WEB.id()), "100", RateUnit.HOUR, LocalDate.of(2026, 1, 1), null);
        f.rule(RateScope.project(WEB.id()), "105", RateUnit.HOUR, LocalDate.of(2026, 11, 10), null);
        f.rule(RateScope.client(GenFixture.ACME.id()), "999", RateUnit.HOUR, LocalDate.of(2026, 11, 20), null);
        f.rule(RateScope.project(WEB.id()).withTimekeeper(BOB), "130", RateUnit.HOUR, LocalDate.of(2025, 1, 1), null);
        f.entry(ALICE, WEB, DEV, "2026-11-05", "09:00", "10:00");
        f.entry(ALICE, WEB, DEV, "2026-11-25", "09:00", "10:00");
        f.entry(BOB, WEB, DEV, "2026-11-25", "10:00", "11:00");
        Generation g = f.generate(GroupingPolicy.perEntry());
        // 11-05: only the 100 rule in force; 11-25: 105 (project, later than 100; the client rule is less
        // specific); bob: project+timekeeper is the most specific whatever its start
        assertEquals(List.of(
                "1.0000 HUR x 100.00 = 100.00 [e1]",
                "1.0000 HUR x 105.00 = 105.00 [e2]",
                "1.0000 HUR x 130.00 = 130.00 [e3]"), summary(g));
    }

    @Test
    void generate_explicitRateOnEntry_winsOverRules() {
        GenFixture f = GenFixture.standard();
        TimeEntry e = f.entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "11:00");
        f.replace(e, e.withExplicitRate(UnitPrice.of(EUR, "150"), RateUnit.HOUR));
        f.entry(ALICE, WEB, DEV, "2026-11-03", "09:00", "10:00");
        Generation g = f.generate(GroupingPolicy.perProject());
        assertEquals(List.of(
                "2.0000 HUR x 150.00 = 300.00 [e1]",
                "1.0000 HUR x 100.00 = 100.00 [e2]"), summary(g));
        assertNull(g.lines().get(0).rateRuleId());
    }

    @Test
    void generate_dayRateProRata_billedTimeOverDayLength() {
        GenFixture f = dayRateFixture();
        Generation g = f.generate(NOVEMBER, GenerationPolicy.DEFAULT);
        // 6 h + 10 h = 16 h / 8 h = 2 days × 800
        assertEquals(List.of("2.0000 DAY x 800.00 = 1600.00 [e1, e2]"), summary(g));
    }

    @Test
    void generate_dayRateFullDays_eachStartedDayCountsWhole() {
        GenFixture f = dayRateFixture();
        Generation g = f.generate(NOVEMBER, GenerationPolicy.DEFAULT.withDays(
                DayRatePolicy.of(Duration.ofHours(8), PartialDays.FULL_DAYS)));
        // 11-02: 6 h → 1 day; 11-03: 10 h → 2 started days; 3 × 800
        assertEquals(List.of("3.0000 DAY x 800.00 = 2400.00 [e1, e2]"), summary(g));
    }

    @Test
    void generate_dayRateHalfDays_eachStartedHalfDayCounts() {
        GenFixture f = dayRateFixture();
        Generation g = f.generate(NOVEMBER, GenerationPolicy.DEFAULT.withDays(
                DayRatePolicy.of(Duration.ofHours(8), PartialDays.HALF_DAYS)));
        // 11-02: 6 h → 2 half days; 11-03: 10 h → 3 half days; 2.5 days × 800
        assertEquals(List.of("2.5000 DAY x 800.00 = 2000.00 [e1, e2]"), summary(g));
    }

    @Test
    void generate_dayRateFullDaysPerEntry_entriesOfOneDayShareTheirDay() {
        GenFixture f = dayRateFixture();
        f.entry(ALICE, WEB, DEV, "2026-11-02", "16:00", "17:00");
        Generation g = f.generate(NOVEMBER, new GenerationPolicy(GroupingPolicy.perEntry(),
                DayRatePolicy.of(Duration.ofHours(7), PartialDays.FULL_DAYS)));
        // with 7-hour days: 11-02 has 6 h + 1 h = 7 h → 1 day (not one per entry); 11-03: 10 h → 2 days
        assertEquals(List.of("3.0000 DAY x 800.00 = 2400.00 [e1, e3, e2]"), summary(g));
    }

    private static GenFixture dayRateFixture() {
        GenFixture f = new GenFixture();
        f.rule(RateScope.project(WEB.id()), "800", RateUnit.DAY, LocalDate.of(2026, 1, 1), null);
        f.entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "15:00");
        f.entry(ALICE, WEB, DEV, "2026-11-03", "08:00", "18:00");
        return f;
    }

    @Test
    void generate_roundingPerEntry_roundsEachEntryUp() {
        GenFixture f = roundingFixture(RoundingScope.PER_ENTRY);
        Generation g = f.generate(GroupingPolicy.perProject());
        // 7 → 15, 5 → 15, 50 → 60 minutes: 90 min = 1.5 h
        assertEquals(List.of("1.5000 HUR x 100.00 = 150.00 [e1, e2, e3]"), summary(g));
        assertEquals(Duration.ofMinutes(90), g.totalBilledTime());
    }

    @Test
    void generate_roundingPerDay_roundsTheDaySumOnce() {
        GenFixture f = roundingFixture(RoundingScope.PER_DAY_AND_PROJECT);
        Generation g = f.generate(GroupingPolicy.perProject());
        // 7 + 5 + 50 = 62 minutes → 75 minutes = 1.25 h
        assertEquals(List.of("1.2500 HUR x 100.00 = 125.00 [e1, e2, e3]"), summary(g));
    }

    @Test
    void generate_roundingPerDayWithLinePerEntry_dayTotalSharedInProportion() {
        GenFixture f = roundingFixture(RoundingScope.PER_DAY_AND_PROJECT);
        Generation g = f.generate(GroupingPolicy.perEntry());
        // 4500 s shared 420 : 300 : 3000 → 508.06, 362.90, 3629.03 → 508 + 363 (largest remainder) + 3629
        assertEquals(List.of(Duration.ofSeconds(508), Duration.ofSeconds(363), Duration.ofSeconds(3629)),
                g.billedTimes());
        assertEquals(List.of(
                "0.1411 HUR x 100.00 = 14.11 [e1]",
                "0.1008 HUR x 100.00 = 10.08 [e2]",
                "1.0081 HUR x 100.00 = 100.81 [e3]"), summary(g));
        assertEquals(Duration.ofMinutes(75), g.totalBilledTime());
    }

    private static GenFixture roundingFixture(RoundingScope scope) {
        GenFixture f = GenFixture.standard();
        Project rounded = WEB.withRounding(DurationRounding.ofMinutes(15, RoundingDirection.UP), scope);
        f.projects.set(0, rounded);
        f.entry(ALICE, rounded, DEV, "2026-11-02", "09:00", "09:07");
        f.entry(ALICE, rounded, DEV, "2026-11-02", "10:00", "10:05");
        f.entry(ALICE, rounded, DEV, "2026-11-02", "14:00", "14:50");
        return f;
    }

    @Test
    void generate_dstDays_billRealElapsedTime() {
        GenFixture f = GenFixture.standard();
        f.entry(ALICE, WEB, DEV, "2026-03-29", "00:00", "06:00");
        f.entry(ALICE, WEB, DEV, "2026-10-25", "00:00", "06:00");
        Generation g = f.generate(LocalDateRange.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 11, 1)),
                GenerationPolicy.DEFAULT.withGrouping(GroupingPolicy.of(Dimension.DAY)));
        // spring forward: 00:00-06:00 is 5 h; fall back: 7 h
        assertEquals(List.of(
                "5.0000 HUR x 100.00 = 500.00 [e1]",
                "7.0000 HUR x 100.00 = 700.00 [e2]"), summary(g));
        assertEquals(LocalDateRange.ofDay(LocalDate.of(2026, 3, 29)), g.lines().get(0).period());
    }

    @Test
    void generate_entryAcrossMidnight_billedOnStartDateWithTwoDayPeriod() {
        GenFixture f = GenFixture.standard();
        f.entry(ALICE, WEB, DEV, "2026-11-30", "22:00", "2026-12-01", "02:00");
        Generation g = f.generate(GroupingPolicy.perEntry());
        assertEquals(List.of("4.0000 HUR x 100.00 = 400.00 [e1]"), summary(g));
        assertEquals(LocalDateRange.of(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 2)), g.lines().get(0).period());
    }

    @Test
    void generate_monthRate_oneLinePerProjectAndMonthWhateverTheHours() {
        GenFixture f = new GenFixture();
        f.rule(RateScope.project(WEB.id()), "3000", RateUnit.MONTH, LocalDate.of(2026, 1, 1), null);
        f.entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "17:00");
        f.entry(BOB, WEB, MEET, "2026-11-20", "09:00", "10:00");
        f.entry(ALICE, WEB, DEV, "2026-12-03", "09:00", "12:00");
        LocalDateRange period = LocalDateRange.of(LocalDate.of(2026, 11, 15), LocalDate.of(2027, 1, 1));
        Generation g = f.generate(period, GenerationPolicy.DEFAULT.withGrouping(GroupingPolicy.perEntry()));
        assertEquals(List.of(
                "1 MON x 3000.00 = 3000.00 [e2]",
                "1 MON x 3000.00 = 3000.00 [e3]"), summary(g));
        assertEquals(LocalDateRange.of(LocalDate.of(2026, 11, 15), LocalDate.of(2026, 12, 1)), g.lines().get(0).period());
        assertEquals(LocalDateRange.ofMonth(YearMonth.of(2026, 12)), g.lines().get(1).period());
        assertEquals("Website – 2026-11", g.lines().get(0).description());
        assertEquals(UnitCode.MONTH, g.lines().get(0).unit());
    }

    @Test
    void generate_fixedRate_onePiecePerEntry() {
        GenFixture f = new GenFixture();
        f.rule(RateScope.project(WEB.id()), "250", RateUnit.FIXED, LocalDate.of(2026, 1, 1), null);
        f.entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "09:10");
        f.entry(ALICE, WEB, DEV, "2026-11-05", "09:00", "17:00");
        Generation g = f.generate(GroupingPolicy.perProject());
        assertEquals(List.of("2 C62 x 250.00 = 500.00 [e1, e2]"), summary(g));
        assertEquals("Website – fixed fee", g.lines().get(0).description());
    }

    @Test
    void generate_projectFilterAndExclusions_billOnlyTheRest() {
        GenFixture f = week();
        GenerationRequest request = GenerationRequest.of(NOVEMBER, GenerationPolicy.DEFAULT).forProject(WEB.id())
                .excluding(java.util.Set.of(dev.billops.core.id.TimeEntryId.of("e3")));
        Generation g = InvoiceGenerator.generate(f.context(), f.entries, request);
        assertEquals(List.of("2.8333 HUR x 100.00 = 283.33 [e1, e2, e5]"), summary(g));
    }

    @Test
    void generate_entriesInAnyOrder_sameLines() {
        GenFixture f = week();
        Generation ordered = f.generate(GroupingPolicy.perProject());
        java.util.Collections.reverse(f.entries);
        assertEquals(ordered, f.generate(GroupingPolicy.perProject()));
    }

    @Test
    void generate_billedEntries_yieldNothing() {
        GenFixture f = week();
        f.entries.replaceAll(e -> e.billedOn(InvoiceId.of("inv-1")));
        Generation g = f.generate(GroupingPolicy.perProject());
        assertTrue(g.isEmpty());
    }

    @Test
    void generate_noMatchingRule_throwsNamingTheEntry() {
        GenFixture f = new GenFixture();
        f.rule(RateScope.project(WEB.id()), "100", RateUnit.HOUR, LocalDate.of(2026, 11, 10), null);
        f.entry(ALICE, WEB, DEV, "2026-11-12", "09:00", "10:00");
        f.entry(ALICE, WEB, DEV, "2026-11-05", "09:00", "10:00");
        NoRateForEntryException e = assertThrows(NoRateForEntryException.class,
                () -> f.generate(GroupingPolicy.perProject()));
        assertEquals("e2", e.entryId().value());
        assertEquals(LocalDate.of(2026, 11, 5), e.query().date());
        assertTrue(e.getMessage().contains("time entry e2"), e.getMessage());
    }

    @Test
    void generate_ruleInOtherCurrency_throwsCurrencyMismatchNamingTheEntry() {
        GenFixture f = new GenFixture();
        f.rules.add(new dev.billops.core.rate.RateRule(dev.billops.core.id.RateRuleId.of("usd"),
                RateScope.project(WEB.id()), UnitPrice.of(dev.billops.core.money.Currencies.of("USD"), "100"),
                RateUnit.HOUR, LocalDate.of(2026, 1, 1), null));
        f.entry(ALICE, WEB, DEV, "2026-11-12", "09:00", "10:00");
        CurrencyMismatchException e = assertThrows(CurrencyMismatchException.class,
                () -> f.generate(GroupingPolicy.perProject()));
        assertTrue(e.getMessage().contains("time entry e1"), e.getMessage());
    }

    @Test
    void generate_reverseChargeClient_linesCarryCategoryAEWhateverTheProjectRate() {
        GenFixture f = week();
        f.client = GenFixture.ACME.withVatId("ATU12345678")
                .withTaxProfile(dev.billops.core.party.TaxProfile.REVERSE_CHARGE);
        Generation g = f.generate(GroupingPolicy.perProject());
        assertEquals(2, g.lines().size(), "the prices still differ");
        for (InvoiceLine line : g.lines()) {
            assertEquals(TaxCategory.AE, line.tax().category());
        }
    }

    @Test
    void context_projectOfOtherClient_isRejected() {
        Project foreign = Project.of(ProjectId.of("x"), ClientId.of("other"), "Foreign");
        assertThrows(dev.billops.core.error.InvalidInputException.class, () -> GenerationContext.of(GenFixture.TENANT,
                GenFixture.ACME, List.of(foreign), List.of(), List.of(),
                dev.billops.core.internal.rate.RateResolver.of(List.of())));
    }
}
