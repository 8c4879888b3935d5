package dev.billops.core.bank;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Account numbers as they arrive from banks: compared without spaces and in upper case. */
final class Ibans {

    /** ISO 13616 allows at most 34 characters. */
    static final int MAX_LENGTH = 34;

    private Ibans() {
    }

    /** {@code iban} without spaces, upper-cased; null or blank gives null. */
    static @Nullable String normalize(@Nullable String iban) {
        if (iban == null) {
            return null;
        }
        String s = iban.replace(" ", "").strip().toUpperCase(Locale.ROOT);
        return s.isEmpty() ? null : s;
    }
}
