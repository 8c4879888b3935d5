package dev.billops.core.tax;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.money.Currencies;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * How a tenant's new documents are taxed: where tax is rounded, whether prices include tax, and
 * the cash rounding increment of the payable amount per currency (e.g. CHF 0.05). Issued
 * documents keep the settings they were issued with.
 *
 * @param rounding {@link TaxRoundingPolicy#PER_GROUP} (EN 16931, the default) or PER_LINE
 * @param priceBasis NET (the default) or GROSS (tax-inclusive prices)
 * @param cashIncrements cash rounding increment by ISO currency code; a currency not listed has none
 */
public record TaxPolicy(TaxRoundingPolicy rounding, PriceBasis priceBasis, Map<String, BigDecimal> cashIncrements) {

    public TaxPolicy {
        Objects.requireNonNull(rounding, "rounding");
        Objects.requireNonNull(priceBasis, "priceBasis");
        cashIncrements = Map.copyOf(Objects.requireNonNull(cashIncrements, "cashIncrements"));
        for (Map.Entry<String, BigDecimal> e : cashIncrements.entrySet()) {
            CurrencyUnit currency = Currencies.of(e.getKey());
            BigDecimal increment = e.getValue();
            if (increment.signum() <= 0
                    || increment.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
                throw new InvalidInputException("cash rounding increment " + increment.toPlainString() + " for "
                        + e.getKey() + " must be positive and a whole number of minor units");
            }
        }
    }

    /** Per-group rounding, net prices, no cash rounding. */
    public static TaxPolicy defaults() {
        return new TaxPolicy(TaxRoundingPolicy.PER_GROUP, PriceBasis.NET, Map.of());
    }

    /** The cash rounding increment of {@code currency}, or null if payable amounts are not cash-rounded. */
    public @Nullable BigDecimal cashIncrementFor(CurrencyUnit currency) {
        return cashIncrements.get(currency.getCurrencyCode());
    }

    public TaxPolicy withRounding(TaxRoundingPolicy rounding) {
        return new TaxPolicy(rounding, priceBasis, cashIncrements);
    }

    public TaxPolicy withPriceBasis(PriceBasis priceBasis) {
        return new TaxPolicy(rounding, priceBasis, cashIncrements);
    }

    /** This policy with payable amounts in {@code currencyCode} rounded to {@code increment}. */
    public TaxPolicy withCashIncrement(String currencyCode, BigDecimal increment) {
        Map<String, BigDecimal> next = new HashMap<>(cashIncrements);
        next.put(Objects.requireNonNull(currencyCode, "currencyCode"), Objects.requireNonNull(increment, "increment"));
        return new TaxPolicy(rounding, priceBasis, next);
    }
}
