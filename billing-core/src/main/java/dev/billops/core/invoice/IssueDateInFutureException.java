package dev.billops.core.invoice;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.InvoiceId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An invoice was to be issued with an explicit issue date after the tenant's today: issue dates
 * may lie in the past (back-dating), never in the future. Nothing was issued and no number taken.
 */
public final class IssueDateInFutureException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final InvoiceId invoiceId;
    private final LocalDate issueDate;
    private final LocalDate today;

    public IssueDateInFutureException(InvoiceId invoiceId, LocalDate issueDate, LocalDate today) {
        super("invoice " + Objects.requireNonNull(invoiceId, "invoiceId") + " cannot be issued on "
                + Objects.requireNonNull(issueDate, "issueDate") + ": that is after the tenant's today ("
                + Objects.requireNonNull(today, "today") + ")");
        this.invoiceId = invoiceId;
        this.issueDate = issueDate;
        this.today = today;
    }

    /** The invoice that was not issued. */
    public InvoiceId invoiceId() {
        return invoiceId;
    }

    /** The issue date asked for. */
    public LocalDate issueDate() {
        return issueDate;
    }

    /** The tenant's today when it was refused. */
    public LocalDate today() {
        return today;
    }
}
