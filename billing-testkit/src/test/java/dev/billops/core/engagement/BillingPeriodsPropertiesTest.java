package dev.billops.core.engagement;

import dev.billops.core.internal.engagement.BillingPeriods;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.money.Money;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.PeriodCalendar;
import dev.billops.testkit.gen.MoneyGens;
import dev.billops.testkit.gen.TimeGens;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class BillingPeriodsPropertiesTest {

    /** A package engagement: any schedule and proration, start within 2020–2032, open-ended or up to ~4 years. */
    static Gen<Engagement> engagements() {
        Gen<LocalDate> starts = Gen.frequency(
                Gen.weighted(70, TimeGens.dates(LocalDate.of(2020, 1, 1), LocalDate.of(2032, 12, 31))),
                Gen.weighted(15, Gen.zip(Gen.ints(2020, 2032), Gen.ints(1, 12), (y, m) -> LocalDate.of(y, m, 1))),
                Gen.weighted(15, Gen.ints(2020 / 4, 2032 / 4).map(q -> LocalDate.of(q * 4, 2, 29))));
        Gen<Integer> lengths = Gen.frequency(
                Gen.weighted(20, Gen.constant(-1)),
                Gen.weighted(50, Gen.ints(0, 200)),
                Gen.weighted(30, Gen.ints(0, 1500)));
        Gen<Money> fees = MoneyGens.currencies().flatMap(c -> MoneyGens.money(c, BigDecimal.ONE,
                new BigDecimal("100000")));
        Gen<PackageSchedule> schedules = Gen.enumValues(PackageSchedule.class);
        return Gen.zip(Gen.zip(schedules, Gen.enumValues(ProrationPolicy.class), Spec::new), starts, lengths, fees,
                (spec, start, length, fee) -> {
                    @Nullable LocalDate end = length < 0 && spec.schedule != PackageSchedule.ONE_TIME ? null
                            : start.plusDays(Math.max(length, 0));
                    return new Engagement(EngagementId.of("E1"), ClientId.of("c"), null, "Retainer",
                            PricingMode.PACKAGE, fee, spec.schedule, start, end, null, null, null, spec.proration, false,
                            EngagementStatus.ACTIVE, 0);
                });
    }

    private record Spec(PackageSchedule schedule, ProrationPolicy proration) {
    }

    private static BillingPeriods periodsOf(PeriodCalendar calendar) {
        return BillingPeriods.of(calendar, RoundingMode.HALF_UP);
    }

    private static LocalDate lastDayOf(Engagement e) {
        return e.endDate() != null ? e.endDate() : e.startDate().plusYears(3);
    }

    @Test
    void periods_anyEngagement_tileItsSpanWithNoGapAndNoOverlap() {
        Property.forAll(TimeGens.periodCalendars(), engagements()).tries(1_000).verify((calendar, e) -> {
            BillingPeriods bp = periodsOf(calendar);
            LocalDate last = lastDayOf(e);
            List<BillingPeriod> periods = e.endDate() != null ? bp.periods(e) : bp.periodsStartingBy(e, last);

            assertFalse(periods.isEmpty());
            assertEquals(e.startDate(), periods.get(0).start(), "the first period starts with the engagement");
            if (e.endDate() != null) {
                assertEquals(e.endDate(), periods.get(periods.size() - 1).lastDay(), "the last ends with it");
                assertEquals(ChronoUnit.DAYS.between(e.startDate(), e.endDate()) + 1,
                        periods.stream().mapToLong(BillingPeriod::days).sum(), "the days add up to the span");
            }
            for (int i = 0; i < periods.size(); i++) {
                BillingPeriod p = periods.get(i);
                assertTrue(p.days() > 0);
                assertTrue(p.fullPeriod().encloses(p.range()));
                if (i > 0) {
                    assertEquals(periods.get(i - 1).endExclusive(), p.start(), "no gap, no overlap");
                }
                if (p.isPartial()) {
                    assertTrue(i == 0 || i == periods.size() - 1, () -> "only the first or last is partial: " + p);
                }
                if (e.schedule() != PackageSchedule.ONE_TIME) {
                    assertEquals(calendar.periodContaining(p.start(), BillingPeriods.granularity(e.schedule())),
                            p.fullPeriod(), "each period lies within one schedule period");
                }
                assertEquals(p, bp.periodContaining(e, p.start()).orElseThrow());
                assertEquals(p, bp.periodContaining(e, p.lastDay()).orElseThrow());
            }
        });
    }

    @Test
    void periodsStartingBetween_anyWindow_isTheMatchingSliceOfAllPeriods() {
        Gen<Integer> offsets = Gen.ints(-60, 1600);
        Property.forAll(engagements(), offsets, Gen.ints(0, 800)).tries(1_000).verify((e, fromOffset, length) -> {
            BillingPeriods bp = BillingPeriods.calendarAligned();
            LocalDate from = e.startDate().plusDays(fromOffset);
            LocalDate to = from.plusDays(length);
            List<BillingPeriod> expected = bp.periodsStartingBy(e, to).stream()
                    .filter(p -> !p.start().isBefore(from)).toList();
            assertEquals(expected, bp.periodsStartingBetween(e, from, to));
        });
    }

    @Test
    void fee_twelveWholeMonths_sumsToTwelveTimesTheFee() {
        Gen<LocalDate> monthStarts = Gen.zip(Gen.ints(2000, 2050), Gen.ints(1, 12), (y, m) -> LocalDate.of(y, m, 1));
        Gen<Money> fees = MoneyGens.currencies().flatMap(MoneyGens::positiveMoney);
        Property.forAll(monthStarts, fees).tries(1_000).verify((start, fee) -> {
            Engagement e = Engagement.ofPackage(EngagementId.of("E1"), ClientId.of("c"), "Retainer", fee,
                    PackageSchedule.MONTHLY, start, start.plusMonths(12).minusDays(1));
            BillingPeriods bp = BillingPeriods.calendarAligned();
            List<BillingPeriod> periods = bp.periods(e);
            assertEquals(12, periods.size());
            Money sum = Money.zero(fee.currency());
            for (BillingPeriod p : periods) {
                sum = sum.plus(bp.fee(e, p));
            }
            assertEquals(fee.times(12), sum);
        });
    }

    @Test
    void fee_wholeSchedulePeriodsOfAnyCalendar_sumToFeeTimesCount() {
        Property.forAll(TimeGens.periodCalendars(), engagements(), Gen.ints(1, 30)).tries(1_000)
                .verify((calendar, any, count) -> {
                    if (any.schedule() == PackageSchedule.ONE_TIME) {
                        return;
                    }
                    // align the engagement to whole schedule periods of this calendar
                    LocalDateRange first = calendar.periodContaining(any.startDate(),
                            BillingPeriods.granularity(any.schedule()));
                    LocalDateRange lastPeriod = first;
                    for (int i = 1; i < count; i++) {
                        lastPeriod = calendar.next(lastPeriod, BillingPeriods.granularity(any.schedule()));
                    }
                    Engagement e = Transitions.withEndDate(any, lastPeriod.lastDay());
                    Engagement aligned = new Engagement(e.id(), e.clientId(), null, e.description(), e.mode(),
                            e.packageFee(), e.schedule(), first.startInclusive(), e.endDate(), null, null, null,
                            e.proration(), false, EngagementStatus.ACTIVE, 0);
                    BillingPeriods bp = periodsOf(calendar);
                    Money fee = aligned.packageFee();
                    Money sum = Money.zero(fee.currency());
                    for (BillingPeriod p : bp.periods(aligned)) {
                        assertFalse(p.isPartial());
                        sum = sum.plus(bp.fee(aligned, p));
                    }
                    assertEquals(fee.times(count), sum);
                });
    }

    @Test
    void fee_anyPeriod_isTheExactProrationRoundedOnceOrTheFullFee() {
        Property.forAll(TimeGens.periodCalendars(), engagements()).tries(1_000).verify((calendar, e) -> {
            BillingPeriods bp = periodsOf(calendar);
            Money fee = e.packageFee();
            for (BillingPeriod p : bp.periodsStartingBy(e, lastDayOf(e))) {
                Money charged = bp.fee(e, p);
                if (!p.isPartial() || e.proration() == ProrationPolicy.FULL_PERIOD) {
                    assertEquals(fee, charged);
                    continue;
                }
                assertTrue(!charged.isNegative() && !charged.isGreaterThan(fee), () -> charged + " vs " + fee);
                BigDecimal exact = fee.amount().multiply(BigDecimal.valueOf(p.days()))
                        .divide(BigDecimal.valueOf(p.fullDays()), 20, RoundingMode.HALF_EVEN);
                BigDecimal halfMinor = BigDecimal.ONE.movePointLeft(fee.amount().scale()).divide(BigDecimal.valueOf(2));
                assertTrue(exact.subtract(charged.amount()).abs().compareTo(halfMinor) <= 0,
                        () -> p + ": charged " + charged + " for exact " + exact);
            }
        });
    }
}
