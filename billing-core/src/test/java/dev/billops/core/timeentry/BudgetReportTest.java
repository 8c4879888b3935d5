package dev.billops.core.timeentry;

import dev.billops.core.internal.timeentry.BudgetReports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.project.Budget;
import dev.billops.core.project.Project;
import dev.billops.core.rate.DayRatePolicy;
import dev.billops.core.internal.rate.RateResolver;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.time.DurationRounding;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.RoundingDirection;
import dev.billops.core.time.RoundingScope;
import dev.billops.core.time.TimeSpan;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

class BudgetReportTest {

    private static final CurrencyUnit EUR = Currencies.of("EUR");
    private static final Client ACME = Client.of(ClientId.of("acme"), "ACME", Address.of("a", "1", "B", "DE"), EUR);
    private static final TimekeeperId ALICE = TimekeeperId.of("alice");
    private static final RateResolver RATES = RateResolver.of(List.of(new RateRule(RateRuleId.of("r"),
            RateScope.project(ProjectId.of("web")), UnitPrice.of(EUR, "100"), RateUnit.HOUR, LocalDate.of(2026, 1, 1),
            null)));

    private static Project web(Budget budget) {
        return Project.of(ProjectId.of("web"), ACME.id(), "Web").withBudget(budget)
                .withRounding(DurationRounding.ofMinutes(15, RoundingDirection.UP), RoundingScope.PER_ENTRY);
    }

    private static TimeEntry entry(String day, int minutes, boolean billable) {
        LocalDateTime start = LocalDateTime.parse(day + "T09:00");
        return TimeEntry.of(ProjectId.of("web"), ALICE, null, TimeSpan.of(start, start.plusMinutes(minutes),
                ZoneId.of("Europe/Berlin")), "x").withBillable(billable);
    }

    private static final List<TimeEntry> ENTRIES = List.of(
            entry("2026-10-05", 600, true),                             // 10 h
            entry("2026-11-02", 125, true).billedOn(InvoiceId.of("i")), // 2h05 → 2h15
            entry("2026-11-03", 60, true),                              // 1 h
            entry("2026-11-04", 300, false));                           // not counted

    @Test
    void of_totalBudget_countsBillableRoundedTimeBilledOrNot() {
        BudgetReport r = BudgetReports.compute(web(new Budget(Duration.ofHours(20), Money.of(EUR, "1200.00"),
                Budget.Period.TOTAL)), ACME, ENTRIES, RATES, DayRatePolicy.DEFAULT);
        assertEquals(Duration.ofMinutes(13 * 60 + 15), r.total().hours());
        assertEquals(Money.of(EUR, "1325.00"), r.total().amount());
        assertFalse(r.total().hoursExceeded());
        assertTrue(r.total().amountExceeded());
        assertTrue(r.overBudget());
        assertEquals(Money.of(EUR, "-125.00"), r.total().amountRemaining().orElseThrow());
        assertEquals(LocalDateRange.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 1)), r.total().period());
        assertEquals(Duration.ofMinutes(195), r.month(YearMonth.of(2026, 11)).hours());
        assertEquals(Duration.ZERO, r.month(YearMonth.of(2026, 12)).hours());
    }

    @Test
    void of_monthlyBudget_comparesEachMonth() {
        BudgetReport r = BudgetReports.compute(web(new Budget(Duration.ofHours(8), null, Budget.Period.MONTHLY)), ACME,
                ENTRIES, RATES, DayRatePolicy.DEFAULT);
        assertEquals(2, r.months().size());
        assertTrue(r.months().get(0).overBudget(), "October: 10 h of 8");
        assertFalse(r.months().get(1).overBudget(), "November: 3.25 h of 8");
        assertEquals(Duration.ofMinutes(8 * 60 - 195), r.months().get(1).hoursRemaining().orElseThrow());
        assertTrue(r.overBudget());
        assertFalse(r.total().overBudget(), "the total has no budget of its own");
    }

    @Test
    void of_noRate_countsUnpricedHours() {
        BudgetReport r = BudgetReports.compute(web(new Budget(Duration.ofHours(100), null, Budget.Period.TOTAL)), ACME,
                ENTRIES, RateResolver.of(List.of()), DayRatePolicy.DEFAULT);
        assertEquals(r.total().hours(), r.unpriced());
        assertEquals(Money.zero(EUR), r.total().amount());
    }

    @Test
    void of_budgetInOtherCurrency_throws() {
        Project p = web(new Budget(null, Money.of("USD", "10.00"), Budget.Period.TOTAL));
        assertThrows(CurrencyMismatchException.class,
                () -> BudgetReports.compute(p, ACME, ENTRIES, RATES, DayRatePolicy.DEFAULT));
    }
}
