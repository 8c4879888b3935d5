package dev.billops.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/** Invariants of {@link Money} and {@link UnitPrice}: allocation sums, plus/minus round trip, exact and lossy entrances. */
class MoneyPropertiesTest {

    private static final Gen<CurrencyUnit> CURRENCIES =
            Gen.oneOf("EUR", "USD", "JPY", "BHD", "CHF", "KWD", "CLP").map(Currencies::of);

    private static final Gen<Money> MONEY = CURRENCIES.flatMap(c -> Gen
            .longs(-1_000_000_000_000L, 1_000_000_000_000L)
            .map(minor -> Money.ofMinor(c, minor)));

    private static final Gen<List<Long>> RATIOS = Gen.listOf(Gen.longs(0, 1_000_000), 1, 20)
            .filter(list -> list.stream().mapToLong(Long::longValue).sum() > 0);

    @Test
    void split_anyAmountAnyParts_partsSumToAmountAndDifferByAtMostOneUnit() {
        Property.forAll(MONEY, Gen.ints(1, 500)).verify((amount, parts) -> {
            List<Money> split = amount.split(parts);
            assertEquals(parts, split.size());
            assertEquals(amount, split.stream().reduce(Money.zero(amount.currency()), Money::plus));
            long max = split.stream().mapToLong(Money::toMinor).max().orElseThrow();
            long min = split.stream().mapToLong(Money::toMinor).min().orElseThrow();
            assertTrue(max - min <= 1, () -> amount + " / " + parts + " gave parts from " + min + " to " + max);
        });
    }

    @Test
    void allocate_anyAmountAnyRatios_partsSumToAmountAndStayWithinOneUnitOfExactShare() {
        Property.forAll(MONEY, RATIOS).verify((amount, ratios) -> {
            long[] r = ratios.stream().mapToLong(Long::longValue).toArray();
            List<Money> split = amount.allocate(r);
            assertEquals(amount, split.stream().reduce(Money.zero(amount.currency()), Money::plus));
            long total = ratios.stream().mapToLong(Long::longValue).sum();
            for (int i = 0; i < r.length; i++) {
                BigDecimal exact = new BigDecimal(amount.toMinor()).multiply(BigDecimal.valueOf(r[i]))
                        .divide(BigDecimal.valueOf(total), MathContext.DECIMAL128);
                BigDecimal diff = exact.subtract(BigDecimal.valueOf(split.get(i).toMinor())).abs();
                assertTrue(diff.compareTo(BigDecimal.ONE) < 0,
                        "part " + i + " = " + split.get(i) + " is a unit or more from its exact share " + exact);
            }
        });
    }

    @Test
    void allocate_sameInput_sameOutput() {
        Property.forAll(MONEY, RATIOS).verify((amount, ratios) -> {
            long[] r = ratios.stream().mapToLong(Long::longValue).toArray();
            assertEquals(amount.allocate(r), amount.allocate(r));
        });
    }

    @Test
    void plusMinus_anyTwoAmounts_roundTrip() {
        Property.forAll(CURRENCIES.flatMap(c -> Gen.zip(Gen.longs(-100_000_000_000L, 100_000_000_000L),
                Gen.longs(-100_000_000_000L, 100_000_000_000L), (a, b) -> List.of(Money.ofMinor(c, a), Money.ofMinor(c, b)))))
                .verify(pair -> {
                    Money a = pair.get(0);
                    Money b = pair.get(1);
                    assertEquals(a, a.plus(b).minus(b));
                    assertEquals(a.plus(b), b.plus(a));
                    assertEquals(Money.zero(a.currency()), a.plus(a.negate()));
                });
    }

