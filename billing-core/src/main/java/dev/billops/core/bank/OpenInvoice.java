package dev.billops.core.bank;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Money;
import dev.billops.core.payment.InvoiceBalance;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An issued invoice that still owes something, as the matcher sees it.
 *
 * @param invoiceId the invoice
 * @param number its number
 * @param clientId who owes it
 * @param due what it still owes, positive
 * @param dueDate its due date, or null
 */
public record OpenInvoice(InvoiceId invoiceId, String number, ClientId clientId, Money due,
        @Nullable LocalDate dueDate) {

    public OpenInvoice {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(due, "due");
        if (!due.isPositive()) {
            throw new InvalidInputException("open invoice " + number + ": due " + due + " must be positive");
        }
    }

    /**
     * The open invoice of a balance.
     *
     * @throws InvalidInputException if the balance owes nothing or its invoice has no number
     */
    public static OpenInvoice of(InvoiceBalance balance) {
        Objects.requireNonNull(balance, "balance");
        if (balance.number() == null) {
            throw new InvalidInputException("invoice " + balance.invoiceId() + " has no number; it is not open");
        }
        return new OpenInvoice(balance.invoiceId(), balance.number(), balance.clientId(), balance.due(),
                balance.dueDate());
    }

    /** The creditor reference printed on this invoice. */
    public CreditorReference creditorReference() {
        return CreditorReference.forInvoiceNumber(number);
    }
}
