package dev.billops.core.tax;

import dev.billops.core.error.InvalidInputException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A document breaks one of the EN 16931 rules of a VAT category (or the VAT breakdown rules):
 * a reverse-charge line without the buyer's VAT id (BR-AE-02), an exempt group without an
 * exemption reason (BR-E-10), an out-of-scope line next to a standard-rated one (BR-O-12), and
 * so on. {@link #ruleId()} names the rule, so a host can map it to help text; nothing was stored.
 */
public final class TaxCategoryRuleViolationException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final String ruleId;
    private final @Nullable TaxCategory category;

    public TaxCategoryRuleViolationException(String ruleId, @Nullable TaxCategory category, String message) {
        super(Objects.requireNonNull(message, "message") + " (" + Objects.requireNonNull(ruleId, "ruleId") + ")");
        this.ruleId = ruleId;
        this.category = category;
    }

    /** The violated rule, e.g. {@code "BR-AE-02"}. */
    public String ruleId() {
        return ruleId;
    }

    /** The category the rule belongs to, or null for a rule that spans categories. */
    public @Nullable TaxCategory category() {
        return category;
    }
}
