package dev.billops.core.payment;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.InvoiceId;
import java.util.Objects;

/**
 * Money in one currency was to be applied to an invoice in another. BillOps never converts
 * between currencies: record the payment in the invoice's currency, or keep it as credit.
 */
public final class PaymentCurrencyMismatchException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final InvoiceId invoiceId;
    private final String invoiceCurrency;
    private final String paymentCurrency;

    public PaymentCurrencyMismatchException(InvoiceId invoiceId, String invoiceNumber, String invoiceCurrency,
            String paymentCurrency) {
        super("invoice " + invoiceNumber + " is in " + invoiceCurrency + " but the payment is in " + paymentCurrency
                + "; payments are never converted between currencies");
        this.invoiceId = Objects.requireNonNull(invoiceId, "invoiceId");
        this.invoiceCurrency = Objects.requireNonNull(invoiceCurrency, "invoiceCurrency");
        this.paymentCurrency = Objects.requireNonNull(paymentCurrency, "paymentCurrency");
    }

    public InvoiceId invoiceId() {
        return invoiceId;
    }

    /** ISO code of the invoice's currency. */
    public String invoiceCurrency() {
        return invoiceCurrency;
    }

    /** ISO code of the payment's (or credit's) currency. */
    public String paymentCurrency() {
        return paymentCurrency;
    }
}
