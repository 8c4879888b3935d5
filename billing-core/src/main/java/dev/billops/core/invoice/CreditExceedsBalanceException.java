package dev.billops.core.invoice;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Money;
import java.util.Objects;

/**
 * A credit note would credit more than is left to credit on its invoice (the balance: payable −
 * paid − credited so far), which would make the balance negative. Refund a payment first to
 * credit a paid invoice. Nothing was stored.
 */
public final class CreditExceedsBalanceException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final InvoiceId invoiceId;
    private final Money requested;
    private final Money creditable;

    public CreditExceedsBalanceException(InvoiceId invoiceId, Money requested, Money creditable) {
        super("a credit of " + Objects.requireNonNull(requested, "requested") + " on invoice "
                + Objects.requireNonNull(invoiceId, "invoiceId") + " exceeds what is left to credit, "
                + Objects.requireNonNull(creditable, "creditable"));
        this.invoiceId = invoiceId;
        this.requested = requested;
        this.creditable = creditable;
    }

    public InvoiceId invoiceId() {
        return invoiceId;
    }

    /** The credit that was asked for (tax included). */
    public Money requested() {
        return requested;
    }

    /** What was left to credit. */
    public Money creditable() {
        return creditable;
    }
}