    @Test
    void times_anyFactor_equalsRoundedExactProduct() {
        Property.forAll(MONEY, Gen.bigDecimals(new BigDecimal("-1000"), new BigDecimal("1000"), 6),
                Gen.oneOf(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.CEILING))
                .verify((amount, factor, mode) -> {
                    BigDecimal exact = amount.amount().multiply(factor);
                    if (exact.abs().compareTo(new BigDecimal("999999999999999")) >= 0) {
                        return;
                    }
                    Money product = amount.times(factor, mode);
                    assertEquals(exact.setScale(amount.currency().getDefaultFractionDigits(), mode), product.amount());
                });
    }
    /**
     * Decimals of every scale from -2 to 10, with up to four trailing zeros in the unscaled value, so
     * that some need fewer decimals than their scale shows (12.500) and some more than a currency has.
     */
    private static final Gen<BigDecimal> DECIMALS = Gen.zip(Gen.longs(-100_000_000L, 100_000_000L),
            Gen.ints(0, 4), Gen.ints(-2, 10),
            (unscaled, zeros, scale) -> BigDecimal.valueOf(unscaled * (long) Math.pow(10, zeros), scale));

    @Test
    void of_anyDecimal_equalsItAtTheCurrencyScale_orRefusesExcessScale() {
        Property.forAll(CURRENCIES, DECIMALS).verify((currency, x) -> {
            int digits = currency.getDefaultFractionDigits();
            if (DecimalBounds.decimalsNeeded(x) > digits) {
                // the one refusal allowed: x needs more decimals than the currency has
                ExcessScaleException e = assertThrows(ExcessScaleException.class, () -> Money.of(currency, x));
                assertTrue(e.getMessage().contains(DecimalBounds.quote(x)), e.getMessage());
                assertEquals(x, e.amount());
                return;
            }
            Money m = Money.of(currency, x);
            assertEquals(0, m.amount().compareTo(x), () -> m + " differs from " + x);
            assertEquals(digits, m.amount().scale());
        });
    }

    @Test
    void of_withRounding_anyDecimal_isTheDecimalRoundedAsNamed() {
        Property.forAll(CURRENCIES, DECIMALS, Gen.oneOf(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN,
                RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.FLOOR)).verify((currency, x, mode) -> {
                    Money m = Money.of(currency, x, mode);
                    assertEquals(x.setScale(currency.getDefaultFractionDigits(), mode), m.amount());
                });
    }

    @Test
    void constructor_anyDecimal_keepsItExactly_orRefusesItsScale() {
        Property.forAll(CURRENCIES, DECIMALS).verify((currency, x) -> {
            if (x.scale() != currency.getDefaultFractionDigits()) {
                // refused, never rescaled: excess decimals or just another scale
                Class<? extends ScaleMismatchException> expected = DecimalBounds.decimalsNeeded(x)
                        > currency.getDefaultFractionDigits() ? ExcessScaleException.class
                        : ScaleMismatchException.class;
                ScaleMismatchException e = assertThrows(ScaleMismatchException.class, () -> new Money(x, currency));
                assertEquals(expected, e.getClass());
                assertTrue(e.getMessage().contains(currency.getCurrencyCode()), e.getMessage());
                return;
            }
            Money m = new Money(x, currency);
            assertEquals(x, m.amount());
            assertEquals(x.scale(), m.amount().scale());
        });
    }

    @Test
    void unitPriceOf_anyNonNegativeDecimal_equalsIt_orRefusesExcessScale() {
        Property.forAll(CURRENCIES, DECIMALS.map(BigDecimal::abs)).verify((currency, x) -> {
            if (DecimalBounds.decimalsNeeded(x) > UnitPrice.MAX_SCALE) {
                assertThrows(ExcessScaleException.class, () -> UnitPrice.of(currency, x));
                return;
            }
            UnitPrice p = UnitPrice.of(currency, x);
            assertEquals(0, p.amount().compareTo(x), () -> p + " differs from " + x);
            assertTrue(p.amount().scale() >= currency.getDefaultFractionDigits()
                    && p.amount().scale() <= UnitPrice.MAX_SCALE, () -> "scale of " + p);
        });
    }
}
