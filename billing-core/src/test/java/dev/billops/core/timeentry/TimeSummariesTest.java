package dev.billops.core.timeentry;

import dev.billops.core.internal.timeentry.TimeSummaries;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.project.Project;
import dev.billops.core.time.Granularity;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeSummariesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Project WEB = Project.of(ProjectId.of("web"), ClientId.of("acme"), "Web");
    private static final Project APP = Project.of(ProjectId.of("app"), ClientId.of("beta"), "App");
    private static final Map<ProjectId, Project> PROJECTS = Map.of(WEB.id(), WEB, APP.id(), APP);
    private static final TimekeeperId ALICE = TimekeeperId.of("alice");
    private static final TimekeeperId BOB = TimekeeperId.of("bob");
    private static final LocalDateRange NOVEMBER = LocalDateRange.ofMonth(YearMonth.of(2026, 11));

    private static TimeEntry entry(Project p, TimekeeperId who, String day, int hours, boolean billable) {
        LocalDateTime start = LocalDateTime.parse(day + "T09:00");
        return TimeEntry.of(p.id(), who, null, TimeSpan.of(start, start.plusHours(hours), BERLIN), "x")
                .withBillable(billable);
    }

    private static final List<TimeEntry> ENTRIES = List.of(
            entry(WEB, ALICE, "2026-11-02", 3, true),   // Monday, week 45
            entry(WEB, ALICE, "2026-11-03", 2, false),
            entry(APP, BOB, "2026-11-04", 4, true),
            entry(WEB, BOB, "2026-11-09", 1, true),     // week 46
            entry(WEB, BOB, "2026-12-01", 5, true));    // outside

    @Test
    void summarize_perWeekByProject_billableAndNonBillableApart() {
        TimeSummary s = TimeSummaries.summarize(ENTRIES, PROJECTS,
                SummaryRequest.of(NOVEMBER, Granularity.WEEK, SummaryDimension.PROJECT));
        LocalDateRange week45 = LocalDateRange.of(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9));
        LocalDateRange week46 = LocalDateRange.of(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 16));
        assertEquals(List.of(
                new TimeSummary.Row(week45, null, APP.id(), null, Duration.ofHours(4), Duration.ZERO, 1),
                new TimeSummary.Row(week45, null, WEB.id(), null, Duration.ofHours(3), Duration.ofHours(2), 2),
                new TimeSummary.Row(week46, null, WEB.id(), null, Duration.ofHours(1), Duration.ZERO, 1)), s.rows());
        assertEquals(Duration.ofHours(8), s.billable());
        assertEquals(Duration.ofHours(2), s.nonBillable());
    }

    @Test
    void summarize_perMonthByClientAndTimekeeper() {
        TimeSummary s = TimeSummaries.summarize(ENTRIES, PROJECTS, SummaryRequest.of(NOVEMBER, Granularity.MONTH,
                SummaryDimension.CLIENT, SummaryDimension.TIMEKEEPER));
        assertEquals(List.of(
                new TimeSummary.Row(NOVEMBER, ClientId.of("acme"), null, ALICE, Duration.ofHours(3), Duration.ofHours(2), 2),
                new TimeSummary.Row(NOVEMBER, ClientId.of("acme"), null, BOB, Duration.ofHours(1), Duration.ZERO, 1),
                new TimeSummary.Row(NOVEMBER, ClientId.of("beta"), null, BOB, Duration.ofHours(4), Duration.ZERO, 1)),
                s.rows());
    }

    @Test
    void summarize_perDayForOneClientAndTimekeeper_filters() {
        TimeSummary s = TimeSummaries.summarize(ENTRIES, PROJECTS, SummaryRequest.of(NOVEMBER, Granularity.DAY)
                .forClient(ClientId.of("acme")).forTimekeeper(BOB));
        assertEquals(List.of(new TimeSummary.Row(LocalDateRange.ofDay(LocalDate.of(2026, 11, 9)), null, null, null,
                Duration.ofHours(1), Duration.ZERO, 1)), s.rows());
        assertEquals(new java.math.BigDecimal("1.00"), TimeSummary.hours(s.total()));
    }

    @Test
    void summarize_weekCrossingRangeStart_clippedToRange() {
        TimeSummary s = TimeSummaries.summarize(List.of(entry(WEB, ALICE, "2026-11-01", 1, true)), PROJECTS,
                SummaryRequest.of(NOVEMBER, Granularity.WEEK));
        assertEquals(LocalDateRange.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2)), s.rows().get(0).period());
    }
}
