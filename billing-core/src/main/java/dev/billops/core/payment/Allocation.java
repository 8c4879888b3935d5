package dev.billops.core.payment;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.AmountOutOfRangeException;
import dev.billops.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Part of a payment applied to one invoice.
 *
 * @param invoiceId the invoice
 * @param amount the amount applied, positive
 * @param date when it was applied (payment date, or the date client credit was used)
 * @param sequence order of allocation within the payment, 1-based; refunds reverse the highest first
 *
 * <p>The constructor throws {@code AmountOutOfRangeException} if the amount is zero or negative and
 * {@code InvalidInputException} if the sequence is below 1.
 */
public record Allocation(InvoiceId invoiceId, Money amount, LocalDate date, int sequence) {

    public Allocation {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(date, "date");
        if (!amount.isPositive()) {
            throw new AmountOutOfRangeException("an allocation to invoice " + invoiceId + " must be positive, is "
                    + amount);
        }
        if (sequence < 1) {
            throw new InvalidInputException("allocation sequence " + sequence + " of invoice " + invoiceId
                    + " must be 1 or more");
        }
    }
}
