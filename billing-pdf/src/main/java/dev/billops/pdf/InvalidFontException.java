package dev.billops.pdf;

import dev.billops.core.error.InvalidInputException;

/** A font given to {@link PdfFont#trueType} cannot be read as an embeddable TrueType font. */
public final class InvalidFontException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final String font;

    InvalidFontException(String font, Exception cause) {
        super("font " + font + " is not an embeddable TrueType font: " + cause.getMessage());
        initCause(cause);
        this.font = font;
    }

    /** The font's name as given, with its face. */
    public String font() {
        return font;
    }
}
