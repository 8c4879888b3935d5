package dev.billops.testkit.property;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** How failure reports print generated values: arrays by content, very long text cut short. */
final class Values {

    static final int MAX_LENGTH = 2_000;

    private Values() {
    }

    static String describe(@Nullable Object value) {
        String text;
        if (value instanceof Object[] array) {
            text = Arrays.deepToString(array);
        } else if (value != null && value.getClass().isArray()) {
            String wrapped = Arrays.deepToString(new Object[] {value});
            text = wrapped.substring(1, wrapped.length() - 1);
        } else {
            text = String.valueOf(value);
        }
        if (text.length() > MAX_LENGTH) {
            return text.substring(0, MAX_LENGTH) + "... (" + text.length() + " characters)";
        }
        return text;
    }
}
