package dev.billops.core.invoice;

import dev.billops.core.internal.invoice.Generation;
import dev.billops.core.internal.invoice.GenerationContext;
import dev.billops.core.internal.invoice.GenerationRequest;
import dev.billops.core.internal.invoice.InvoiceGenerator;
import dev.billops.core.internal.invoice.ProjectMonth;
import dev.billops.core.internal.invoice.TaxTreatments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.project.Activity;
import dev.billops.core.project.Project;
import dev.billops.core.rate.DayRatePolicy;
import dev.billops.core.rate.RateQuery;
import dev.billops.core.internal.rate.RateResolver;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.rate.ResolvedRate;
import dev.billops.core.time.DurationRounding;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.RoundingScope;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.testkit.gen.TimeGens;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Invariants of invoice generation over random consultancies: projects
 * with random rounding rules per entry or per day, rules that change inside the period, explicit
 * rates, HOUR/DAY/MONTH/FIXED units, entries in several zones (across midnight and DST changes),
 * billed and non-billable entries, random periods and grouping policies.
 */
class InvoiceGenerationPropertiesTest {

    private static final CurrencyUnit EUR = Currencies.of("EUR");
    private static final ClientId CLIENT = ClientId.of("acme");
    private static final LocalDate WINDOW_START = LocalDate.of(2026, 10, 20);
    private static final int WINDOW_DAYS = 80;
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("UTC"), ZoneId.of("Australia/Lord_Howe"));
    private static final List<TimekeeperId> TIMEKEEPERS = List.of(TimekeeperId.of("t1"), TimekeeperId.of("t2"),
            TimekeeperId.of("t3"));
    private static final List<ActivityId> ACTIVITIES = List.of(ActivityId.of("a1"), ActivityId.of("a2"));

    /** A consultancy, its entries, and one generation request. */
    record Scenario(GenerationContext context, List<TimeEntry> entries, GenerationRequest request) {
        @Override
        public String toString() {
            return "Scenario[" + entries.size() + " entries, period " + request.period() + ", grouping "
                    + request.policy().grouping().dimensions() + ", days " + request.policy().days() + ", rules "
                    + context.rates().rules() + ", projects " + context.projects().values() + ", entries " + entries
                    + "]";
        }
    }

    static Gen<Scenario> scenarios() {
        return random -> {
            Tenant tenant = Tenant.of(TenantId.of("firm"), "Firm", Address.of("a", "1", "B", "DE"))
                    .withDefaultVatRate(new BigDecimal("19"));
            Client client = Client.of(CLIENT, "ACME", Address.of("a", "1", "B", "DE"), EUR);
            List<Project> projects = new ArrayList<>();
            List<RateRule> rules = new ArrayList<>();
            int projectCount = 1 + random.nextInt(3);
            for (int p = 0; p < projectCount; p++) {
                Project project = Project.of(ProjectId.of("p" + p), CLIENT, "Project " + p);
                if (random.nextInt(4) != 0) {
                    DurationRounding rounding = TimeGens.roundingRules().generate(random);
                    project = project.withRounding(rounding, random.nextBoolean() ? RoundingScope.PER_ENTRY
                            : RoundingScope.PER_DAY_AND_PROJECT);
                }
                if (random.nextInt(3) == 0) {
                    project = project.withVatRate(new BigDecimal("7"));
                }
                projects.add(project);
                RateUnit unit = unit(random);
                LocalDate change = WINDOW_START.plusDays(random.nextInt(WINDOW_DAYS));
                if (random.nextBoolean()) {
                    rules.add(rule(rules, RateScope.project(project.id()), price(random), unit, LocalDate.of(2026, 1, 1),
                            change));
                    rules.add(rule(rules, RateScope.project(project.id()), price(random), unit, change, null));
                } else {
                    rules.add(rule(rules, RateScope.project(project.id()), price(random), unit, LocalDate.of(2026, 1, 1),
                            null));
                }
                if (random.nextBoolean()) {
                    rules.add(rule(rules, RateScope.project(project.id()).withTimekeeper(pick(TIMEKEEPERS, random)),
                            price(random), unit(random), WINDOW_START.plusDays(random.nextInt(WINDOW_DAYS)), null));
                }
            }
            if (random.nextBoolean()) {
                rules.add(rule(rules, RateScope.any().withActivity(ACTIVITIES.get(0)), price(random), RateUnit.HOUR,
                        WINDOW_START.plusDays(random.nextInt(WINDOW_DAYS)), null));
            }
            List<TimeEntry> entries = new ArrayList<>();
            int entryCount = random.nextInt(60);
            for (int i = 0; i < entryCount; i++) {
                entries.add(entry(i, pick(projects, random).id(), random));
            }
            LocalDate from = WINDOW_START.plusDays(random.nextInt(WINDOW_DAYS));
            LocalDateRange period = LocalDateRange.of(from, from.plusDays(1 + random.nextInt(WINDOW_DAYS)));
            Set<GroupingPolicy.Dimension> dims = new HashSet<>();
            for (GroupingPolicy.Dimension d : GroupingPolicy.Dimension.values()) {
                if (random.nextInt(3) == 0) {
                    dims.add(d);
                }
            }
            DayRatePolicy days = DayRatePolicy.of(Duration.ofHours(6 + random.nextInt(4)),
                    pick(List.of(DayRatePolicy.PartialDays.values()), random));
            GenerationContext context = GenerationContext.of(tenant, client, projects,
                    List.of(Timekeeper.of(TIMEKEEPERS.get(0), "One"), Timekeeper.of(TIMEKEEPERS.get(1), "Two")),
                    List.of(Activity.of(ACTIVITIES.get(0), "Dev")), RateResolver.of(rules));
            ProjectId only = random.nextInt(4) == 0 ? pick(projects, random).id() : null;
            return new Scenario(context, entries, new GenerationRequest(period, only, Set.of(),
                    new GenerationPolicy(new GroupingPolicy(dims), days)));
        };
    }

    private static RateUnit unit(RandomGenerator random) {
        int u = random.nextInt(10);
        return u < 6 ? RateUnit.HOUR : u < 8 ? RateUnit.DAY : u < 9 ? RateUnit.FIXED : RateUnit.MONTH;
    }

    private static UnitPrice price(RandomGenerator random) {
        return UnitPrice.of(EUR, BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(4)));
    }

    private static RateRule rule(List<RateRule> existing, RateScope scope, UnitPrice price, RateUnit unit,
            LocalDate from, @Nullable LocalDate to) {
        return new RateRule(RateRuleId.of("r" + existing.size()), scope, price, unit, from, to);
    }

    private static <T> T pick(List<T> values, RandomGenerator random) {
        return values.get(random.nextInt(values.size()));
    }

    private static TimeEntry entry(int i, ProjectId project, RandomGenerator random) {
        ZoneId zone = pick(ZONES, random);
        ZonedDateTime start = WINDOW_START.minusDays(2).plusDays(random.nextInt(WINDOW_DAYS + 4)).atStartOfDay(zone)
                .plusSeconds(random.nextInt(24 * 3600));
        long seconds = random.nextInt(5) == 0 ? 1 + random.nextInt(24 * 3600) : 60 + random.nextInt(8 * 3600);
        TimeSpan span = TimeSpan.of(start.toInstant(), start.toInstant().plusSeconds(seconds), zone);
        boolean explicit = random.nextInt(7) == 0;
        EntryState state = random.nextInt(10) == 0 ? EntryState.BILLED : random.nextInt(20) == 0 ? EntryState.LOCKED
                : EntryState.OPEN;
        return new TimeEntry(TimeEntryId.of("e" + i), project, pick(TIMEKEEPERS, random),
                random.nextBoolean() ? pick(ACTIVITIES, random) : null, span, "entry " + i, random.nextInt(5) != 0,
                explicit ? price(random) : null, explicit ? unit(random) : null, state,
                state == EntryState.BILLED ? InvoiceId.of("old") : null, null, 0);
    }

    /** The entries generation must bill, selected independently of the generator. */
    private static List<TimeEntry> selected(Scenario s) {
        List<TimeEntry> out = new ArrayList<>();
        for (TimeEntry e : s.entries()) {
            boolean projectOk = s.request().projectId() == null || s.request().projectId().equals(e.projectId());
            if (e.state() == EntryState.OPEN && e.billable() && projectOk
                    && s.request().period().contains(e.span().start().atZone(e.span().zone()).toLocalDate())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Rounded billable time computed directly from the rules: per entry, or per timekeeper, project and day. */
    private static Duration expectedBilledTime(Scenario s, List<TimeEntry> selected) {
        Duration total = Duration.ZERO;
        Map<List<Object>, Duration> days = new HashMap<>();
        Map<List<Object>, DurationRounding> rulesOfDay = new HashMap<>();
        for (TimeEntry e : selected) {
            Project p = s.context().projects().get(e.projectId());
            if (p.roundingScope() == RoundingScope.PER_ENTRY) {
                total = total.plus(p.rounding().apply(e.duration()));
            } else {
                for (TimeSpan piece : e.span().splitAtMidnight()) {
                    List<Object> key = List.of(e.timekeeperId(), p.id(), piece.localDate());
                    days.merge(key, piece.duration(), Duration::plus);
                    rulesOfDay.put(key, p.rounding());
                }
            }
        }
        for (Map.Entry<List<Object>, Duration> day : days.entrySet()) {
            total = total.plus(rulesOfDay.get(day.getKey()).apply(day.getValue()));
        }
        return total;
    }

    @Test
    void generate_anyScenario_billsEverySelectedEntryOnExactlyOneLine() {
        Property.forAll(scenarios()).tries(300).verify(s -> {
            Generation g = InvoiceGenerator.generate(s.context(), s.entries(), s.request());
            List<TimeEntryId> billed = g.entryIds();
            Set<TimeEntryId> expected = new HashSet<>();
            for (TimeEntry e : selected(s)) {
                expected.add(e.id());
            }
            assertEquals(expected.size(), billed.size(), "an entry on two lines, or a line missing one");
            assertEquals(expected, new HashSet<>(billed), "billed exactly the open billable entries in range");
        });
    }

    @Test
    void generate_anyScenario_billedTimeEqualsRoundedBillableTime() {
        Property.forAll(scenarios()).tries(300).verify(s -> {
            Generation g = InvoiceGenerator.generate(s.context(), s.entries(), s.request());
            assertEquals(expectedBilledTime(s, selected(s)), g.totalBilledTime());
            for (int i = 0; i < g.lines().size(); i++) {
                InvoiceLine line = g.lines().get(i);
                assertTrue(!g.billedTimes().get(i).isNegative() && line.quantity().signum() >= 0,
                        "line " + line.position() + " bills negative time");
                if (line.unit() == UnitCode.HOUR) {
                    Duration t = g.billedTimes().get(i);
                    BigDecimal hours = BigDecimal.valueOf(t.toNanos()).divide(BigDecimal.valueOf(3_600_000_000_000L),
                            InvoiceGenerator.QUANTITY_SCALE, RoundingMode.HALF_UP);
                    assertEquals(hours, line.quantity(), "line " + line.position() + " hours");
                }
            }
        });
    }

    @Test
    void generate_anyScenario_entriesOnALineShareRateUnitAndTax() {
        Property.forAll(scenarios()).tries(300).verify(s -> {
            Generation g = InvoiceGenerator.generate(s.context(), s.entries(), s.request());
            Map<TimeEntryId, TimeEntry> byId = new HashMap<>();
            s.entries().forEach(e -> byId.put(e.id(), e));
            for (InvoiceLine line : g.lines()) {
                for (TimeEntryId id : line.entryIds()) {
                    TimeEntry e = byId.get(id);
                    ResolvedRate rate = e.explicitRate() != null
                            ? ResolvedRate.explicit(e.explicitRate(), e.explicitRateUnit())
                            : s.context().rates().resolve(RateQuery.of(CLIENT, e.projectId(), e.timekeeperId(),
                                    e.activityId(), e.span().localDate())).orElseThrow();
                    UnitCode expected = switch (rate.unit()) {
                        case HOUR -> UnitCode.HOUR;
                        case DAY -> UnitCode.DAY;
                        case MONTH -> UnitCode.MONTH;
                        case FIXED -> UnitCode.PIECE;
                    };
                    assertEquals(expected, line.unit());
                    if (rate.unit() != RateUnit.MONTH) {
                        // a monthly fee is priced per project and month (see the fee property)
                        assertEquals(rate.price(), line.price(), "entry " + id + " on line " + line.position());
                    }
                    assertEquals(TaxTreatments.forLine(s.context().tenant(), s.context().client(),
                            s.context().projects().get(e.projectId())), line.tax());
                }
            }
        });
    }

    /**
     * Each project and month with MONTH-priced entries is billed its fee once: the MONTH rate in
     * force on each day of the month for the scope of the month's first such entry, each run of
     * days with one rate prorated (rate × days / month days, half up, once per run).
     */
    @Test
    void generate_anyScenario_eachProjectMonthBillsItsDailyProratedFeeOnce() {
        Property.forAll(scenarios()).tries(300).verify(s -> {
            Generation g = InvoiceGenerator.generate(s.context(), s.entries(), s.request());
            Map<TimeEntryId, TimeEntry> byId = new HashMap<>();
            s.entries().forEach(e -> byId.put(e.id(), e));
            Map<ProjectMonth, TimeEntry> firstOfMonth = new HashMap<>();
            List<TimeEntry> ordered = new ArrayList<>(selected(s));
            ordered.sort(java.util.Comparator.comparing((TimeEntry e) -> e.span().start()).thenComparing(TimeEntry::id));
            for (TimeEntry e : ordered) {
                if (InvoiceGenerator.rateOf(s.context(), e).unit() == RateUnit.MONTH) {
                    firstOfMonth.putIfAbsent(new ProjectMonth(e.projectId(),
                            java.time.YearMonth.from(e.span().localDate())), e);
                }
            }
            Map<ProjectMonth, BigDecimal> billed = new HashMap<>();
            for (InvoiceLine line : g.lines()) {
                if (line.unit() == UnitCode.MONTH) {
                    assertEquals(0, BigDecimal.ONE.compareTo(line.quantity()), "quantity of " + line.description());
                    ProjectMonth pm = new ProjectMonth(line.projectId(),
                            java.time.YearMonth.from(line.period().startInclusive()));
                    billed.merge(pm, line.netAmount().amount(), BigDecimal::add);
                }
            }
            Map<ProjectMonth, BigDecimal> expected = new HashMap<>();
            for (Map.Entry<ProjectMonth, TimeEntry> m : firstOfMonth.entrySet()) {
                java.time.YearMonth month = m.getKey().month();
                TimeEntry e = m.getValue();
                int days = month.lengthOfMonth();
                List<ResolvedRate> daily = new ArrayList<>();
                for (int d = 1; d <= days; d++) {
                    ResolvedRate r = e.explicitRate() != null
                            ? ResolvedRate.explicit(e.explicitRate(), e.explicitRateUnit())
                            : s.context().rates().resolve(RateQuery.of(CLIENT, e.projectId(), e.timekeeperId(),
                                    e.activityId(), month.atDay(d))).orElse(null);
                    daily.add(r != null && r.unit() == RateUnit.MONTH ? r : null);
                }
                BigDecimal fee = BigDecimal.ZERO.setScale(2);
                int d = 0;
                while (d < days) {
                    int end = d + 1;
                    while (end < days && java.util.Objects.equals(daily.get(end), daily.get(d))) {
                        end++;
                    }
                    if (daily.get(d) != null) {
                        fee = fee.add(daily.get(d).price().amount().multiply(BigDecimal.valueOf(end - d))
                                .divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP));
                    }
                    d = end;
                }
                expected.put(m.getKey(), fee);
            }
            assertEquals(expected.keySet(), billed.keySet(), "months billed");
            for (ProjectMonth pm : expected.keySet()) {
                assertEquals(0, expected.get(pm).compareTo(billed.get(pm)), pm + ": " + expected.get(pm) + " vs "
                        + billed.get(pm));
            }
        });
    }

    /**
     * Under HALF_DAYS and FULL_DAYS the DAY lines together bill exactly the started (half) days of
     * each (timekeeper, project, date), counted once over all its DAY tariffs.
     */
    /**
     * Scenarios whose entries fall on three dates and every other one has an explicit DAY rate of
     * its own, so that one timekeeper's date on a project often has several DAY tariffs.
     */
    static Gen<Scenario> denseDayScenarios() {
        return scenarios().map(s -> {
            List<TimeEntry> dense = new ArrayList<>();
            for (int i = 0; i < s.entries().size(); i++) {
                TimeEntry e = s.entries().get(i);
                ZonedDateTime start = e.span().start().atZone(e.span().zone());
                start = start.with(WINDOW_START.plusDays(i % 3));
                TimeSpan span = TimeSpan.of(start.toInstant(), start.toInstant().plus(e.duration()), e.span().zone());
                TimeEntry moved = e.withSpan(span);
                dense.add(i % 2 == 0 ? moved.withExplicitRate(UnitPrice.of(EUR, BigDecimal.valueOf(400 + 10L * i)),
                        RateUnit.DAY) : moved);
            }
            GenerationRequest r = s.request();
            return new Scenario(s.context(), dense, new GenerationRequest(LocalDateRange.of(WINDOW_START,
                    WINDOW_START.plusDays(3)), r.projectId(), r.excluded(), r.policy()));
        });
    }

    @Test
    void generate_countedDays_dayQuantitiesSumToTheStartedDaysPerTimekeeperProjectAndDate() {
        Property.forAll(denseDayScenarios()).tries(300).verify(s -> {
            DayRatePolicy days = s.request().policy().days();
            if (days.partialDays() == DayRatePolicy.PartialDays.PRO_RATA) {
                return;
            }
            Generation g = InvoiceGenerator.generate(s.context(), s.entries(), s.request());
            Map<TimeEntryId, TimeEntry> byId = new HashMap<>();
            s.entries().forEach(e -> byId.put(e.id(), e));
            List<TimeEntry> selected = selected(s);
            dev.billops.core.internal.timeentry.BilledDurations billed = dev.billops.core.internal.timeentry.BilledDurations.of(
                    selected, id -> s.context().projects().get(id));
            Map<List<Object>, Long> worked = new HashMap<>();
            for (int i = 0; i < selected.size(); i++) {
                TimeEntry e = selected.get(i);
                if (InvoiceGenerator.rateOf(s.context(), e).unit() == RateUnit.DAY) {
                    worked.merge(List.of(e.timekeeperId(), e.projectId(), e.span().localDate()), billed.nanos(i),
                            Long::sum);
                }
            }
            long step = days.partialDays() == DayRatePolicy.PartialDays.HALF_DAYS ? days.dayLength().toNanos() / 2
                    : days.dayLength().toNanos();
            BigDecimal perStep = days.partialDays() == DayRatePolicy.PartialDays.HALF_DAYS ? new BigDecimal("0.5")
                    : BigDecimal.ONE;
            BigDecimal expected = BigDecimal.ZERO;
            for (long nanos : worked.values()) {
                expected = expected.add(perStep.multiply(BigDecimal.valueOf((nanos + step - 1) / step)));
            }
            BigDecimal actual = BigDecimal.ZERO;
            for (InvoiceLine line : g.lines()) {
                if (line.unit() == UnitCode.DAY) {
                    actual = actual.add(line.quantity());
                }
            }
            assertEquals(0, expected.compareTo(actual), "counted days " + expected + ", billed " + actual);
        });
    }

    @Test
    void generate_sameInputsInAnyOrder_equalGeneration() {
        Property.forAll(scenarios(), Gen.longs(0, Long.MAX_VALUE)).tries(200).verify((s, seed) -> {
            Generation first = InvoiceGenerator.generate(s.context(), s.entries(), s.request());
            List<TimeEntry> shuffled = new ArrayList<>(s.entries());
            Collections.shuffle(shuffled, new Random(seed));
            assertEquals(first, InvoiceGenerator.generate(s.context(), shuffled, s.request()));
            assertEquals(first.toDraft(InvoiceId.of("x")),
                    InvoiceGenerator.generate(s.context(), s.entries(), s.request()).toDraft(InvoiceId.of("x")));
        });
    }

    @Test
    void generate_afterMarkingTheDraftsEntriesBilled_yieldsNothing() {
        Property.forAll(scenarios()).tries(200).verify(s -> {
            Generation g = InvoiceGenerator.generate(s.context(), s.entries(), s.request());
            Set<TimeEntryId> onDraft = new HashSet<>(g.entryIds());
            List<TimeEntry> after = new ArrayList<>();
            for (TimeEntry e : s.entries()) {
                after.add(onDraft.contains(e.id()) ? e.billedOn(InvoiceId.of("issued")) : e);
            }
            assertTrue(InvoiceGenerator.generate(s.context(), after, s.request()).isEmpty());
            assertTrue(InvoiceGenerator.generate(s.context(), s.entries(), s.request().excluding(onDraft)).isEmpty(),
                    "excluding a draft's entries leaves nothing either");
        });
    }

    @Test
    void generate_anyScenario_linePeriodsInsideTheirEntriesDates() {
        Property.forAll(scenarios()).tries(200).verify(s -> {
            Generation g = InvoiceGenerator.generate(s.context(), s.entries(), s.request());
            Map<TimeEntryId, TimeEntry> byId = new HashMap<>();
            s.entries().forEach(e -> byId.put(e.id(), e));
            for (InvoiceLine line : g.lines()) {
                for (TimeEntryId id : line.entryIds()) {
                    LocalDate start = byId.get(id).span().localDate();
                    assertTrue(line.period().contains(start), "line " + line.position() + " period " + line.period()
                            + " misses " + start);
                }
                assertTrue(line.netAmount().signum() >= 0);
            }
        });
    }
}
