package dev.billops.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import javax.money.CurrencyUnit;

/**
 * A price per unit (hour, day, piece) that may carry more decimals than the currency, such as
 * EUR 0.0125 per minute or EUR 87.3333 per hour. Only the amount of a line
 * ({@link #times(BigDecimal, RoundingMode)}) is rounded to the currency.
 *
 * <p>Never negative (EN 16931 BR-27: a net price is not negative; reductions are allowances or
 * negative quantities). At most {@link #MAX_SCALE} decimals; trailing zeros are kept as given
 * but ignored by {@link #equals(Object)}, which compares numerically.
 *
 * @param amount the price per unit, {@code >= 0}
 * @param currency the currency
 */
public record UnitPrice(BigDecimal amount, CurrencyUnit currency) {

    /** Most decimals a unit price may have. */
    public static final int MAX_SCALE = 8;

    public UnitPrice {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        // bounds first, on precision and scale only: 1e999999999 must never be expanded
        if (DecimalBounds.integerDigits(amount) > 15) {
            throw new AmountOutOfRangeException("unit price " + DecimalBounds.quote(amount) + " "
                    + currency.getCurrencyCode() + " is beyond the supported range");
        }
        if (DecimalBounds.decimalsNeeded(amount) > MAX_SCALE) {
            throw new AmountOutOfRangeException("unit price " + DecimalBounds.quote(amount) + " "
                    + currency.getCurrencyCode() + " has more than " + MAX_SCALE + " decimals");
        }
        amount = DecimalBounds.atMostScale(amount, MAX_SCALE);
        if (amount.signum() < 0) {
            throw new AmountOutOfRangeException("unit price " + amount.toPlainString() + " "
                    + currency.getCurrencyCode() + " is negative");
        }
        if (amount.scale() < currency.getDefaultFractionDigits()) {
            amount = amount.setScale(currency.getDefaultFractionDigits());
        }
        if (amount.compareTo(Money.MAX_ABS) >= 0) {
            throw new AmountOutOfRangeException("unit price " + amount.toPlainString() + " "
                    + currency.getCurrencyCode() + " is beyond the supported range");
        }
    }

    /**
     * A price from a decimal string such as {@code "87.3333"}; texts longer than
     * {@link DecimalBounds#MAX_TEXT_LENGTH} are refused unread.
     */
    public static UnitPrice of(CurrencyUnit currency, String amount) {
        Objects.requireNonNull(amount, "amount");
        return new UnitPrice(DecimalBounds.parse("unit price", amount), currency);
    }

    public static UnitPrice of(CurrencyUnit currency, BigDecimal amount) {
        return new UnitPrice(amount, currency);
    }

    /** The same price as an exact money amount per unit. */
    public static UnitPrice of(Money money) {
        Objects.requireNonNull(money, "money");
        return new UnitPrice(money.amount(), money.currency());
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
        BigDecimal scaled = amount.multiply(factor);
        if (scaled.scale() > MAX_SCALE) {
            scaled = scaled.setScale(MAX_SCALE, rounding);
        }
        return new UnitPrice(scaled, currency);
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
