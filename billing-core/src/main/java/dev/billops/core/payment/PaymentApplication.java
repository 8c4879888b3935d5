package dev.billops.core.payment;

import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of an invoice's payment history: part of a payment applied to it.
 *
 * @param paymentId the payment
 * @param invoiceId the invoice
 * @param receivedOn the payment's value date
 * @param appliedOn when this part was applied (later than {@code receivedOn} for client credit)
 * @param amount the part applied
 * @param method the payment's method
 * @param externalRef the payment's bank or gateway reference, or null
 */
public record PaymentApplication(PaymentId paymentId, InvoiceId invoiceId, LocalDate receivedOn,
        LocalDate appliedOn, Money amount, String method, @Nullable String externalRef) {

    public PaymentApplication {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(appliedOn, "appliedOn");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(method, "method");
    }
}
