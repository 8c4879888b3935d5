package dev.billops.core.tax;

import dev.billops.core.money.Money;
import java.util.Objects;

/**
 * An amount that enters the tax calculation with its treatment: a line amount, or the signed
 * effect of a document-level allowance (an allowance of 10.00 is −10.00, a negative allowance of
 * −10.00 is +10.00) or charge on the net.
 *
 * @param amount the amount, already rounded to the currency
 * @param tax its tax treatment
 * @param charge for a document-level amount: whether it is a charge (counted in BT-108) rather
 *     than an allowance (BT-107), whatever its sign; ignored for lines
 */
public record TaxableAmount(Money amount, TaxTreatment tax, boolean charge) {

    public TaxableAmount {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(tax, "tax");
    }

    /**
     * A line amount, or a document-level amount whose sign tells its kind: negative an
     * allowance, otherwise a charge.
     */
    public TaxableAmount(Money amount, TaxTreatment tax) {
        this(amount, tax, !Objects.requireNonNull(amount, "amount").isNegative());
    }
}
