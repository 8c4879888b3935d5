package dev.billops.core.invoice;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;
import dev.billops.core.money.DecimalBounds;
import dev.billops.core.money.Money;
import dev.billops.core.tax.TaxTreatment;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A discount (allowance) or surcharge (charge) on a line or on the whole document
 * (EN 16931 BG-20/BG-21 on documents, BG-27/BG-28 on lines).
 *
 * <p>Either an amount, or a percentage of a base amount; for a percentage the amount is
 * {@code base × percent / 100} rounded half-up to the currency, and is what this record holds.
 *
 * @param charge true for a charge, false for an allowance
 * @param amount the (positive) amount
 * @param percent the percentage it was computed from, or null
 * @param baseAmount the base the percentage applies to, or null
 * @param reason why, printed on the invoice
 * @param tax the tax treatment of a document-level allowance/charge; null on line level
 */
public record AllowanceCharge(
        boolean charge,
        Money amount,
        @Nullable BigDecimal percent,
        @Nullable Money baseAmount,
        String reason,
        @Nullable TaxTreatment tax) {

    public AllowanceCharge {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        Text.require("allowance/charge reason", reason, 4000);
        if (percent != null) {
            percent = DecimalBounds.requireQuantity("allowance/charge percentage", percent);
        }
        if (amount.isNegative()) {
            throw new InvalidInputException((charge ? "charge " : "allowance ") + amount + " is negative");
        }
        if ((percent == null) != (baseAmount == null)) {
            throw new InvalidInputException("a percentage allowance/charge needs both percent and base amount");
        }
        if (percent != null && percent.signum() < 0) {
            throw new InvalidInputException("allowance/charge percentage " + percent.toPlainString() + " is negative");
        }
    }

    /** Signed effect on the net: negative for an allowance. */
    public Money signedAmount() {
        return charge ? amount : amount.negate();
    }
}
