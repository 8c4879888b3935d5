package dev.billops.einvoice.model;

import dev.billops.core.error.Text;
import dev.billops.core.error.InvalidInputException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An additional supporting document (BG-24): a reference, an external location, or an embedded
 * file such as the invoice's own PDF.
 *
 * @param id supporting document reference (BT-122)
 * @param description supporting document description (BT-123), or null
 * @param externalUri external document location (BT-124), or null
 * @param content the attached document (BT-125), or null; copied in and out
 * @param mimeCode its MIME code, required with content, e.g. {@code "application/pdf"}
 * @param filename its file name, required with content
 */
public record Attachment(String id, @Nullable String description, @Nullable String externalUri,
        byte @Nullable [] content, @Nullable String mimeCode, @Nullable String filename) {

    public Attachment {
        id = Checks.text("supporting document reference", id);
        description = Checks.optional("supporting document description", description);
        externalUri = Checks.optional("external document location", externalUri);
        mimeCode = Checks.optional("attachment MIME code", mimeCode);
        filename = Checks.optional("attachment file name", filename);
        if (content != null) {
            content = content.clone();
            if (mimeCode == null || filename == null) {
                throw new InvalidInputException("attached document " + Text.quote(id) + " needs a MIME code and a file name");
            }
        }
    }

    /** An embedded file, e.g. {@code embedded("INV-1", "Invoice as PDF", pdf, "application/pdf", "INV-1.pdf")}. */
    public static Attachment embedded(String id, @Nullable String description, byte[] content, String mimeCode,
            String filename) {
        return new Attachment(id, description, null, content, mimeCode, filename);
    }

    /**
     * The invoice's own PDF embedded as its supporting document: reference {@code number}, MIME
     * code {@code application/pdf}, file name {@code number} with every character outside
     * {@code A-Z a-z 0-9 . _ -} replaced by {@code _}, plus {@code .pdf}.
     *
     * @throws InvalidInputException if {@code number} is blank or {@code pdf} does not start with {@code %PDF-}
     */
    public static Attachment invoicePdf(String number, byte[] pdf) {
        String id = Checks.text("supporting document reference", number);
        if (pdf.length < 5 || pdf[0] != '%' || pdf[1] != 'P' || pdf[2] != 'D' || pdf[3] != 'F' || pdf[4] != '-') {
            throw new InvalidInputException("the attachment of invoice " + Text.quote(id) + " is not a PDF ("
                    + pdf.length + " bytes, no %PDF- header)");
        }
        return embedded(id, "Invoice " + id + " as PDF", pdf, "application/pdf",
                id.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf");
    }

    @Override
    public byte @Nullable [] content() {
        return content == null ? null : content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a && id.equals(a.id) && java.util.Objects.equals(description, a.description)
                && java.util.Objects.equals(externalUri, a.externalUri) && Arrays.equals(content, a.content)
                && java.util.Objects.equals(mimeCode, a.mimeCode) && java.util.Objects.equals(filename, a.filename);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, description, externalUri, Arrays.hashCode(content), mimeCode, filename);
    }

    @Override
    public String toString() {
        return "Attachment[id=" + id + ", filename=" + filename + ", bytes=" + (content == null ? 0 : content.length)
                + ", externalUri=" + externalUri + "]";
    }
}
