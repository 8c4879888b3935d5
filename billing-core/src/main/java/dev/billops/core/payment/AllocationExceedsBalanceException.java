package dev.billops.core.payment;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Money;
import java.util.Objects;

/**
 * An explicit allocation asked for more than the invoice still owes. (A payment that is simply
 * larger than what is due is fine: the rest becomes client credit. Only an explicit amount aimed at
 * one invoice is checked against its balance.)
 */
public final class AllocationExceedsBalanceException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final InvoiceId invoiceId;
    private final Money requested;
    private final Money amountDue;

    public AllocationExceedsBalanceException(InvoiceId invoiceId, String invoiceNumber, Money requested,
            Money amountDue) {
        super("cannot allocate " + requested + " to invoice " + invoiceNumber + ": only " + amountDue + " is due");
        this.invoiceId = Objects.requireNonNull(invoiceId, "invoiceId");
        this.requested = Objects.requireNonNull(requested, "requested");
        this.amountDue = Objects.requireNonNull(amountDue, "amountDue");
    }

    public InvoiceId invoiceId() {
        return invoiceId;
    }

    public Money requested() {
        return requested;
    }

    /** What the invoice owed when the allocation was attempted. */
    public Money amountDue() {
        return amountDue;
    }
}
