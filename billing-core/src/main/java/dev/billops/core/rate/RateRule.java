package dev.billops.core.rate;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.id.ProjectId;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A price for work in a scope, in force over {@code [effectiveFrom, effectiveTo)}.
 *
 * @param id rule id
 * @param scope what work it applies to
 * @param price amount per unit
 * @param unit hour, day, month or fixed per entry
 * @param effectiveFrom first day the rule applies
 * @param effectiveTo first day it no longer applies, or null for open-ended
 */
public record RateRule(
        RateRuleId id,
        RateScope scope,
        UnitPrice price,
        RateUnit unit,
        LocalDate effectiveFrom,
        @Nullable LocalDate effectiveTo) {

    public RateRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (effectiveTo != null && !effectiveTo.isAfter(effectiveFrom)) {
            throw new InvalidInputException("rate rule " + id + " ends (" + effectiveTo + ") before it starts ("
                    + effectiveFrom + ")");
        }
    }

    /**
     * A new rule (fresh id) with {@code price} per {@code unit} in {@code scope}, in force from
     * {@code effectiveFrom} on with no end.
     */
    public static RateRule of(RateScope scope, UnitPrice price, RateUnit unit, LocalDate effectiveFrom) {
        return new RateRule(RateRuleId.generate(), scope, price, unit, effectiveFrom, null);
    }

    /** A new hourly rule: {@code of(scope, price, RateUnit.HOUR, effectiveFrom)}. */
    public static RateRule hourly(RateScope scope, UnitPrice price, LocalDate effectiveFrom) {
        return of(scope, price, RateUnit.HOUR, effectiveFrom);
    }

    /** A new hourly rule for one project: {@code hourly(RateScope.project(project), price, effectiveFrom)}. */
    public static RateRule hourly(ProjectId project, UnitPrice price, LocalDate effectiveFrom) {
        return hourly(RateScope.project(project), price, effectiveFrom);
    }

    /** This rule ending before {@code effectiveTo} (exclusive), or open-ended if null. */
    public RateRule withEffectiveTo(@Nullable LocalDate effectiveTo) {
        return new RateRule(id, scope, price, unit, effectiveFrom, effectiveTo);
    }

    /** Whether the rule is in force on {@code date}. */
    public boolean isEffectiveOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || date.isBefore(effectiveTo));
    }
}
