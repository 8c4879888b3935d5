package dev.billops.einvoice;

import dev.billops.core.error.BillingException;
import dev.billops.core.error.InvalidInputException;
import dev.billops.einvoice.internal.Readers;
import dev.billops.einvoice.internal.SafeXml;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;
import org.w3c.dom.Document;

/**
 * Reads UBL 2.1 invoices and credit notes and UN/CEFACT CII D16B invoices (XRechnung, Peppol BIS,
 * Factur-X XML, plain EN 16931) into the semantic model, so a host can import its suppliers'
 * invoices.
 *
 * <pre>{@code
 * ReadResult read = EInvoiceReader.standard().read(Files.newInputStream(file));
 * read.warnings().forEach(w -> log.warn("not imported: {}", w));
 * }</pre>
 *
 * <p>Hostile input is refused before it can do harm: a DOCTYPE (and with it every DTD and entity:
 * XXE and "billion laughs"), more than {@link #maxBytes()} bytes (read up to the limit, never
 * further) or elements nested deeper than {@link #maxDepth()} give an {@link UnsafeXmlException}
 * or {@link DocumentTooLargeException}; malformed documents an {@link EInvoiceNotReadableException}
 * naming the location. Content the model does not carry is listed in
 * {@link ReadResult#warnings()}, not dropped silently. Immutable and thread-safe.
 */
public final class EInvoiceReader {

    private static final EInvoiceReader STANDARD = new EInvoiceReader(SafeXml.DEFAULT_MAX_BYTES,
            SafeXml.DEFAULT_MAX_DEPTH);

    private final long maxBytes;
    private final int maxDepth;

    private EInvoiceReader(long maxBytes, int maxDepth) {
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
    }

    /** A reader accepting up to 64 MiB and 64 levels of nesting. */
    public static EInvoiceReader standard() {
        return STANDARD;
    }

    /**
     * A reader with other limits.
     *
     * @throws InvalidInputException if a limit is not positive
     */
    public static EInvoiceReader withLimits(long maxBytes, int maxDepth) {
        if (maxBytes <= 0 || maxDepth <= 0) {
            throw new InvalidInputException("reader limits must be positive, got " + maxBytes + " bytes and depth "
                    + maxDepth);
        }
        return new EInvoiceReader(maxBytes, maxDepth);
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int maxDepth() {
        return maxDepth;
    }

    /**
     * Reads one document from {@code in}, which is left open.
     *
     * @throws EInvoiceNotReadableException (or its subclasses) if it cannot or must not be read
     */
    public ReadResult read(InputStream in) {
        return Readers.read(parse(in));
    }

    /** Reads one document from bytes; see {@link #read(InputStream)}. */
    public ReadResult read(byte[] xml) {
        return read(new ByteArrayInputStream(Objects.requireNonNull(xml, "xml")));
    }

    /**
     * Parses {@code in} with this reader's hardening into a DOM without interpreting it: what
     * the validator hands to the rule sets, so they never see a DTD or an entity.
     *
     * @throws BillingException an {@link EInvoiceNotReadableException} or one of its subclasses
     */
    public Document parse(InputStream in) {
        return SafeXml.parse(Objects.requireNonNull(in, "in"), maxBytes, maxDepth);
    }
}
