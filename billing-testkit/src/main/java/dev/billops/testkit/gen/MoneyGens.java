package dev.billops.testkit.gen;

import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.testkit.property.Gen;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import javax.money.CurrencyUnit;

/**
 * Generators of money values in currencies with 0 to 4 minor-unit digits: EUR, USD, GBP, CHF,
 * SEK (2), JPY, KRW (0), BHD, KWD, TND (3) and CLF (4), so that code that assumes two decimals
 * fails. Amounts are exact at the currency's scale, span cents to the supported maximum, and
 * shrink toward zero; currencies shrink toward EUR.
 *
 * <p>All generators are stateless and thread-safe.
 */
public final class MoneyGens {

    /** The currencies drawn by {@link #currencies()}, most common first. */
    public static final List<String> CURRENCY_CODES =
            List.of("EUR", "USD", "GBP", "CHF", "SEK", "JPY", "KRW", "BHD", "KWD", "TND", "CLF");

    /** Largest magnitude {@link #money(CurrencyUnit)} draws by default: well inside {@link Money#MAX_ABS}. */
    public static final BigDecimal DEFAULT_MAX = new BigDecimal("1000000000");

    private MoneyGens() {
    }

    /** Any of {@link #CURRENCY_CODES}; shrinks toward EUR. */
    public static Gen<CurrencyUnit> currencies() {
        return Gen.oneOf(CURRENCY_CODES).map(Currencies::of);
    }

    /** Amounts of any currency in {@code (-DEFAULT_MAX, DEFAULT_MAX)}, one in ten at an edge (0, ±1, the bounds). */
    public static Gen<Money> money() {
        return currencies().flatMap(MoneyGens::money);
    }

    /** Amounts of {@code currency} in {@code [-DEFAULT_MAX, DEFAULT_MAX]}. */
    public static Gen<Money> money(CurrencyUnit currency) {
        return money(currency, DEFAULT_MAX.negate(), DEFAULT_MAX);
    }

    /**
     * Amounts of {@code currency} in {@code [min, max]}, exact at its minor units; most are small
     * (up to a few thousand), some use the full range.
     *
     * @throws IllegalArgumentException if no amount of that currency lies in the range
     */
    public static Gen<Money> money(CurrencyUnit currency, BigDecimal min, BigDecimal max) {
        Objects.requireNonNull(currency, "currency");
        int digits = currency.getDefaultFractionDigits();
        BigDecimal smallMax = max.min(new BigDecimal("10000"));
        BigDecimal smallMin = min.max(new BigDecimal("-10000"));
        Gen<BigDecimal> full = Gen.bigDecimals(min, max, digits);
        Gen<BigDecimal> amounts = smallMin.compareTo(smallMax) <= 0
                ? Gen.frequency(Gen.weighted(3, Gen.bigDecimals(smallMin, smallMax, digits)), Gen.weighted(1, full))
                : full;
        return amounts.map(amount -> Money.of(currency, amount));
    }

    /** Strictly positive amounts of {@code currency}, at least one minor unit. */
    public static Gen<Money> positiveMoney(CurrencyUnit currency) {
        return money(currency, BigDecimal.ONE.movePointLeft(currency.getDefaultFractionDigits()), DEFAULT_MAX);
    }

    /** Strictly positive amounts of any currency. */
    public static Gen<Money> positiveMoney() {
        return currencies().flatMap(MoneyGens::positiveMoney);
    }

    /** Zero or positive amounts of {@code currency}. */
    public static Gen<Money> nonNegativeMoney(CurrencyUnit currency) {
        return money(currency, BigDecimal.ZERO, DEFAULT_MAX);
    }

    /** Unit prices of any currency. */
    public static Gen<UnitPrice> unitPrices() {
        return currencies().flatMap(MoneyGens::unitPrices);
    }

    /**
     * Unit prices of {@code currency}: from the currency's own scale up to
     * {@value UnitPrice#MAX_SCALE} decimals (e.g. EUR 87.33333333 from a day rate), zero
     * included, up to a million per unit.
     */
    public static Gen<UnitPrice> unitPrices(CurrencyUnit currency) {
        Objects.requireNonNull(currency, "currency");
        int digits = currency.getDefaultFractionDigits();
        BigDecimal max = new BigDecimal("1000000");
        return Gen.ints(digits, UnitPrice.MAX_SCALE)
                .flatMap(scale -> Gen.bigDecimals(BigDecimal.ZERO, max, scale))
                .map(amount -> UnitPrice.of(currency, amount));
    }

    /**
     * Non-negative integer ratios for {@link Money#allocate(long...)}: one to twenty of them, at
     * least one positive, often with zeros and repeated values.
     */
    public static Gen<long[]> ratios() {
        Gen<Long> ratio = Gen.frequency(Gen.weighted(2, Gen.constant(0L)), Gen.weighted(5, Gen.longs(1, 10)),
                Gen.weighted(3, Gen.longs(1, 1_000_000)));
        return Gen.listOf(ratio, 1, 20)
                .filter(list -> list.stream().anyMatch(r -> r > 0))
                .map(list -> list.stream().mapToLong(Long::longValue).toArray());
    }

    /** Positive decimal ratios with up to four decimals, e.g. the day shares of a prorated period. */
    public static Gen<List<BigDecimal>> decimalRatios() {
        return Gen.listOf(Gen.ints(0, 4).flatMap(scale -> Gen.bigDecimals(BigDecimal.ONE.movePointLeft(scale),
                new BigDecimal("1000"), scale)), 1, 20);
    }

    /**
     * VAT rates in per cent as used in Europe (19, 7, 20, 21, 5.5, 8.1, 2.6, 25, 27, 0) plus any
     * rate with up to two decimals below 100; shrinks toward 19.
     */
    public static Gen<BigDecimal> vatRates() {
        Gen<BigDecimal> common = Gen.oneOf("19", "7", "20", "21", "5.5", "8.1", "2.6", "25", "27", "0")
                .map(BigDecimal::new);
        Gen<BigDecimal> any = Gen.ints(0, 2).flatMap(scale -> Gen.bigDecimals(BigDecimal.ZERO,
                new BigDecimal("99.99"), scale));
        return Gen.frequency(Gen.weighted(4, common), Gen.weighted(1, any));
    }

    /** Positive VAT rates (for category S): like {@link #vatRates()} without zero. */
    public static Gen<BigDecimal> positiveVatRates() {
        return vatRates().filter(rate -> rate.signum() > 0);
    }

    /** Quantities as invoice lines have them: hours with up to four decimals, from 0.0001 to 10,000. */
    public static Gen<BigDecimal> quantities() {
        return Gen.ints(0, 4).flatMap(scale -> Gen.bigDecimals(BigDecimal.ONE.movePointLeft(scale),
                new BigDecimal("10000"), scale));
    }
}
