package dev.billops.einvoice;

import dev.billops.einvoice.internal.CiiWriter;
import dev.billops.einvoice.internal.UblWriter;
import dev.billops.einvoice.model.EInvoice;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * Writes an {@link EInvoice} as the XML of a profile: UBL 2.1 ({@code Invoice}, or
 * {@code CreditNote} for credit-note type codes) or CII D16B.
 *
 * <pre>{@code
 * EInvoice e = EInvoiceMapper.map(tenant, client, invoice).withBuyerReference("04011000-12345-03");
 * byte[] xml = EInvoiceWriter.write(e, EInvoiceProfile.XRECHNUNG_UBL);
 * }</pre>
 *
 * <p>The profile's required business terms are checked first ({@link EInvoiceProfile#missingTerms});
 * an invoice that lacks any is refused with {@link MissingBusinessTermsException}, one whose type
 * code the profile does not allow ({@link EInvoiceProfile#allowsTypeCode}) with
 * {@link TypeCodeNotAllowedException}, and nothing is written. The output is UTF-8, indented, and the same bytes for the same invoice and profile.
 * Stateless and thread-safe.
 */
public final class EInvoiceWriter {

    private EInvoiceWriter() {
    }

    /**
     * The document as XML bytes.
     *
     * @throws MissingBusinessTermsException if the invoice lacks terms the profile requires
     * @throws TypeCodeNotAllowedException if the profile does not allow its type code
     */
    public static byte[] write(EInvoice invoice, EInvoiceProfile profile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        write(invoice, profile, out);
        return out.toByteArray();
    }

    /**
     * Writes the document to {@code out}, which is left open; nothing is written if the invoice
     * is refused.
     *
     * @throws MissingBusinessTermsException if the invoice lacks terms the profile requires
     * @throws TypeCodeNotAllowedException if the profile does not allow its type code
     */
    public static void write(EInvoice invoice, EInvoiceProfile profile, OutputStream out) {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(out, "out");
        if (!profile.allowsTypeCode(invoice.typeCode())) {
            throw new TypeCodeNotAllowedException(profile, invoice.number(), invoice.typeCode());
        }
        List<String> missing = profile.missingTerms(invoice);
        if (!missing.isEmpty()) {
            throw new MissingBusinessTermsException(profile, invoice.number(), missing);
        }
        if (profile.syntax() == Syntax.UBL) {
            UblWriter.write(invoice, profile, out);
        } else {
            CiiWriter.write(invoice, profile, out);
        }
    }
}
