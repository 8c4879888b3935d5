package dev.billops.core.invoice;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Money;
import java.util.Objects;

/**
 * The amount a host declares as paid for a draft outside it (BT-113) is outside what BillOps
 * accepts: it must be at least zero and at most {@value Invoice#PREPAID_LIMIT_FACTOR} times the
 * draft's tax-inclusive total (BT-112). Nothing was stored.
 */
public final class PrepaidOutOfRangeException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final InvoiceId invoiceId;
    private final Money prepaid;

    public PrepaidOutOfRangeException(InvoiceId invoiceId, Money prepaid, String why) {
        super("invoice " + Objects.requireNonNull(invoiceId, "invoiceId") + ": prepaid amount "
                + Objects.requireNonNull(prepaid, "prepaid") + " " + Objects.requireNonNull(why, "why"));
        this.invoiceId = invoiceId;
        this.prepaid = prepaid;
    }

    public InvoiceId invoiceId() {
        return invoiceId;
    }

    /** The amount refused. */
    public Money prepaid() {
        return prepaid;
    }
}
