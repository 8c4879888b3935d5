package dev.billops.core.error;


/**
 * A text given to BillOps cannot be stored as it is: it is not well-formed UTF-16 (an unpaired
 * surrogate), contains a NUL character, or is longer than its field allows. Refused by the value
 * type before it reaches any store, so every store behaves the same and nothing is written.
 *
 * <p>The message names the field and quotes at most a short prefix of the text
 * ({@link Text#quote(String)}); {@link #field()} names the field for a handler.
 */
public final class InvalidTextException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidTextException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    /** The field whose text was refused, e.g. {@code "client name"}. */
    public String field() {
        return field;
    }
}
