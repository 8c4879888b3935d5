package dev.billops.core.project;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.money.Money;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A project's budget in hours, money or both, for the whole project or per calendar month.
 *
 * @param hours budgeted time, or null
 * @param amount budgeted money, or null
 * @param period whether the budget covers the whole project or each month
 */
public record Budget(@Nullable Duration hours, @Nullable Money amount, Period period) {

    /** What a budget covers. */
    public enum Period {
        TOTAL,
        MONTHLY
    }

    public Budget {
        Objects.requireNonNull(period, "period");
        if (hours == null && amount == null) {
            throw new InvalidInputException("a budget needs hours, an amount, or both");
        }
        if (hours != null && (hours.isNegative() || hours.isZero())) {
            throw new InvalidInputException("budget hours " + hours + " must be positive");
        }
        if (amount != null && !amount.isPositive()) {
            throw new InvalidInputException("budget amount " + amount + " must be positive");
        }
    }
}
