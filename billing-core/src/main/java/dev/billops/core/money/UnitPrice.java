package dev.billops.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import javax.money.CurrencyUnit;

/**
 * A price per unit (hour, day, piece) that may carry more decimals than the currency, such as
 * EUR 0.0125 per minute, EUR 87.3333 per hour or EUR 0.000123456789 per API call. Only the amount of a line
 * ({@link #times(BigDecimal, RoundingMode)}) is rounded to the currency.
 *
 * <p>Never negative (EN 16931 BR-27: a net price is not negative; reductions are allowances or
 * negative quantities). Its scale is at least the currency's decimals and at most
 * {@link #MAX_SCALE}; {@link #equals(Object)} compares numerically. The exact entrances
 * ({@link #of(CurrencyUnit, BigDecimal)}, {@link #of(CurrencyUnit, String)}) write an exact price
 * within that scale (EUR 87.5 becomes 87.50) and refuse one that needs more than
 * {@link #MAX_SCALE} decimals ({@link ExcessScaleException}); the lossy entrance names its
 * rounding ({@link #of(CurrencyUnit, BigDecimal, RoundingMode)}). The canonical constructor
 * changes nothing: it refuses a scale outside that range ({@link ScaleMismatchException}).
 *
 * @param amount the price per unit, {@code >= 0}
 * @param currency the currency
 */
public record UnitPrice(BigDecimal amount, CurrencyUnit currency) {

    /**
     * Most decimals a unit price may have: 18, as many as a quantity. EN 16931 does not limit the
     * decimals of a net price (BT-146; only amounts have two), and prices per kWh, per API call or
     * per gram in the official samples need more than 8; the line net amount is still
     * quantity × price rounded once, half up, to the currency
     * ({@code InvoiceLine.LINE_ROUNDING}). The storage columns are {@code NUMERIC(38,18)}.
     */
    public static final int MAX_SCALE = 18;

    /**
     * Takes {@code amount} as it is.
     *
     * @throws ExcessScaleException if it needs more than {@link #MAX_SCALE} decimals
     * @throws ScaleMismatchException if its scale is below the currency's decimals or above
     *     {@link #MAX_SCALE} (use {@link #of(CurrencyUnit, BigDecimal)})
     * @throws AmountOutOfRangeException if it is negative or its magnitude reaches {@link Money#MAX_ABS}
     */
    public UnitPrice {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        requireBounded(amount, currency);
        int digits = currency.getDefaultFractionDigits();
        if (amount.scale() < digits || amount.scale() > MAX_SCALE) {
            String code = currency.getCurrencyCode();
            throw new ScaleMismatchException("unit price " + DecimalBounds.quote(amount) + " " + code + " has scale "
                    + amount.scale() + "; a UnitPrice holds " + digits + " to " + MAX_SCALE + " decimals in " + code
                    + " (UnitPrice.of writes an exact price at such a scale)", amount, code);
        }
        if (amount.signum() < 0) {
            throw new AmountOutOfRangeException("unit price " + amount.toPlainString() + " "
                    + currency.getCurrencyCode() + " is negative");
        }
        if (amount.compareTo(Money.MAX_ABS) >= 0) {
            throw new AmountOutOfRangeException("unit price " + amount.toPlainString() + " "
                    + currency.getCurrencyCode() + " is beyond the supported range");
        }
    }

    /** Checks magnitude and needed decimals on precision and scale only: 1e999999999 is never expanded. */
    private static void requireBounded(BigDecimal amount, CurrencyUnit currency) {
        if (DecimalBounds.integerDigits(amount) > 15) {
            throw new AmountOutOfRangeException("unit price " + DecimalBounds.quote(amount) + " "
                    + currency.getCurrencyCode() + " is beyond the supported range");
        }
        if (DecimalBounds.decimalsNeeded(amount) > MAX_SCALE) {
            throw new ExcessScaleException("unit price " + DecimalBounds.quote(amount) + " "
                    + currency.getCurrencyCode() + " has more than " + MAX_SCALE + " decimals; round it explicitly",
                    amount, currency.getCurrencyCode(), MAX_SCALE);
        }
    }

