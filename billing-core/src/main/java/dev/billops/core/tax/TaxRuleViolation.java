package dev.billops.core.tax;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One broken EN 16931 rule found by {@link TaxRules#violations}.
 *
 * @param ruleId the rule, e.g. {@code "BR-AE-02"}
 * @param category the category the rule belongs to, or null for a cross-category rule
 * @param message what is wrong, naming the offending value
 */
public record TaxRuleViolation(String ruleId, @Nullable TaxCategory category, String message) {

    public TaxRuleViolation {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(message, "message");
    }

    /** This violation as the exception {@link TaxRules#validate} throws. */
    public TaxCategoryRuleViolationException toException() {
        return new TaxCategoryRuleViolationException(ruleId, category, message);
    }
}
