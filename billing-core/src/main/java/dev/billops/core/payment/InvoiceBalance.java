package dev.billops.core.payment;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Money;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an invoice owed at a date: {@code due = payable − paid − credited}, counting payments
 * applied and credit notes issued up to that date.
 *
 * @param invoiceId the invoice
 * @param number its number
 * @param clientId the client
 * @param asOf the date
 * @param dueDate the invoice's due date
 * @param payable what the ledger holds on the invoice, its {@code receivable()}: the amount payable
 *     less the prepayment invoices it deducts, plus an amount owed by a negative declared BT-113
 *     (zero if the invoice was not issued by {@code asOf}, or is void)
 * @param paid payments applied up to {@code asOf}
 * @param credited credit notes issued up to {@code asOf}
 * @param due what was still owed
 */
public record InvoiceBalance(InvoiceId invoiceId, @Nullable String number, ClientId clientId, LocalDate asOf,
        @Nullable LocalDate dueDate, Money payable, Money paid, Money credited, Money due) {

    public InvoiceBalance {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(payable, "payable");
        Objects.requireNonNull(paid, "paid");
        Objects.requireNonNull(credited, "credited");
        Objects.requireNonNull(due, "due");
    }

    /** Days from the due date to {@code asOf}; zero or negative when not past due (or no due date). */
    public long daysPastDue() {
        return dueDate == null ? 0 : ChronoUnit.DAYS.between(dueDate, asOf);
    }

    /** Past due with something owed. */
    public boolean isOverdue() {
        return due.isPositive() && daysPastDue() > 0;
    }

    public AgingBucket bucket() {
        return AgingBucket.of(daysPastDue());
    }
}
