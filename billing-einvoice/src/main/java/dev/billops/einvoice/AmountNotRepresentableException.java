package dev.billops.einvoice;

import dev.billops.core.error.InvalidInputException;

/**
 * An amount of a BillOps invoice cannot be written in an EN 16931 document, which allows at most
 * two decimals for amounts (BR-DEC rules): e.g. {@code 12.345 BHD}. Nothing was written.
 */
public final class AmountNotRepresentableException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public AmountNotRepresentableException(String message) {
        super(message);
    }
}
