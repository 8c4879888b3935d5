package dev.billops.integrations.s3store;

import dev.billops.core.error.InvalidInputException;

/** A content type is not a media type ({@code type/subtype}, optionally with parameters); nothing was stored. */
public class InvalidContentTypeException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final String contentType;

    public InvalidContentTypeException(String contentType, String problem) {
        super("content type '" + contentType + "' " + problem);
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
