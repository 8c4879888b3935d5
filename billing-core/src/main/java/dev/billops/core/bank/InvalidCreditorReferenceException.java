package dev.billops.core.bank;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;

/**
 * A text is not an ISO 11649 creditor reference: not {@code RF}, two check digits and 1 to 21
 * letters or digits, or the check digits do not match. Carries the text as given.
 */
public class InvalidCreditorReferenceException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final String reference;

    public InvalidCreditorReferenceException(String reference, String problem) {
        super("creditor reference " + Text.quote(reference) + " " + problem);
        this.reference = reference;
    }

    /** The refused text, as given. */
    public String reference() {
        return reference;
    }
}
