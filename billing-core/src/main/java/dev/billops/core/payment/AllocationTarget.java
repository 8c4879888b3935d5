package dev.billops.core.payment;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Money;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where to apply money: an invoice, and either an exact amount or "whatever is due".
 *
 * <p>An exact amount must not exceed what the invoice owes ({@link AllocationExceedsBalanceException});
 * "whatever is due" takes the smaller of the available money and the balance, so a payment larger
 * than the invoice leaves the rest as client credit.
 *
 * @param invoiceId the invoice
 * @param amount the exact amount, positive; or null for "up to the amount due"
 */
public record AllocationTarget(InvoiceId invoiceId, @Nullable Money amount) {

    public AllocationTarget {
        Objects.requireNonNull(invoiceId, "invoiceId");
        if (amount != null && !amount.isPositive()) {
            throw new InvalidInputException("allocation to invoice " + invoiceId + ": amount " + amount
                    + " must be positive");
        }
    }

    /** Exactly {@code amount} to {@code invoice}. */
    public static AllocationTarget of(InvoiceId invoice, Money amount) {
        return new AllocationTarget(invoice, Objects.requireNonNull(amount, "amount"));
    }

    /** As much as is available, up to what {@code invoice} owes. */
    public static AllocationTarget upToDue(InvoiceId invoice) {
        return new AllocationTarget(invoice, null);
    }
}
