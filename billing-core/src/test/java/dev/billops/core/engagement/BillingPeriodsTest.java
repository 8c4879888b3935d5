package dev.billops.core.engagement;

import dev.billops.core.internal.engagement.BillingPeriods;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.money.Money;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.PeriodCalendar;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Hand-checked periods and fees; every expected amount is worked out in the comment beside it. */
class BillingPeriodsTest {

    private static final BillingPeriods CALENDAR = BillingPeriods.calendarAligned();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Engagement engagement(String fee, PackageSchedule schedule, String start, @Nullable String end) {
        return Engagement.ofPackage(EngagementId.of("E1"), ClientId.of("acme"), "Retainer",
                Money.of(fee.contains(" ") ? fee.split(" ")[0] : "EUR", fee.contains(" ") ? fee.split(" ")[1] : fee),
                schedule, d(start), end == null ? null : d(end));
    }

    private static LocalDateRange range(String start, String endExclusive) {
        return LocalDateRange.of(d(start), d(endExclusive));
    }

    @Test
    void fee_monthlyStarting15FebInLeapYear_prorates15Of29Days() {
        Engagement e = engagement("1000.00", PackageSchedule.MONTHLY, "2024-02-15", null);
        List<BillingPeriod> periods = CALENDAR.periodsStartingBy(e, d("2024-03-31"));

        assertEquals(2, periods.size());
        BillingPeriod feb = periods.get(0);
        assertEquals(range("2024-02-15", "2024-03-01"), feb.range());
        assertEquals(range("2024-02-01", "2024-03-01"), feb.fullPeriod());
        assertTrue(feb.isPartial());
        assertEquals(15, feb.days());
        assertEquals(29, feb.fullDays());
        // 1000.00 × 15 / 29 = 517.2413… → 517.24
        assertEquals(Money.of("EUR", "517.24"), CALENDAR.fee(e, feb));

        BillingPeriod march = periods.get(1);
        assertEquals(range("2024-03-01", "2024-04-01"), march.range());
        assertFalse(march.isPartial());
        assertEquals(Money.of("EUR", "1000.00"), CALENDAR.fee(e, march));
    }

    @Test
    void fee_monthlyStarting15FebInCommonYear_prorates14Of28Days() {
        Engagement e = engagement("1000.00", PackageSchedule.MONTHLY, "2025-02-15", null);
        BillingPeriod feb = CALENDAR.periodContaining(e, d("2025-02-20")).orElseThrow();

        assertEquals(range("2025-02-15", "2025-03-01"), feb.range());
        // 1000.00 × 14 / 28 = 500.00 exactly
        assertEquals(Money.of("EUR", "500.00"), CALENDAR.fee(e, feb));
    }

    @Test
    void fee_fullPeriodPolicy_billsWholeFeeForPartialPeriod() {
        Engagement e = engagement("1000.00", PackageSchedule.MONTHLY, "2024-02-15", null);
        Engagement full = new Engagement(e.id(), e.clientId(), null, e.description(), e.mode(), e.packageFee(),
                e.schedule(), e.startDate(), null, null, null, null, ProrationPolicy.FULL_PERIOD, false,
                EngagementStatus.ACTIVE, 0);
        BillingPeriod feb = CALENDAR.periodContaining(full, d("2024-02-15")).orElseThrow();

        assertTrue(feb.isPartial());
        assertEquals(Money.of("EUR", "1000.00"), CALENDAR.fee(full, feb));
    }

