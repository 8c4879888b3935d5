package dev.billops.core.timeentry;

import dev.billops.core.id.ProjectId;
import dev.billops.core.money.Money;
import dev.billops.core.project.Budget;
import dev.billops.core.time.LocalDateRange;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How much of its budget a project has used, in total and per calendar month.
 *
 * <p>Usage counts the <em>billable</em> entries of the project, billed or not, at their billed
 * (rounded) duration (rounding per day over all those entries). Money
 * is valued at the rate each entry resolves to on its date (explicit rate first): hours × price
 * for HOUR rates, billed time ÷ day length × price for DAY rates (pro rata, whatever the
 * partial-day policy), the price per entry for FIXED rates, and the price once per month for
 * MONTH rates. Each month's value is rounded half-up to the currency once; the total is the sum
 * of the months. An invoice may differ by the rounding of its lines. Entries for which no rate
 * resolves count in {@link #unpriced()} hours and add no money.
 *
 * <p>A TOTAL budget is compared with {@link #total()}; a MONTHLY budget with each of
 * {@link #months()}. {@link #overBudget()} is the signal a host shows.
 *
 * @param projectId the project
 * @param budget its budget, or null (then nothing is ever over budget)
 * @param total usage over all time; its period spans the months with time (empty, at 1970-01-01, if none)
 * @param months usage per calendar month that has billable time, in order
 * @param unpriced billed time of entries for which no rate resolved
 */
public record BudgetReport(ProjectId projectId, @Nullable Budget budget, BudgetUsage total, List<BudgetUsage> months,
        Duration unpriced) {

    public BudgetReport {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(total, "total");
        months = List.copyOf(Objects.requireNonNull(months, "months"));
        Objects.requireNonNull(unpriced, "unpriced");
    }

    /** Whether the project is over its budget: in total, or in any month of a monthly budget. */
    public boolean overBudget() {
        if (total.overBudget()) {
            return true;
        }
        for (BudgetUsage m : months) {
            if (m.overBudget()) {
                return true;
            }
        }
        return false;
    }

    /** The usage of one month (zero usage if it has no billable time). */
    public BudgetUsage month(YearMonth month) {
        LocalDateRange period = LocalDateRange.ofMonth(month);
        for (BudgetUsage m : months) {
            if (m.period().equals(period)) {
                return m;
            }
        }
        boolean monthly = budget != null && budget.period() == Budget.Period.MONTHLY;
        return new BudgetUsage(period, Duration.ZERO, Money.zero(total.amount().currency()),
                monthly ? budget.hours() : null, monthly ? budget.amount() : null);
    }
}
