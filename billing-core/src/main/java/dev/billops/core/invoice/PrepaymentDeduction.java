package dev.billops.core.invoice;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A prepayment invoice (type 386) that a later invoice deducts: the client paid it before, so the
 * later invoice counts its amount as paid (BT-113) and refers to it (BG-3, BT-25/26). The amount
 * is what was paid on it when the deduction was chosen, and is fixed into the invoice at issue.
 *
 * @param invoiceId the prepayment invoice
 * @param number its number (BT-25)
 * @param issueDate its issue date (BT-26)
 * @param amount what it deducts, more than zero
 */
public record PrepaymentDeduction(InvoiceId invoiceId, String number, LocalDate issueDate, Money amount) {

    /** @throws InvalidInputException if the amount is not positive or the number is blank */
    public PrepaymentDeduction {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(amount, "amount");
        if (number.isBlank()) {
            throw new InvalidInputException("prepayment invoice " + invoiceId + ": number is blank");
        }
        if (!amount.isPositive()) {
            throw new InvalidInputException("prepayment invoice " + number + ": deducted amount " + amount
                    + " is not more than zero");
        }
    }
}
