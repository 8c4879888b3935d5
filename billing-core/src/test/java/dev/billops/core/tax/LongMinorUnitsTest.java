package dev.billops.core.tax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The long-arithmetic path of {@link TaxCalculator} gives the BigDecimal rule's results wherever it applies. */
class LongMinorUnitsTest {

    /** Currency scales in use: JPY, EUR, BHD. */
    private static final Gen<Integer> SCALES = Gen.oneOf(0, 2, 3);

    /** Rates as VAT uses them, and any positive rate below 100 % with up to 6 decimals. */
    private static final Gen<BigDecimal> RATES = Gen.frequency(
            Gen.weighted(2, Gen.oneOf("19", "7", "20", "5.5", "8.1", "2.6", "25", "99.999999").map(BigDecimal::new)),
            Gen.weighted(3, Gen.zip(Gen.longs(1, 99_999_999L), Gen.ints(0, 6), BigDecimal::valueOf)
                    .filter(r -> r.compareTo(BigDecimal.valueOf(100)) < 0)));

    /** Unscaled amounts, small and near the 18 digits the path allows, positive and negative. */
    private static final Gen<Long> UNSCALED = Gen.frequency(
            Gen.weighted(3, Gen.longs(-1_000_000L, 1_000_000L)),
            Gen.weighted(2, Gen.longs(-999_999_999_999L, 999_999_999_999L)),
            Gen.weighted(1, Gen.longs(-99_999_999_999_999L, 99_999_999_999_999L)));

    record Input(BigDecimal amount, BigDecimal rate, int scale) {
    }

    private static final Gen<Input> FITTING = Gen.zip(UNSCALED, RATES, SCALES,
            (a, r, s) -> new Input(BigDecimal.valueOf(a, s), r, s))
            .filter(in -> in.amount().signum() != 0 && LongMinorUnits.fits(in.amount(), in.rate(), in.scale()));

    @Test
    void includedTax_anyFittingGrossAndRate_equalsTheRule() {
        Property.forAll(FITTING).tries(2_000).verify(in -> assertEquals(
                TaxCalculator.exactIncludedTax(in.amount(), in.rate(), in.scale()),
                LongMinorUnits.includedTax(in.amount(), in.rate(), in.scale()), in::toString));
    }

    @Test
    void includedTax_halfwayCases_roundAwayFromZeroLikeTheRule() {
        // 2.38 at 19 %: 0.38 exactly; 0.595 at 19 % (scale 3 amount 595, rate 19): 0.095 exactly
        for (String gross : List.of("119.00", "-119.00", "2.38", "0.05", "-0.05", "1.19")) {
            BigDecimal g = new BigDecimal(gross);
            for (String rate : List.of("19", "19.0", "7", "5.5", "100.0")) {
                BigDecimal r = new BigDecimal(rate);
                assertTrue(LongMinorUnits.fits(g, r, 2));
                assertEquals(TaxCalculator.exactIncludedTax(g, r, 2), LongMinorUnits.includedTax(g, r, 2),
                        gross + " at " + rate);
            }
        }
    }

    @Test
    void residualKeys_anyGroup_equalTheRuleScaledToUnitsOfRateAndCurrency() {
        Gen<List<Long>> amounts = Gen.booleans().flatMap(anySize -> Gen.listOf(
                anySize ? UNSCALED : Gen.longs(-1_000_000_000L, 1_000_000_000L), 1, 40));
        AtomicInteger compared = new AtomicInteger();
        Property.forAll(amounts, RATES, SCALES).tries(500).verify((unscaled, rate, scale) -> {
            int n = unscaled.size();
            BigDecimal[] gross = new BigDecimal[n];
            BigDecimal[] nets = new BigDecimal[n];
            int[] members = new int[n];
            for (int i = 0; i < n; i++) {
                gross[i] = BigDecimal.valueOf(unscaled.get(i), scale);
                // a net as the calculator has it: the gross less its rounded included tax, give or take a unit
                nets[i] = gross[i].subtract(TaxCalculator.exactIncludedTax(gross[i], rate, scale))
                        .add(BigDecimal.valueOf(i % 3 - 1, scale));
                members[i] = i;
            }
            long[] fast = LongMinorUnits.residualKeys(rate, members, gross, nets, scale);
            BigDecimal hundred = BigDecimal.valueOf(100).movePointRight(rate.scale());
            BigDecimal divisor = hundred.add(rate.movePointRight(rate.scale()));
            boolean overflows = false;
            for (int i = 0; i < n; i++) {
                overflows |= gross[i].unscaledValue().multiply(hundred.toBigIntegerExact()).bitLength() > 63
                        || nets[i].unscaledValue().multiply(divisor.toBigIntegerExact()).bitLength() > 63;
            }
            if (overflows) {
                assertNull(fast, "a product needs more than a long");
                return;
            }
            assertNotNull(fast, "every product fits a long");
            BigDecimal[] exact = TaxCalculator.residualKeys(rate, members, gross, nets);
            long[] expected = new long[n];
            for (int i = 0; i < n; i++) {
                expected[i] = exact[i].movePointRight(scale + rate.scale()).longValueExact();
            }
            assertArrayEquals(expected, fast);
            compared.incrementAndGet();
        });
        assertTrue(compared.get() > 100, compared + " of 500 tries compared keys");
    }

    @Test
    void fits_amountOffTheCurrencyScaleOrTooManyDigits_false() {
        BigDecimal nineteen = BigDecimal.valueOf(19);
        assertFalse(LongMinorUnits.fits(new BigDecimal("1.5"), nineteen, 2), "not at the currency's scale");
        assertFalse(LongMinorUnits.fits(new BigDecimal("1234567890123456.78"), nineteen, 2), "18 + 2 digits");
        assertFalse(LongMinorUnits.fits(new BigDecimal("1.00"), new BigDecimal("19.1234567"), 2), "7 decimals");
        assertFalse(LongMinorUnits.fits(new BigDecimal("1.00"), new BigDecimal("2E+1"), 2), "negative rate scale");
        assertFalse(LongMinorUnits.fits(new BigDecimal("1.00"), BigDecimal.ZERO, 2), "zero rate");
        assertNull(LongMinorUnits.residualKeys(new BigDecimal("19.1234567"), new int[] {0},
                new BigDecimal[] {BigDecimal.ONE}, new BigDecimal[] {BigDecimal.ONE}, 0));
        assertTrue(LongMinorUnits.fits(new BigDecimal("123456789012345.67"), new BigDecimal("0.5"), 2),
                "17 + 1 digits");
    }
}
