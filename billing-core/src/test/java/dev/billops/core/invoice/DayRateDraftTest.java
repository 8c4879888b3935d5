package dev.billops.core.invoice;

import static dev.billops.core.timeentry.TimeBillingFixture.ACME;
import static dev.billops.core.timeentry.TimeBillingFixture.ALICE;
import static dev.billops.core.timeentry.TimeBillingFixture.BOB;
import static dev.billops.core.timeentry.TimeBillingFixture.DEV;
import static dev.billops.core.timeentry.TimeBillingFixture.EUR;
import static dev.billops.core.timeentry.TimeBillingFixture.MEET;
import static dev.billops.core.timeentry.TimeBillingFixture.WEB;
import static dev.billops.core.timeentry.TimeBillingFixture.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billops.core.id.RateRuleId;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.rate.DayRatePolicy;
import dev.billops.core.rate.DayRatePolicy.PartialDays;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.timeentry.TimeBillingFixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Day rates through the facade: days are counted per (timekeeper, project, date), whatever the
 * number of tariffs that day, and the day's price is split across the tariffs by hours.
 */
class DayRateDraftTest {

    private static final LocalDateRange NOVEMBER = LocalDateRange.ofMonth(YearMonth.of(2026, 11));

    /** DEV at 800/day and MEET at 900/day on the web project. */
    private static TimeBillingFixture twoDayTariffs() {
        TimeBillingFixture f = new TimeBillingFixture();
        f.firm.rates().create(new RateRule(RateRuleId.of("dev-day"), RateScope.project(WEB).withActivity(DEV),
                UnitPrice.of(EUR, "800"), RateUnit.DAY, LocalDate.of(2026, 1, 1), null));
        f.firm.rates().create(new RateRule(RateRuleId.of("meet-day"), RateScope.project(WEB).withActivity(MEET),
                UnitPrice.of(EUR, "900"), RateUnit.DAY, LocalDate.of(2026, 1, 1), null));
        return f;
    }

    private static DraftOptions days(PartialDays partial) {
        return DraftOptions.defaults().withDays(DayRatePolicy.of(Duration.ofHours(8), partial));
    }

    private static List<String> lines(Invoice draft) {
        return draft.lines().stream().map(l -> l.quantity().toPlainString() + " x " + l.price().amount()
                .stripTrailingZeros().toPlainString() + " = " + l.netAmount().amount().toPlainString()).toList();
    }

    @Test
    void draft_twoDayTariffsOnOneDateFullDays_billsOneDaySplitByHours() {
        TimeBillingFixture f = twoDayTariffs();
        f.firm.timeEntries().logAll(List.of(
                entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "11:00"),
                entry(ALICE, WEB, MEET, "2026-11-02", "13:00", "15:00")));
        Invoice draft = f.firm.invoices().draft(ACME, NOVEMBER, days(PartialDays.FULL_DAYS)).orElseThrow();
        // 4 h on one date is one started day; DEV and MEET worked 2 h each: 0.5 × 800 + 0.5 × 900
        assertEquals(List.of("0.5000 x 800 = 400.00", "0.5000 x 900 = 450.00"), lines(draft));
        assertEquals(Money.of(EUR, "850.00"), draft.totals().taxExclusive());
    }

    @Test
    void draft_twoDayTariffsOnOneDateHalfDays_billsTheStartedHalfDaysOnce() {
        TimeBillingFixture f = twoDayTariffs();
        f.firm.timeEntries().logAll(List.of(
                entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "12:00"),
                entry(ALICE, WEB, MEET, "2026-11-02", "13:00", "14:00")));
        Invoice draft = f.firm.invoices().draft(ACME, NOVEMBER, days(PartialDays.HALF_DAYS)).orElseThrow();
        // 4 h is one half day (not two): 3 h DEV → 0.375 days, 1 h MEET → 0.125 days
        assertEquals(List.of("0.3750 x 800 = 300.00", "0.1250 x 900 = 112.50"), lines(draft));
    }

    @Test
    void draft_twoDayTariffsOnOneDateProRata_billsHoursOverDayLength() {
        TimeBillingFixture f = twoDayTariffs();
        f.firm.timeEntries().logAll(List.of(
                entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "11:00"),
                entry(ALICE, WEB, MEET, "2026-11-02", "13:00", "15:00")));
        Invoice draft = f.firm.invoices().draft(ACME, NOVEMBER, days(PartialDays.PRO_RATA)).orElseThrow();
        // 2 h / 8 h each: 0.25 × 800 + 0.25 × 900
        assertEquals(Money.of(EUR, "425.00"), draft.totals().taxExclusive());
    }

    @Test
    void draft_daysOfTwoTimekeepersOrDates_countedApart() {
        TimeBillingFixture f = twoDayTariffs();
        f.firm.timeEntries().logAll(List.of(
                entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "11:00"),
                entry(BOB, WEB, MEET, "2026-11-02", "13:00", "15:00"),
                entry(ALICE, WEB, MEET, "2026-11-03", "13:00", "15:00")));
        Invoice draft = f.firm.invoices().draft(ACME, NOVEMBER, days(PartialDays.FULL_DAYS)).orElseThrow();
        // alice 11-02, bob 11-02, alice 11-03: three days
        assertEquals(List.of("1.0000 x 800 = 800.00", "2.0000 x 900 = 1800.00"), lines(draft));
    }

    @Test
    void draft_threeTariffsThirdsOfADay_quantitiesAddUpToTheCountedDay() {
        TimeBillingFixture f = twoDayTariffs();
        f.firm.rates().create(new RateRule(RateRuleId.of("other-day"), RateScope.project(WEB).withTimekeeper(BOB),
                UnitPrice.of(EUR, "600"), RateUnit.DAY, LocalDate.of(2026, 1, 1), null));
        f.firm.timeEntries().logAll(List.of(
                entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00"),
                entry(ALICE, WEB, MEET, "2026-11-02", "10:00", "11:00"),
                entry(ALICE, WEB, null, "2026-11-02", "11:00", "12:00")));
        f.firm.rates().create(new RateRule(RateRuleId.of("web-day"), RateScope.project(WEB),
                UnitPrice.of(EUR, "700"), RateUnit.DAY, LocalDate.of(2026, 1, 1), null));
        f.firm.rates().delete(RateRuleId.of("web-rate"));
        Invoice draft = f.firm.invoices().draft(ACME, NOVEMBER, days(PartialDays.FULL_DAYS)).orElseThrow();
        BigDecimal days = BigDecimal.ZERO;
        for (InvoiceLine l : draft.lines()) {
            days = days.add(l.quantity());
        }
        assertEquals(new BigDecimal("1.0000"), days, lines(draft).toString());
    }
}
