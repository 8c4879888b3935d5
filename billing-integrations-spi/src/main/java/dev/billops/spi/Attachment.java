package dev.billops.spi;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file sent with a notification, e.g. the invoice PDF. Holds a copy of the bytes; immutable.
 */
public final class Attachment {

    private final String fileName;
    private final String contentType;
    private final byte[] content;

    private Attachment(String fileName, String contentType, byte[] content) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content;
    }

    /** An attachment named {@code fileName} (no path) of MIME type {@code contentType}. */
    public static Attachment of(String fileName, String contentType, byte[] content) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
        if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("attachment file name '" + fileName + "' is blank or has a path");
        }
        return new Attachment(fileName, contentType, content.clone());
    }

    /** A PDF attachment. */
    public static Attachment pdf(String fileName, byte[] content) {
        return of(fileName, "application/pdf", content);
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    /** A copy of the content. */
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a && a.fileName.equals(fileName) && a.contentType.equals(contentType)
                && Arrays.equals(a.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
