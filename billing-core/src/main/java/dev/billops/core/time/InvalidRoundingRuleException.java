package dev.billops.core.time;

import dev.billops.core.error.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link DurationRounding} was given an increment that is not positive or a minimum billable
 * duration that is negative. The message names the field and the value, e.g.
 * {@code "rounding increment must be positive, was PT-15M"}.
 */
public final class InvalidRoundingRuleException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;

    /**
     * @param field the rule's field that is wrong, {@code "increment"} or {@code "minimum"}
     * @param value the value it was given
     * @param requirement what the field must be, e.g. {@code "positive"}
     */
    public InvalidRoundingRuleException(String field, Duration value, String requirement) {
        super("rounding " + Objects.requireNonNull(field, "field") + " must be " + requirement
                + ", was " + value);
        this.field = field;
        this.value = value.toString();
    }

    /** The field that was wrong: {@code "increment"} or {@code "minimum"}. */
    public String field() {
        return field;
    }

    /** The rejected value, as ISO-8601 duration text. */
    public String value() {
        return value;
    }
}
