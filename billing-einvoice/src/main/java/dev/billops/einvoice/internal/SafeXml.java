package dev.billops.einvoice.internal;

import dev.billops.einvoice.DocumentTooLargeException;
import dev.billops.einvoice.EInvoiceNotReadableException;
import dev.billops.einvoice.UnsafeXmlException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The hardened DOM parser of the reader and the validator. Refuses any DOCTYPE (so no DTD, no
 * external or internal entities: XXE and entity expansion are impossible), resolves nothing
 * external, bounds the document's size while reading it and the nesting depth of its elements,
 * and reports every refusal as a typed exception.
 */
public final class SafeXml {

    /** Default size limit: 64 MiB, room for an invoice with embedded attachments. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    /** Default depth limit: e-invoices nest about 10 deep. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    private SafeXml() {
    }

    /**
     * Parses {@code in} (left open) into a namespace-aware DOM.
     *
     * @throws DocumentTooLargeException if more than {@code maxBytes} bytes arrive
     * @throws UnsafeXmlException if it declares a DOCTYPE or nests deeper than {@code maxDepth}
     * @throws EInvoiceNotReadableException if it is not well-formed XML
     */
    public static Document parse(InputStream in, long maxBytes, int maxDepth) {
        DocumentBuilder builder = builder(maxDepth);
        Bounded bounded = new Bounded(in, maxBytes);
        try {
            InputSource source = new InputSource(bounded);
            return builder.parse(source);
        } catch (TooLarge e) {
            throw new DocumentTooLargeException(maxBytes);
        } catch (SAXParseException e) {
            String msg = String.valueOf(e.getMessage());
            if (bounded.exceeded) {
                throw new DocumentTooLargeException(maxBytes);
            }
            if (msg.contains("DOCTYPE") || msg.contains("disallow-doctype-decl")) {
                throw new UnsafeXmlException("the document declares a DOCTYPE (DTDs and entities are refused to "
                        + "prevent external entity and entity expansion attacks)", e);
            }
            if (msg.contains("maxElementDepth") || msg.contains("JAXP00010004")) {
                throw new UnsafeXmlException("the document nests elements deeper than " + maxDepth, e);
            }
            throw new EInvoiceNotReadableException("not well-formed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + msg, e);
        } catch (SAXException e) {
            throw new EInvoiceNotReadableException("not well-formed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            if (bounded.exceeded) {
                throw new DocumentTooLargeException(maxBytes);
            }
            throw new UncheckedIOException("reading the document failed: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder builder(int maxDepth) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", Integer.toString(maxDepth));
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", "0");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not stop the reader
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the JDK's XML parser does not support the hardening features", e);
        }
    }

    /** Thrown inside the parser when the limit is passed; becomes {@link DocumentTooLargeException}. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("document too large");
        }
    }

    /** Counts bytes and fails once more than the limit arrived. */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long count;
        boolean exceeded;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public void close() {
            // the caller owns the stream
        }

        private void add(int n) throws TooLarge {
            count += n;
            if (count > max) {
                exceeded = true;
                throw new TooLarge();
            }
        }
    }
}
