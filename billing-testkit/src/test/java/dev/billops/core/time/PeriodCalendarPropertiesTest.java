package dev.billops.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.testkit.gen.TimeGens;
import dev.billops.testkit.property.Property;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodCalendarPropertiesTest {

    @Test
    void split_anyRangeAnyGranularity_tilesRangeWithoutGapOrOverlap() {
        Property.forAll(TimeGens.periodCalendars(), TimeGens.dateRanges(), TimeGens.granularities()).tries(1_000)
                .verify((calendar, range, granularity) -> {
                    List<LocalDateRange> periods = calendar.split(range, granularity);
                    assertEquals(range.days(), periods.stream().mapToLong(LocalDateRange::days).sum(), "days add up");
                    if (range.isEmpty()) {
                        assertEquals(List.of(), periods);
                        return;
                    }
                    assertEquals(range.startInclusive(), periods.get(0).startInclusive(), "first starts with range");
                    assertEquals(range.endExclusive(), periods.get(periods.size() - 1).endExclusive(), "last ends with range");
                    for (int i = 0; i < periods.size(); i++) {
                        LocalDateRange period = periods.get(i);
                        assertFalse(period.isEmpty(), "no empty period");
                        assertTrue(range.encloses(period), "inside the range");
                        assertTrue(calendar.periodContaining(period.startInclusive(), granularity).encloses(period),
                                () -> period + " is not within one " + granularity);
                        if (i > 0) {
                            assertEquals(periods.get(i - 1).endExclusive(), period.startInclusive(), "no gap, no overlap");
                            assertEquals(calendar.periodContaining(period.startInclusive(), granularity).startInclusive(),
                                    period.startInclusive(), "inner periods start on a boundary");
                        }
                    }
                });
    }

    @Test
    void periodContaining_anyDate_containsItAndHasGranularityLength() {
        Property.forAll(TimeGens.periodCalendars(), TimeGens.dates(), TimeGens.granularities()).tries(2_000)
                .verify((calendar, date, granularity) -> {
                    LocalDateRange period = calendar.periodContaining(date, granularity);
                    assertTrue(period.contains(date), () -> period + " does not contain " + date);
                    long days = period.days();
                    switch (granularity) {
                        case DAY -> assertEquals(1, days);
                        case WEEK -> {
                            assertEquals(7, days);
                            assertEquals(calendar.weekStart(), period.startInclusive().getDayOfWeek());
                        }
                        case MONTH -> assertTrue(days >= 28 && days <= 31);
                        case QUARTER -> {
                            assertTrue(days >= 89 && days <= 92, () -> period.toString());
                            assertEquals(0, Math.floorMod(period.startInclusive().getMonthValue()
                                    - calendar.fiscalYearStart().getValue(), 3));
                        }
                        case YEAR -> {
                            assertTrue(days == 365 || days == 366);
                            assertEquals(calendar.fiscalYearStart(), period.startInclusive().getMonth());
                        }
                    }
                    if (granularity != Granularity.DAY && granularity != Granularity.WEEK) {
                        assertEquals(1, period.startInclusive().getDayOfMonth(), "months, quarters, years start on the 1st");
                    }
                });
    }

    @Test
    void next_anyPeriod_startsWhereItEndsAndPreviousUndoesIt() {
        Property.forAll(TimeGens.periodCalendars(), TimeGens.dates(), TimeGens.granularities()).tries(1_000)
                .verify((calendar, date, granularity) -> {
                    LocalDateRange period = calendar.periodContaining(date, granularity);
                    LocalDateRange next = calendar.next(period, granularity);
                    assertEquals(period.endExclusive(), next.startInclusive());
                    assertEquals(next, calendar.periodContaining(next.startInclusive(), granularity));
                    assertEquals(period, calendar.previous(next, granularity));
                });
    }
}
