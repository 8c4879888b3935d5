package dev.billops.core.error;

import java.util.Objects;

/**
 * A value of an EN 16931 business term was refused: a code outside its code list (an EAS scheme,
 * an ISO 6523 ICD, a VATEX code) or a blank text where the term must have content. Nothing was
 * stored.
 */
public class InvalidBusinessTermException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final String term;
    private final String value;

    /**
     * @param term the business term, e.g. {@code "BT-34 electronic address scheme"}
     * @param value the refused value as given
     * @param why what is wrong with it, e.g. {@code "is not in the EAS code list"}
     */
    public InvalidBusinessTermException(String term, String value, String why) {
        super(Objects.requireNonNull(term, "term") + " " + Text.quote(Objects.requireNonNull(value, "value")) + " "
                + Objects.requireNonNull(why, "why"));
        this.term = term;
        this.value = value;
    }

    /** The business term whose value was refused. */
    public String term() {
        return term;
    }

    /** The refused value. */
    public String value() {
        return value;
    }
}