    /**
     * A price from a decimal string such as {@code "87.3333"}, exactly; texts longer than
     * {@link DecimalBounds#MAX_TEXT_LENGTH} are refused unread.
     *
     * @throws ExcessScaleException if it needs more than {@link #MAX_SCALE} decimals
     * @throws AmountOutOfRangeException if it is not a decimal number, negative or out of range
     */
    public static UnitPrice of(String currencyCode, String amount) {
        return of(Currencies.of(currencyCode), amount);
    }

    /**
     * The exact price {@code amount} in {@code currency}; see {@link #of(String, String)}.
     *
     * @throws ExcessScaleException if it needs more than {@link #MAX_SCALE} decimals
     * @throws AmountOutOfRangeException if it is not a decimal number, negative or out of range
     */
    public static UnitPrice of(CurrencyUnit currency, String amount) {
        Objects.requireNonNull(amount, "amount");
        return of(currency, DecimalBounds.parse("unit price", amount));
    }

    /**
     * The exact price {@code amount}, padded to the currency's decimals ({@code 87.5} EUR is
     * 87.50) and without trailing zeros beyond {@link #MAX_SCALE}.
     *
     * @throws ExcessScaleException if it needs more than {@link #MAX_SCALE} decimals
     * @throws AmountOutOfRangeException if it is negative or out of range
     */
    public static UnitPrice of(CurrencyUnit currency, BigDecimal amount) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
        requireBounded(amount, currency);
        BigDecimal exact = DecimalBounds.atMostScale(amount, MAX_SCALE);
        if (exact.scale() < currency.getDefaultFractionDigits()) {
            exact = exact.setScale(currency.getDefaultFractionDigits());
        }
        return new UnitPrice(exact, currency);
    }

    /**
     * {@code amount} rounded with {@code rounding} to at most {@link #MAX_SCALE} decimals: the lossy entrance.
     *
     * @throws AmountOutOfRangeException if it is negative or out of range
     */
    public static UnitPrice of(CurrencyUnit currency, BigDecimal amount, RoundingMode rounding) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(rounding, "rounding");
        if (DecimalBounds.integerDigits(amount) > 15) {
            requireBounded(amount, currency);
        }
        // below a hundredth of the last decimal every mode rounds like a stand-in of that size and sign,
        // which rounds without expanding an extreme scale
        BigDecimal bounded = amount.signum() != 0 && DecimalBounds.integerDigits(amount) < -(MAX_SCALE + 1)
                ? BigDecimal.valueOf(amount.signum(), MAX_SCALE + 2) : amount;
        return of(currency, bounded.scale() > MAX_SCALE ? bounded.setScale(MAX_SCALE, rounding) : bounded);
    }

    /** The same price as an exact money amount per unit. */
    public static UnitPrice of(Money money) {
        Objects.requireNonNull(money, "money");
        return of(money.currency(), money.amount());
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /** Price × quantity, rounded once to the currency's minor units. */
    public Money times(BigDecimal quantity, RoundingMode rounding) {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(rounding, "rounding");
        return Money.of(currency, amount.multiply(quantity), rounding);
    }

    /** This price scaled by a factor (e.g. an overtime multiplier), keeping at most {@link #MAX_SCALE} decimals. */
    public UnitPrice scaledBy(BigDecimal factor, RoundingMode rounding) {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(rounding, "rounding");
        DecimalBounds.requireQuantity("price factor", factor);
        return of(currency, amount.multiply(factor), rounding);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnitPrice other
                && other.currency.getCurrencyCode().equals(currency.getCurrencyCode())
                && other.amount.compareTo(amount) == 0;
    }

    @Override
    public int hashCode() {
        return currency.getCurrencyCode().hashCode() * 31 + amount.stripTrailingZeros().hashCode();
    }

    /** {@code "EUR 87.3333"}. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
