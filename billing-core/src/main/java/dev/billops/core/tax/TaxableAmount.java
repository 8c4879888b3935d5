package dev.billops.core.tax;

import dev.billops.core.money.Money;
import java.util.Objects;

/**
 * An amount that enters the tax calculation with its treatment: a line amount, or a signed
 * document-level allowance (negative) or charge (positive).
 *
 * @param amount the amount, already rounded to the currency
 * @param tax its tax treatment
 */
public record TaxableAmount(Money amount, TaxTreatment tax) {

    public TaxableAmount {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(tax, "tax");
    }
}
