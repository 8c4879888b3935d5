package dev.billops.core.numbering;

import dev.billops.core.error.InvalidInputException;
import java.util.Objects;

/** A document-number pattern or numbering setting cannot produce unique numbers; the message says why. */
public final class InvalidNumberPatternException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final String pattern;

    public InvalidNumberPatternException(String pattern, String problem) {
        super("number pattern '" + Objects.requireNonNull(pattern, "pattern") + "': "
                + Objects.requireNonNull(problem, "problem"));
        this.pattern = pattern;
    }

    /** The offending pattern as given. */
    public String pattern() {
        return pattern;
    }
}
