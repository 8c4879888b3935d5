package dev.billops.core.invoice;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.InvoiceId;
import java.util.Objects;

/** A line of an invoice was already credited by an earlier credit note. Nothing was stored. */
public final class LineAlreadyCreditedException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final InvoiceId invoiceId;
    private final int position;
    private final String creditNoteNumber;

    public LineAlreadyCreditedException(InvoiceId invoiceId, int position, String creditNoteNumber) {
        super("line " + position + " of invoice " + Objects.requireNonNull(invoiceId, "invoiceId")
                + " was already credited by credit note " + Objects.requireNonNull(creditNoteNumber, "creditNoteNumber"));
        this.invoiceId = invoiceId;
        this.position = position;
        this.creditNoteNumber = creditNoteNumber;
    }

    public InvoiceId invoiceId() {
        return invoiceId;
    }

    public int position() {
        return position;
    }

    public String creditNoteNumber() {
        return creditNoteNumber;
    }
}
