package dev.billops.core.internal.invoice;

import dev.billops.core.money.UnitPrice;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.tax.VatGroup;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What billed work must agree on to share an invoice line: its price, the unit the price is per
 * and its tax treatment. Equal when all three are (prices compared by value, so 100 and 100.00
 * are one tariff). Immutable; the hash (of currency, unit and tax, not of the amount) is computed
 * once, since generation looks tariffs up per time entry.
 */
public final class Tariff {

    private final UnitPrice price;
    private final RateUnit unit;
    private final TaxTreatment tax;
    private final int hash;

    private Tariff(UnitPrice price, RateUnit unit, TaxTreatment tax) {
        this.price = Objects.requireNonNull(price, "price");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.tax = Objects.requireNonNull(tax, "tax");
        // the amount is left out: its value hash strips trailing zeros (a new BigDecimal), and the
        // tariffs of one generation are few, so tariffs differing in price only may share a hash
        this.hash = (price.currencyCode().hashCode() * 31 + unit.ordinal()) * 31 + tax.hashCode();
    }

    public static Tariff of(UnitPrice price, RateUnit unit, TaxTreatment tax) {
        return new Tariff(price, unit, tax);
    }

    public UnitPrice price() {
        return price;
    }

    public RateUnit unit() {
        return unit;
    }

    public TaxTreatment tax() {
        return tax;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Tariff t && hash == t.hash && unit == t.unit && price.equals(t.price) && tax.equals(t.tax);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** {@code "EUR 120.00/HOUR S/19"}. */
    @Override
    public String toString() {
        return price + "/" + unit + " " + VatGroup.of(tax);
    }
}
