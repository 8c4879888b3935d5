package dev.billops.einvoice.model;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Shape checks shared by the model's records: texts are bounded and, where required, not blank. */
final class Checks {

    /** Longest text of any single business term (a free-text note may be longer). */
    static final int MAX_TEXT = 10_000;

    private Checks() {
    }

    static String text(String term, String value) {
        Objects.requireNonNull(value, term);
        Text.require(term, value, MAX_TEXT);
        if (value.isBlank()) {
            throw new InvalidInputException(term + " is blank");
        }
        return value;
    }

    static @Nullable String optional(String term, @Nullable String value) {
        if (value == null) {
            return null;
        }
        Text.require(term, value, MAX_TEXT);
        return value.isBlank() ? null : value;
    }

    static <T> List<T> list(String term, List<T> values) {
        return List.copyOf(Objects.requireNonNull(values, term));
    }
}
