package dev.billops.core.error;

/**
 * A value given to BillOps is outside what the operation accepts (a blank name, a negative
 * quantity, an id with forbidden characters). The message names the field and the value.
 *
 * <p>More specific problems have their own subclasses; this one covers plain field validation.
 */
public class InvalidInputException extends BillingException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
