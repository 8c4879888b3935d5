package dev.billops.core.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * An exact amount of money in one currency, always held at that currency's minor units
 * (EUR 12.50, JPY 1200, BHD 1.250).
 *
 * <p>Operations that cannot lose precision (plus, minus, negate, split, allocate) take no rounding
 * mode; operations that can (times a decimal, percentage, cash rounding) make the caller name
 * one. Combining two currencies throws {@link CurrencyMismatchException}. Amounts whose magnitude
 * reaches {@link #MAX_ABS} are rejected, so every amount fits a {@code NUMERIC(22,4)} column and
 * a {@code long} of minor units. The bound is checked on precision and scale before a value is
 * rescaled, multiplied or printed ({@link DecimalBounds}), so {@code Money.of(EUR, "1e999999999")}
 * is refused at once with a short message instead of expanding a billion digits.
 *
 * <p>The exact entrances ({@link #of(CurrencyUnit, BigDecimal)}, {@link #of(CurrencyUnit, String)})
 * take an amount that needs at most the currency's decimals and write it at exactly that scale
 * (EUR 12.5 becomes 12.50, an equal number); an amount that needs more decimals is refused with
 * {@link ExcessScaleException}. The lossy entrance names its rounding:
 * {@link #of(CurrencyUnit, BigDecimal, RoundingMode)}. The canonical constructor changes nothing:
 * it refuses an amount whose scale is not exactly the currency's ({@link ScaleMismatchException}).
 *
 * <p>Immutable and thread-safe. Equality is by currency and amount (the scale is always the
 * currency's, so {@code equals} agrees with {@code compareTo}).
 *
 * @param amount the amount, at exactly the currency's default fraction digits
 * @param currency the ISO-4217 currency
 */
public record Money(BigDecimal amount, CurrencyUnit currency) implements Comparable<Money> {

    /** Exclusive bound on the magnitude of any amount: one quadrillion units. */
    public static final BigDecimal MAX_ABS = new BigDecimal("1000000000000000");

    /** Most integer digits of an amount: {@link #MAX_ABS} is 10^15. */
    private static final int MAX_INTEGER_DIGITS = 15;

    /**
     * Takes {@code amount} as it is.
     *
     * @throws ExcessScaleException if it needs more decimals than the currency has
     * @throws ScaleMismatchException if its scale is not exactly the currency's (use {@link #of(CurrencyUnit, BigDecimal)})
     * @throws AmountOutOfRangeException if its magnitude reaches {@link #MAX_ABS}
     */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int digits = currency.getDefaultFractionDigits();
        // bounds first, on precision and scale only: 1e999999999 must never be expanded
        if (DecimalBounds.integerDigits(amount) > MAX_INTEGER_DIGITS) {
            throw beyondRange(amount, currency);
        }
        if (amount.scale() != digits) {
            if (DecimalBounds.decimalsNeeded(amount) > digits) {
                throw excessScale(amount, currency);
            }
            String code = currency.getCurrencyCode();
            throw new ScaleMismatchException("amount " + DecimalBounds.quote(amount) + " " + code + " has scale "
                    + amount.scale() + "; a Money holds exactly the " + digits + " decimals of " + code
                    + " (Money.of writes an exact amount at that scale)", amount, code);
        }
        // at most 15 integer digits is |amount| < 10^15 = MAX_ABS: no comparison needed
    }

    private static AmountOutOfRangeException beyondRange(BigDecimal amount, CurrencyUnit currency) {
        return new AmountOutOfRangeException(DecimalBounds.quote(amount) + " " + currency.getCurrencyCode()
                + " is beyond the supported range (|amount| < " + MAX_ABS.toPlainString() + ")");
    }

    private static ExcessScaleException excessScale(BigDecimal amount, CurrencyUnit currency) {
        String code = currency.getCurrencyCode();
        int digits = currency.getDefaultFractionDigits();
        return new ExcessScaleException(DecimalBounds.quote(amount) + " " + code + " has more decimals than " + code
                + " allows (" + digits + "); round it explicitly", amount, code, digits);
    }

    /**
     * {@code amount} written at exactly the currency's scale, or refused: an exact value is never
     * rounded, and a zero of any scale ({@code 0e-999999999}) is the currency's zero.
     */
    private static BigDecimal atCurrencyScale(BigDecimal amount, CurrencyUnit currency) {
        int digits = currency.getDefaultFractionDigits();
        if (amount.scale() == digits) {
            return amount;
        }
        if (DecimalBounds.integerDigits(amount) > MAX_INTEGER_DIGITS) {
            throw beyondRange(amount, currency);
        }
        if (amount.signum() == 0) {
            return BigDecimal.ZERO.setScale(digits);
        }
        if (DecimalBounds.decimalsNeeded(amount) > digits) {
            throw excessScale(amount, currency);
        }
        return amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    /**
     * The exact amount {@code amount}, written with the currency's decimals: {@code of(EUR, 12.5)}
     * is EUR 12.50, an equal number.
     *
     * @throws ExcessScaleException if it needs more decimals than the currency has ({@code 12.345} EUR)
     * @throws AmountOutOfRangeException if its magnitude reaches {@link #MAX_ABS}
     */
    public static Money of(CurrencyUnit currency, BigDecimal amount) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
        return new Money(atCurrencyScale(amount, currency), currency);
    }

    /**
     * Exact amount from a decimal string such as {@code "12.50"}; texts longer than
     * {@link DecimalBounds#MAX_TEXT_LENGTH} are refused unread.
     *
     * @throws ExcessScaleException if it needs more decimals than the currency has
     * @throws AmountOutOfRangeException if it is not a decimal number or out of range
     */
    public static Money of(CurrencyUnit currency, String amount) {
        Objects.requireNonNull(amount, "amount");
        return of(currency, DecimalBounds.parse("amount", amount));
    }

    /** Exact amount from an ISO code and a decimal string: {@code Money.of("EUR", "12.50")}. */
    public static Money of(String currencyCode, String amount) {
        return of(Currencies.of(currencyCode), amount);
    }

    /**
     * The amount rounded to the currency's minor units with {@code rounding}: the lossy entrance.
     *
     * @throws ArithmeticException if {@code rounding} is {@link RoundingMode#UNNECESSARY} and rounding is needed
     */
    public static Money of(CurrencyUnit currency, BigDecimal amount, RoundingMode rounding) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(rounding, "rounding");
        return new Money(rounded(amount, currency, rounding), currency);
    }

    /**
     * {@code amount} at the currency's scale, bounded before rounding: a magnitude beyond the range
     * is refused without expanding it, and a magnitude below a hundredth of a minor unit is rounded
     * as a stand-in of the same sign at that size (every rounding mode treats both alike).
     */
    private static BigDecimal rounded(BigDecimal amount, CurrencyUnit currency, RoundingMode rounding) {
        int digits = currency.getDefaultFractionDigits();
        if (DecimalBounds.integerDigits(amount) > MAX_INTEGER_DIGITS) {
            throw beyondRange(amount, currency);
        }
        BigDecimal bounded = amount.signum() != 0 && DecimalBounds.integerDigits(amount) < -(digits + 1)
                ? BigDecimal.valueOf(amount.signum(), digits + 2) : amount;
        return bounded.setScale(digits, rounding);
    }

    /** An amount given in minor units: {@code ofMinor(EUR, 1250)} is EUR 12.50. */
    public static Money ofMinor(CurrencyUnit currency, long minorUnits) {
        return new Money(BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits()), currency);
    }

    /** Zero in the currency. */
    public static Money zero(CurrencyUnit currency) {
        Objects.requireNonNull(currency, "currency");
        return new Money(BigDecimal.ZERO.setScale(currency.getDefaultFractionDigits()), currency);
    }

    /**
     * Converts a JSR 354 amount at the API edge; it must be exact at the currency's minor units.
     *
     * @throws AmountOutOfRangeException if its number is not a finite decimal (NaN, infinity, a
     *     value its implementation cannot convert exactly), has more decimals than the currency,
     *     or is out of range
     * @throws UnknownCurrencyException if its currency is not an ISO-4217 currency
     */
    public static Money from(MonetaryAmount amount) {
        Objects.requireNonNull(amount, "amount");
        CurrencyUnit currency = Currencies.of(amount.getCurrency().getCurrencyCode());
        BigDecimal exact;
        try {
            exact = amount.getNumber().numberValueExact(BigDecimal.class);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new AmountOutOfRangeException("the " + currency.getCurrencyCode() + " amount "
                    + shortened(String.valueOf(amount.getNumber()), 40) + " is not an exact decimal number: "
                    + shortened(String.valueOf(e.getMessage()), 120));
        }
        return of(currency, exact);
    }

    private static String shortened(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }

    /**
     * This amount as a JSR 354 {@code MonetaryAmount}, for hosts that work with JSR 354 types: a moneta
     * {@code FastMoney} (exact up to 5 decimals and below 92 trillion, so for every amount at a
     * currency's minor units in that range), else a moneta {@code Money}. {@code FastMoney} first
     * because initializing moneta's {@code Money} class prints an INFO line ("Using custom
     * MathContext") through java.util.logging, which reaches the host's console by default.
     */
    public MonetaryAmount toMonetaryAmount() {
        if (amount.scale() <= FAST_MONEY_SCALE && amount.abs().compareTo(FAST_MONEY_MAX_ABS) < 0) {
            return org.javamoney.moneta.FastMoney.of(amount, currency);
        }
        return org.javamoney.moneta.Money.of(amount, currency);
    }

    private static final int FAST_MONEY_SCALE = 5;
    /** {@code Long.MAX_VALUE} units of 10^-5, rounded down to whole units. */
    private static final BigDecimal FAST_MONEY_MAX_ABS = new BigDecimal("92233720368547");

    /** The ISO-4217 code, e.g. {@code "EUR"}. */
    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /** The amount in minor units (cents for EUR). Exact, since |amount| is bounded. */
    public long toMinor() {
        return amount.unscaledValue().longValueExact();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money abs() {
        return amount.signum() < 0 ? negate() : this;
    }

    /** Multiplies by an integer; exact. */
    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /** Multiplies by a decimal (a quantity, a rate) and rounds the result to the minor unit. */
    public Money times(BigDecimal factor, RoundingMode rounding) {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(rounding, "rounding");
        return new Money(rounded(amount.multiply(factor), currency, rounding), currency);
    }

    /** Divides by a positive or negative decimal and rounds the result to the minor unit. */
    public Money dividedBy(BigDecimal divisor, RoundingMode rounding) {
        Objects.requireNonNull(divisor, "divisor");
        Objects.requireNonNull(rounding, "rounding");
        if (divisor.signum() == 0) {
            throw new AmountOutOfRangeException("cannot divide " + this + " by zero");
        }
        DecimalBounds.requireQuantity("divisor", divisor);
        return new Money(amount.divide(divisor, scale(), rounding), currency);
    }

    /** {@code percent} per cent of this amount ({@code 19} means 19 %), rounded to the minor unit. */
    public Money percentage(BigDecimal percent, RoundingMode rounding) {
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(rounding, "rounding");
        return new Money(rounded(amount.multiply(percent).scaleByPowerOfTen(-2), currency, rounding), currency);
    }

    /**
     * Rounds to a cash increment such as CHF 0.05 or SEK 1.00. The increment must be positive and
     * a whole number of minor units.
     */
    public Money roundToIncrement(BigDecimal increment, RoundingMode rounding) {
        Objects.requireNonNull(increment, "increment");
        Objects.requireNonNull(rounding, "rounding");
        if (increment.signum() <= 0 || DecimalBounds.integerDigits(increment) > MAX_INTEGER_DIGITS
                || DecimalBounds.decimalsNeeded(increment) > scale()) {
            throw new AmountOutOfRangeException("cash rounding increment " + DecimalBounds.quote(increment)
                    + " must be positive and a whole number of " + currencyCode() + " minor units");
        }
        BigDecimal steps = amount.divide(increment, 0, rounding);
        return of(currency, steps.multiply(increment));
    }

    /**
     * Splits this amount into {@code parts} equal parts: they differ by at most one minor unit and
     * sum exactly to this amount; larger parts come first. (To split by weights, use
     * {@link #allocate(long...)}: {@code allocate(3)} is one part of weight 3, the whole amount.)
     */
    public List<Money> split(int parts) {
        if (parts <= 0) {
            throw new AmountOutOfRangeException("cannot split " + this + " into " + parts + " parts");
        }
        long[] ratios = new long[parts];
        Arrays.fill(ratios, 1L);
        return allocate(ratios);
    }

    /**
     * Splits by non-negative integer ratios (weights), one part per ratio; see
     * {@link #allocate(BigDecimal...)}. For {@code n} equal parts use {@link #split(int)}.
     */
    public List<Money> allocate(long... ratios) {
        Objects.requireNonNull(ratios, "ratios");
        BigDecimal[] decimals = new BigDecimal[ratios.length];
        for (int i = 0; i < ratios.length; i++) {
            decimals[i] = BigDecimal.valueOf(ratios[i]);
        }
        return allocate(decimals);
    }

    /**
     * Splits this amount in proportion to non-negative ratios (at least one positive) so that the
     * parts sum exactly to this amount. Each part gets the floor of its exact share in minor
     * units; the minor units left over go one each to the parts with the largest remainders, ties
     * to the earlier part (largest-remainder method: deterministic, never loses or invents a unit).
     * A negative amount is split like its absolute value and negated.
     */
    public List<Money> allocate(BigDecimal... ratios) {
        Objects.requireNonNull(ratios, "ratios");
        if (ratios.length == 0) {
            throw new AmountOutOfRangeException("cannot allocate " + this + " over no ratios");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal ratio : ratios) {
            Objects.requireNonNull(ratio, "ratio");
            DecimalBounds.requireQuantity("allocation ratio", ratio);
            if (ratio.signum() < 0) {
                throw new AmountOutOfRangeException("allocation ratio " + ratio.toPlainString() + " is negative");
            }
            total = total.add(ratio);
        }
        if (total.signum() == 0) {
            throw new AmountOutOfRangeException("cannot allocate " + this + ": all ratios are zero");
        }
        BigInteger units = amount.unscaledValue().abs();
        int n = ratios.length;
        BigInteger[] shares = new BigInteger[n];
        BigDecimal[] remainders = new BigDecimal[n];
        BigInteger assigned = BigInteger.ZERO;
        BigDecimal unitsDecimal = new BigDecimal(units);
        for (int i = 0; i < n; i++) {
            // exact share = units * ratio / total; compare remainders as (units*ratio) mod total
            BigDecimal numerator = unitsDecimal.multiply(ratios[i]);
            BigDecimal[] qr = numerator.divideAndRemainder(total);
            shares[i] = qr[0].toBigIntegerExact();
            remainders[i] = qr[1];
            assigned = assigned.add(shares[i]);
        }
        int leftover = units.subtract(assigned).intValueExact();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = remainders[b].compareTo(remainders[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int k = 0; k < leftover; k++) {
            int i = order[k];
            shares[i] = shares[i].add(BigInteger.ONE);
        }
        int scale = scale();
        boolean negative = amount.signum() < 0;
        Money[] parts = new Money[n];
        for (int i = 0; i < n; i++) {
            BigInteger share = negative ? shares[i].negate() : shares[i];
            parts[i] = new Money(new BigDecimal(share, scale), currency);
        }
        return List.of(parts);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public int signum() {
        return amount.signum();
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** Orders amounts of the same currency; throws {@link CurrencyMismatchException} otherwise. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /** Throws {@link CurrencyMismatchException} unless {@code other} is in this currency. */
    public void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (other.currency != currency && !other.currency.getCurrencyCode().equals(currency.getCurrencyCode())) {
            throw new CurrencyMismatchException(currencyCode(), other.currencyCode());
        }
    }

    private int scale() {
        return currency.getDefaultFractionDigits();
    }

    /** {@code "EUR 12.50"}. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