    @Test
    void periods_quarterlyStartingMidQuarter_firstQuarterProrated() {
        Engagement e = engagement("3000.00", PackageSchedule.QUARTERLY, "2026-02-10", "2026-12-31");
        List<BillingPeriod> periods = CALENDAR.periods(e);

        assertEquals(List.of(range("2026-02-10", "2026-04-01"), range("2026-04-01", "2026-07-01"),
                range("2026-07-01", "2026-10-01"), range("2026-10-01", "2027-01-01")),
                periods.stream().map(BillingPeriod::range).toList());
        // Q1 2026 has 31 + 28 + 31 = 90 days; 10 Feb – 31 Mar is 19 + 31 = 50 days.
        assertEquals(90, periods.get(0).fullDays());
        assertEquals(50, periods.get(0).days());
        // 3000.00 × 50 / 90 = 1666.666… → 1666.67
        assertEquals(Money.of("EUR", "1666.67"), CALENDAR.fee(e, periods.get(0)));
        assertEquals(Money.of("EUR", "3000.00"), CALENDAR.fee(e, periods.get(1)));
    }

    @Test
    void periods_annualFromAprilOnCalendarYears_splitsAtNewYear() {
        Engagement e = engagement("12000.00", PackageSchedule.ANNUAL, "2026-04-01", "2027-03-31");
        List<BillingPeriod> periods = CALENDAR.periods(e);

        assertEquals(List.of(range("2026-04-01", "2027-01-01"), range("2027-01-01", "2027-04-01")),
                periods.stream().map(BillingPeriod::range).toList());
        // April–December 2026: 30+31+30+31+31+30+31+30+31 = 275 of 365 days;
        // 12000.00 × 275 / 365 = 9041.0958… → 9041.10
        assertEquals(Money.of("EUR", "9041.10"), CALENDAR.fee(e, periods.get(0)));
        // January–March 2027: 31+28+31 = 90 of 365 days; 12000.00 × 90 / 365 = 2958.9041… → 2958.90
        assertEquals(Money.of("EUR", "2958.90"), CALENDAR.fee(e, periods.get(1)));
    }

    @Test
    void periods_annualWithFiscalYearFromApril_isOneWholeYear() {
        BillingPeriods fiscal = BillingPeriods.of(PeriodCalendar.of(DayOfWeek.MONDAY, Month.APRIL), RoundingMode.HALF_UP);
        Engagement e = engagement("12000.00", PackageSchedule.ANNUAL, "2026-04-01", "2027-03-31");
        List<BillingPeriod> periods = fiscal.periods(e);

        assertEquals(1, periods.size());
        assertEquals(range("2026-04-01", "2027-04-01"), periods.get(0).range());
        assertFalse(periods.get(0).isPartial());
        assertEquals(Money.of("EUR", "12000.00"), fiscal.fee(e, periods.get(0)));
    }

    @Test
    void periods_oneTime_isTheWholeEngagementAtTheFullFee() {
        Engagement e = engagement("5000.00", PackageSchedule.ONE_TIME, "2026-03-10", "2026-06-20");
        List<BillingPeriod> periods = CALENDAR.periods(e);

        assertEquals(1, periods.size());
        assertEquals(range("2026-03-10", "2026-06-21"), periods.get(0).range());
        assertFalse(periods.get(0).isPartial());
        assertEquals(Money.of("EUR", "5000.00"), CALENDAR.fee(e, periods.get(0)));
        assertEquals(periods.get(0), CALENDAR.periodContaining(e, d("2026-05-01")).orElseThrow());
        assertTrue(CALENDAR.periodContaining(e, d("2026-06-21")).isEmpty());
    }

    @Test
    void periods_monthlyEndingMidMonth_lastPeriodProrated() {
        Engagement e = engagement("1000.00", PackageSchedule.MONTHLY, "2026-03-01", "2026-05-20");
        List<BillingPeriod> periods = CALENDAR.periods(e);

        assertEquals(3, periods.size());
        BillingPeriod may = periods.get(2);
        assertEquals(range("2026-05-01", "2026-05-21"), may.range());
        // 1000.00 × 20 / 31 = 645.1612… → 645.16
        assertEquals(Money.of("EUR", "645.16"), CALENDAR.fee(e, may));
    }

