package dev.billops.core.rate;

import dev.billops.core.id.RateRuleId;
import dev.billops.core.money.UnitPrice;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of rate resolution: a price per unit and the rule it came from. This is what an
 * invoice line copies, so later rule changes never alter an issued invoice.
 *
 * @param price the amount per unit
 * @param unit hour, day, month or fixed per entry
 * @param ruleId the rule that matched, or null for a rate set explicitly on the work itself
 */
public record ResolvedRate(UnitPrice price, RateUnit unit, @Nullable RateRuleId ruleId) {

    public ResolvedRate {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(unit, "unit");
    }

    /** The rate of {@code rule}. */
    public static ResolvedRate of(RateRule rule) {
        return new ResolvedRate(rule.price(), rule.unit(), rule.id());
    }

    /** A rate set on the work itself (e.g. a time entry's explicit rate); it wins over every rule. */
    public static ResolvedRate explicit(UnitPrice price, RateUnit unit) {
        return new ResolvedRate(price, unit, null);
    }

    /** Whether no rule stands behind this rate. */
    public boolean isExplicit() {
        return ruleId == null;
    }
}
