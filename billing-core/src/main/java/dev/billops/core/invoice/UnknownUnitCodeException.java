package dev.billops.core.invoice;

import dev.billops.core.error.InvalidInputException;

/** A unit of measure that is not a UN/ECE Recommendation 20 or 21 code; the message names it. */
public class UnknownUnitCodeException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public UnknownUnitCodeException(String message) {
        super(message);
    }
}
