package dev.billops.core.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for free text that reaches a store, applied by the value types in their compact
 * constructors: the text is well-formed UTF-16 (no unpaired surrogate, which a database driver
 * would silently turn into {@code ?}), contains no NUL character (which PostgreSQL cannot store),
 * and is at most as long as its column, counted in UTF-16 code units (so never more characters
 * than the column counts). A refused text throws {@link InvalidTextException} naming the field.
 *
 * <p>Also shortens values quoted in messages ({@link #quote(String)}), so that no error message
 * grows with its input. Stateless and thread-safe.
 */
public final class Text {

    /** Most characters of a rejected value that a message quotes. */
    public static final int QUOTE_LIMIT = 40;

    private Text() {
    }

    /**
     * Returns {@code value} if it is well-formed, NUL-free and at most {@code maxLength} UTF-16
     * code units long.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws InvalidTextException otherwise, naming {@code field}
     */
    public static String require(String field, String value, int maxLength) {
        Objects.requireNonNull(value, field);
        if (value.length() > maxLength) {
            throw new InvalidTextException(field, "is " + value.length() + " characters long, more than the "
                    + maxLength + " allowed: " + quote(value));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new InvalidTextException(field, "contains a NUL character at index " + i + ": " + quote(value));
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw unpaired(field, value, i);
            }
            if (Character.isLowSurrogate(c)) {
                throw unpaired(field, value, i);
            }
        }
        return value;
    }

    /** {@link #require} for an optional text: null stays null. */
    public static @Nullable String optional(String field, @Nullable String value, int maxLength) {
        return value == null ? null : require(field, value, maxLength);
    }

    /**
     * {@code value} in single quotes for a message, at most {@link #QUOTE_LIMIT} characters between
     * the quotes: a longer value is cut, ends with an ellipsis and is followed by its length, e.g.
     * {@code 'xxxx…' (120000 characters)}. Control characters, NUL and unpaired surrogates are shown
     * as {@code \}{@code uXXXX} escapes, so that the message itself is well-formed and printable.
     */
    public static String quote(@Nullable String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder(QUOTE_LIMIT);
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            int consumed = pair ? 2 : 1;
            String piece = pair ? value.substring(i, i + 2)
                    : Character.isSurrogate(c) || Character.isISOControl(c) ? String.format("\\u%04X", (int) c)
                    : String.valueOf(c);
            int room = i + consumed >= value.length() ? QUOTE_LIMIT : QUOTE_LIMIT - 1; // a place for the ellipsis
            if (shown.length() + piece.length() > room) {
                break;
            }
            shown.append(piece);
            i += consumed;
        }
        if (i < value.length()) {
            return "'" + shown + "\u2026' (" + value.length() + " characters)";
        }
        return "'" + shown + "'";
    }

    /**
     * {@code value} if it has at most {@code maxLength} UTF-16 units, else its first
     * {@code maxLength - 1} units (one less where that would split a surrogate pair) and an
     * ellipsis: for texts the library composes from valid parts (a generated line description),
     * which may together pass a limit none of them passes alone. Lossy by design; the ellipsis
     * shows where.
     */
    public static String fit(String value, int maxLength) {
        Objects.requireNonNull(value, "value");
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength " + maxLength + " leaves no room for a text and an ellipsis");
        }
        if (value.length() <= maxLength) {
            return value;
        }
        int cut = maxLength - 1;
        if (Character.isHighSurrogate(value.charAt(cut - 1))) {
            cut--;
        }
        return value.substring(0, cut) + "\u2026";
    }

    private static InvalidTextException unpaired(String field, String value, int index) {
        return new InvalidTextException(field, "is not well-formed UTF-16: unpaired surrogate "
                + String.format("\\u%04X", (int) value.charAt(index)) + " at index " + index + ": " + quote(value));
    }
}
