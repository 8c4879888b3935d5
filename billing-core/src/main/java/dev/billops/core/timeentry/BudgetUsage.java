package dev.billops.core.timeentry;

import dev.billops.core.money.Money;
import dev.billops.core.time.LocalDateRange;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a project used in one period, against the budget for that period if there is one.
 *
 * @param period the period (a calendar month, or the whole project's time for the total)
 * @param hours billed (rounded) time of billable entries
 * @param amount their value at the resolved rates
 * @param hoursBudget the hours budgeted for this period, or null
 * @param amountBudget the money budgeted for this period, or null
 */
public record BudgetUsage(LocalDateRange period, Duration hours, Money amount, @Nullable Duration hoursBudget,
        @Nullable Money amountBudget) {

    public BudgetUsage {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(amount, "amount");
    }

    /** Whether more hours were used than budgeted. */
    public boolean hoursExceeded() {
        return hoursBudget != null && hours.compareTo(hoursBudget) > 0;
    }

    /** Whether more money was used than budgeted. */
    public boolean amountExceeded() {
        return amountBudget != null && amount.compareTo(amountBudget) > 0;
    }

    /** Over budget in hours or money. */
    public boolean overBudget() {
        return hoursExceeded() || amountExceeded();
    }

    /** Budgeted minus used hours (negative when over), if hours are budgeted. */
    public Optional<Duration> hoursRemaining() {
        return hoursBudget == null ? Optional.empty() : Optional.of(hoursBudget.minus(hours));
    }

    /** Budgeted minus used money (negative when over), if money is budgeted. */
    public Optional<Money> amountRemaining() {
        return amountBudget == null ? Optional.empty() : Optional.of(amountBudget.minus(amount));
    }
}