    @Test
    void periods_engagementInsideOneMonth_isOnePeriodClippedAtBothEnds() {
        Engagement e = engagement("1000.00", PackageSchedule.MONTHLY, "2026-04-10", "2026-04-19");
        List<BillingPeriod> periods = CALENDAR.periods(e);

        assertEquals(List.of(new BillingPeriod(range("2026-04-10", "2026-04-20"), range("2026-04-01", "2026-05-01"))),
                periods);
        // 1000.00 × 10 / 30 = 333.333… → 333.33
        assertEquals(Money.of("EUR", "333.33"), CALENDAR.fee(e, periods.get(0)));
    }

    @Test
    void fee_zeroDecimalCurrency_roundsToWholeYen() {
        Engagement e = engagement("JPY 100000", PackageSchedule.MONTHLY, "2024-02-15", null);
        BillingPeriod feb = CALENDAR.periodContaining(e, d("2024-02-15")).orElseThrow();
        // 100000 × 15 / 29 = 51724.137… → 51724
        assertEquals(Money.of("JPY", "51724"), CALENDAR.fee(e, feb));
    }

    @Test
    void fee_halfEvenPolicy_roundsTiesToEven() {
        // 0.10 × 15 / 30 = 0.05 exactly: no tie. 0.05 × 15 / 30 = 0.025: a tie, half-even gives 0.02, half-up 0.03.
        Engagement e = engagement("0.05", PackageSchedule.MONTHLY, "2026-04-16", null);
        BillingPeriod april = CALENDAR.periodContaining(e, d("2026-04-16")).orElseThrow();
        assertEquals(15, april.days());
        assertEquals(Money.of("EUR", "0.03"), CALENDAR.fee(e, april));
        assertEquals(Money.of("EUR", "0.02"),
                BillingPeriods.of(PeriodCalendar.iso(), RoundingMode.HALF_EVEN).fee(e, april));
    }

    @Test
    void periods_openEnded_throwsInvalidInput() {
        Engagement e = engagement("1000.00", PackageSchedule.MONTHLY, "2026-01-01", null);
        InvalidInputException ex = assertThrows(InvalidInputException.class, () -> CALENDAR.periods(e));
        assertTrue(ex.getMessage().contains("E1"), ex.getMessage());
    }

    @Test
    void periodContaining_beforeStartOrAfterEnd_isEmpty() {
        Engagement e = engagement("1000.00", PackageSchedule.MONTHLY, "2026-03-15", "2026-06-30");
        assertTrue(CALENDAR.periodContaining(e, d("2026-03-14")).isEmpty());
        assertTrue(CALENDAR.periodContaining(e, d("2026-07-01")).isEmpty());
        assertEquals(range("2026-03-15", "2026-04-01"),
                CALENDAR.periodContaining(e, d("2026-03-31")).orElseThrow().range());
    }

    @Test
    void periodsStartingBetween_skipsEarlierPeriodsButClipsAsWhole() {
        Engagement e = engagement("1000.00", PackageSchedule.MONTHLY, "2025-11-20", null);
        List<BillingPeriod> all = CALENDAR.periodsStartingBy(e, d("2026-05-31"));
        List<BillingPeriod> late = CALENDAR.periodsStartingBetween(e, d("2026-02-15"), d("2026-05-31"));

        assertEquals(all.subList(4, all.size()), late);
        assertEquals(d("2026-03-01"), late.get(0).start());
    }

    @Test
    void prorate_daysOutsideZeroToFullDays_throwsInvalidInput() {
        Money fee = Money.of("EUR", "10.00");
        assertThrows(InvalidInputException.class, () -> BillingPeriods.prorate(fee, 31, 30, RoundingMode.HALF_UP));
        assertThrows(InvalidInputException.class, () -> BillingPeriods.prorate(fee, 1, 0, RoundingMode.HALF_UP));
        assertEquals(Money.of("EUR", "0.00"), BillingPeriods.prorate(fee, 0, 30, RoundingMode.HALF_UP));
    }
}
