package dev.billops.spi;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.money.Money;
import java.util.Objects;

/**
 * A charge of a client's stored payment method for an invoice.
 *
 * @param tenant whose invoice it is
 * @param client the client charged
 * @param invoiceId the invoice paid by the charge
 * @param invoiceNumber its number, for the statement descriptor
 * @param amount what to charge, positive
 * @param paymentMethodRef the gateway's reference of the stored method; never logged
 * @param idempotencyKey derived from the invoice; the gateway charges once per key, however
 *     often it is asked
 */
public record ChargeRequest(TenantId tenant, ClientId client, InvoiceId invoiceId, String invoiceNumber, Money amount,
        String paymentMethodRef, String idempotencyKey) {

    public ChargeRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paymentMethodRef, "paymentMethodRef");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    @Override
    public String toString() {
        return "ChargeRequest[tenant=" + tenant + ", client=" + client + ", invoice=" + invoiceNumber + ", amount="
                + amount + ", paymentMethodRef=****, idempotencyKey=" + idempotencyKey + "]";
    }
}
