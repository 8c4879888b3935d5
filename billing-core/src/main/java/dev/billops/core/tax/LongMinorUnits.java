package dev.billops.core.tax;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The two divisions of {@link TaxCalculator} that run once per amount under gross prices, done in
 * {@code long} minor units instead of {@link BigDecimal}: the tax included in a gross amount, and
 * the residual keys by which a group's rounding remainder is spread over its amounts.
 *
 * <p>Applies when an amount is at the currency's scale and a positive rate has at most 6
 * decimals and 9 digits, with at most 18 digits of amount and rate together, so that no product
 * overflows; otherwise the calculator computes the rule in {@code BigDecimal}. Where it applies
 * it gives the rule's results exactly, to the last unit and tie (its property test compares both
 * on random input).
 */
final class LongMinorUnits {

    /** 100 with 0 to 6 decimals, unscaled: the 100 of 100 + rate in the rate's scale. */
    private static final long[] HUNDRED_UNSCALED = {100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L};

    private LongMinorUnits() {
    }

    /** Whether {@code amount} at the currency's {@code scale} and {@code rate} can be computed here. */
    static boolean fits(BigDecimal amount, BigDecimal rate, int scale) {
        return amount.scale() == scale && fitsRate(rate) && amount.precision() + rate.precision() <= 18;
    }

    /** Whether a rate can be computed here: positive, at most 6 decimals and 9 digits. */
    static boolean fitsRate(BigDecimal rate) {
        return rate.signum() > 0 && rate.scale() >= 0 && rate.scale() < HUNDRED_UNSCALED.length
                && rate.precision() <= 9;
    }

    /**
     * gross × rate / (100 + rate), rounded half up to the currency's {@code scale}, as
     * {@link TaxCalculator#exactIncludedTax}; only where {@link #fits} holds.
     */
    static BigDecimal includedTax(BigDecimal gross, BigDecimal rate, int scale) {
        long a = unscaled(gross);
        long r = unscaled(rate);
        long d = HUNDRED_UNSCALED[rate.scale()] + r;
        long num = a * r;
        long q = num / d;
        if (Math.abs(num % d) * 2 >= d) {
            q += Long.signum(num);
        }
        return BigDecimal.valueOf(q, scale);
    }

    /**
     * {@link TaxCalculator#residualKeys} times 10^(scale + rate's scale), as longs; null when the
     * rate or an amount or net does not fit, or a product overflows.
     */
    static long @Nullable [] residualKeys(BigDecimal rate, int[] members, BigDecimal[] amounts, BigDecimal[] nets,
            int scale) {
        if (!fitsRate(rate)) {
            return null;
        }
        long hundred = HUNDRED_UNSCALED[rate.scale()];
        long divisor = hundred + unscaled(rate);
        long[] keys = new long[members.length];
        try {
            for (int m = 0; m < members.length; m++) {
                BigDecimal a = amounts[members[m]];
                BigDecimal n = nets[members[m]];
                if (a.scale() != scale || n.scale() != scale || a.precision() > 18 || n.precision() > 18) {
                    return null;
                }
                keys[m] = Math.subtractExact(Math.multiplyExact(unscaled(a), hundred),
                        Math.multiplyExact(unscaled(n), divisor));
            }
        } catch (ArithmeticException overflow) {
            return null;
        }
        return keys;
    }

    /** 100 in the scale of a rate that {@link #fitsRate fits}, unscaled: the 100 of 100 + rate. */
    static long hundredUnscaled(BigDecimal rate) {
        return HUNDRED_UNSCALED[rate.scale()];
    }

    /** The unscaled value of a decimal of at most 18 digits, without a BigInteger. */
    static long unscaled(BigDecimal x) {
        return x.scaleByPowerOfTen(x.scale()).longValueExact();
    }
}
