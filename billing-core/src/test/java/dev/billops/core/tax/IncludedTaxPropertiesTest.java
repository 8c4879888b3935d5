package dev.billops.core.tax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.math.BigDecimal;
import java.math.RoundingMode;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/**
 * How tax-inclusive amounts are split into net and tax ({@code billing-core/doc/tax-rounding.md}
 * has the reasoning): the split found is the one that satisfies BR-CO-17 whenever one exists, and
 * otherwise one minor unit off it.
 */
class IncludedTaxPropertiesTest {

    private static final Gen<CurrencyUnit> CURRENCIES = Gen.oneOf("EUR", "JPY", "BHD", "CHF").map(Currencies::of);

    private static final Gen<BigDecimal> RATES = Gen.frequency(
            Gen.weighted(2, Gen.oneOf("19", "7", "20", "5.5", "8.1", "2.6", "25", "77.7").map(BigDecimal::new)),
            Gen.weighted(1, Gen.bigDecimals(new BigDecimal("0.001"), new BigDecimal("98.999"), 3)));

    private static final Gen<Long> MINOR = Gen.frequency(
            Gen.weighted(3, Gen.longs(-100_000L, 100_000L)), Gen.weighted(1, Gen.longs(-1_000_000_000_000L,
                    1_000_000_000_000L)));

    @Test
    void includedTaxOf_grossOfSomeNetAndItsTax_isThatTax() {
        Property.forAll(CURRENCIES, MINOR, RATES).tries(2_000).verify((currency, minor, rate) -> {
            Money net = Money.ofMinor(currency, minor);
            Money tax = TaxCalculator.taxOf(net, rate);
            Money gross = net.plus(tax);
            assertEquals(tax, TaxCalculator.includedTaxOf(gross, rate), () -> gross + " at " + rate + " % from " + net);
        });
    }

    @Test
    void includedTaxOf_anyGross_withinOneUnitOfBrCo17() {
        Property.forAll(CURRENCIES, MINOR, RATES).tries(2_000).verify((currency, minor, rate) -> {
            Money gross = Money.ofMinor(currency, minor);
            Money tax = TaxCalculator.includedTaxOf(gross, rate);
            Money brCo17 = TaxCalculator.taxOf(gross.minus(tax), rate);
            assertTrue(Math.abs(brCo17.toMinor() - tax.toMinor()) <= 1, () -> gross + " at " + rate + " %: tax " + tax
                    + ", but its net gives " + brCo17);
        });
    }

    @Test
    void includedTaxOf_grossNoNetReaches_oneUnitOffBrCo17() {
        Money gross = Money.of("EUR", "5.98");
        BigDecimal rate = BigDecimal.valueOf(19);
        for (long cents = 400; cents < 600; cents++) {
            Money net = Money.ofMinor(gross.currency(), cents);
            assertNotEquals(gross, net.plus(TaxCalculator.taxOf(net, rate)), "5.02 + 0.95 = 5.97, 5.03 + 0.96 = 5.99");
        }
        Money tax = TaxCalculator.includedTaxOf(gross, rate);
        assertEquals(Money.of("EUR", "0.95"), tax);
        assertEquals(Money.of("EUR", "0.96"), TaxCalculator.taxOf(gross.minus(tax), rate));
    }

    @Test
    void taxOf_perLineSums_withinHalfAUnitPerAmountOfTheGroupTax() {
        // the per-line policy's deviation from BR-CO-17: at most half a minor unit per amount
        Property.forAll(CURRENCIES, Gen.listOf(MINOR, 1, 300), RATES).tries(300).verify((currency, minors, rate) -> {
            Money sum = Money.zero(currency);
            Money perLine = Money.zero(currency);
            for (long minor : minors) {
                Money net = Money.ofMinor(currency, minor);
                sum = sum.plus(net);
                perLine = perLine.plus(TaxCalculator.taxOf(net, rate));
            }
            BigDecimal exact = sum.amount().multiply(rate).movePointLeft(2);
            BigDecimal bound = BigDecimal.valueOf(minors.size()).movePointLeft(currency.getDefaultFractionDigits())
                    .divide(BigDecimal.valueOf(2), 6, RoundingMode.UNNECESSARY);
            assertTrue(exact.subtract(perLine.amount()).abs().compareTo(bound) <= 0, perLine + " vs " + exact);
        });
    }
}
