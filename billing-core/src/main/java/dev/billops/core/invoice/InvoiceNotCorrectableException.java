package dev.billops.core.invoice;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.InvoiceId;
import java.util.Objects;

/**
 * A draft cannot correct the document it was asked to (BT-25): that one is a draft, a credit note
 * or an invoice of another client. Nothing was changed.
 */
public final class InvoiceNotCorrectableException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final InvoiceId draftId;
    private final InvoiceId correctedId;

    /** @param why why {@code correctedId} cannot be corrected by {@code draftId}, e.g. {@code "it is a draft"} */
    public InvoiceNotCorrectableException(InvoiceId draftId, InvoiceId correctedId, String why) {
        super("draft " + Objects.requireNonNull(draftId, "draftId") + " cannot correct "
                + Objects.requireNonNull(correctedId, "correctedId") + ": " + Objects.requireNonNull(why, "why"));
        this.draftId = draftId;
        this.correctedId = correctedId;
    }

    public InvoiceId draftId() {
        return draftId;
    }

    public InvoiceId correctedId() {
        return correctedId;
    }
}
