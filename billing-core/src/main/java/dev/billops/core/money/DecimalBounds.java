package dev.billops.core.money;

import dev.billops.core.error.Text;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Bounds on the decimals BillOps accepts (amounts, prices, quantities, rates), checked before any
 * arithmetic or formatting. {@code new BigDecimal("1e999999999")} is a 1-digit number that
 * {@code setScale}, {@code toPlainString} or a multiplication would expand into a billion digits;
 * these checks look only at precision and scale, which is cheap for any value, and texts are
 * refused by length before they are parsed. Messages quote at most a short prefix of a rejected
 * value ({@link #quote(BigDecimal)}).
 *
 * <p>Stateless and thread-safe.
 */
public final class DecimalBounds {

    /** Longest decimal text that is parsed; longer texts are refused unread. */
    public static final int MAX_TEXT_LENGTH = 100;
    /** Most integer digits of a quantity or other non-money decimal (a {@code NUMERIC(38,18)} column). */
    public static final int MAX_INTEGER_DIGITS = 20;
    /** Most decimals of a quantity or other non-money decimal (a {@code NUMERIC(38,18)} column). */
    public static final int MAX_SCALE = 18;

    private DecimalBounds() {
    }

    /**
     * Parses a decimal text such as {@code "12.50"} or {@code "1.5E3"}.
     *
     * @throws AmountOutOfRangeException if the text is longer than {@link #MAX_TEXT_LENGTH} or not a
     *     decimal number; the message names {@code field}
     */
    public static BigDecimal parse(String field, String text) {
        Objects.requireNonNull(text, field);
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new AmountOutOfRangeException(field + " " + Text.quote(text) + " is " + text.length()
                    + " characters long, more than the " + MAX_TEXT_LENGTH + " a decimal may have");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new AmountOutOfRangeException(field + " " + Text.quote(text) + " is not a decimal number");
        }
    }

    /**
     * The number of digits before the decimal point of a non-zero value (0 for zero, and
     * negative for magnitudes below 0.1), computed without expanding the value.
     */
    public static long integerDigits(BigDecimal value) {
        return value.signum() == 0 ? 0 : (long) value.precision() - value.scale();
    }

    /**
     * The number of decimals {@code value} needs once trailing zeros are dropped ({@code 1.50}
     * needs 1, {@code 1E+3} needs 0); computed without expanding the value.
     */
    public static long decimalsNeeded(BigDecimal value) {
        if (value.signum() == 0 || value.scale() <= 0) {
            return 0;
        }
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    /**
     * Returns {@code value} if it has at most {@code maxIntegerDigits} integer digits and needs at
     * most {@code maxScale} decimals.
     *
     * @throws AmountOutOfRangeException otherwise, naming {@code field}
     */
    public static BigDecimal require(String field, BigDecimal value, int maxIntegerDigits, int maxScale) {
        Objects.requireNonNull(value, field);
        if (integerDigits(value) > maxIntegerDigits) {
            throw new AmountOutOfRangeException(field + " " + quote(value) + " has more than " + maxIntegerDigits
                    + " integer digits");
        }
        if (decimalsNeeded(value) > maxScale) {
            throw new AmountOutOfRangeException(field + " " + quote(value) + " has more than " + maxScale
                    + " decimals");
        }
        return atMostScale(value, maxScale);
    }

    /**
     * {@code value} written with at most {@code maxScale} decimals, exactly: only trailing zeros are
     * dropped. A zero may be written with any scale ({@code 0e-999999999}) and needs no decimals, so
     * the bounds accept it; kept as written it would print as a billion zeros.
     */
    public static BigDecimal atMostScale(BigDecimal value, int maxScale) {
        if (value.scale() <= maxScale) {
            return value;
        }
        if (value.signum() == 0) {
            return BigDecimal.ZERO.setScale(Math.max(0, maxScale));
        }
        return value.setScale(maxScale, java.math.RoundingMode.UNNECESSARY);
    }

    /** {@link #require(String, BigDecimal, int, int)} (the value it returns is the one to keep) with the bounds of a quantity ({@value #MAX_INTEGER_DIGITS}, {@value #MAX_SCALE}). */
    public static BigDecimal requireQuantity(String field, BigDecimal value) {
        return require(field, value, MAX_INTEGER_DIGITS, MAX_SCALE);
    }

    /**
     * {@code value} for a message (unquoted): the plain digits when short, else its scientific
     * form, cut to {@link Text#QUOTE_LIMIT} characters. Never expands an extreme exponent.
     */
    public static String quote(BigDecimal value) {
        long digits = integerDigits(value);
        boolean plainIsShort = value.scale() >= 0 ? value.precision() + 2L <= Text.QUOTE_LIMIT
                : digits <= Text.QUOTE_LIMIT;
        String shown = plainIsShort && value.scale() <= Text.QUOTE_LIMIT ? value.toPlainString() : value.toString();
        return shown.length() <= Text.QUOTE_LIMIT ? shown : shown.substring(0, Text.QUOTE_LIMIT - 1) + "\u2026";
    }
}
