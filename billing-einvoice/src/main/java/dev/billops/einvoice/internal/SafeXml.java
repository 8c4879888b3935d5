package dev.billops.einvoice.internal;

import dev.billops.einvoice.DocumentTooLargeException;
import dev.billops.einvoice.EInvoiceNotReadableException;
import dev.billops.einvoice.UnsafeXmlException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The hardened DOM parser of the reader and the validator. Refuses any DOCTYPE (so no DTD, no
 * external or internal entities: XXE and entity expansion are impossible), resolves nothing
 * external, bounds the document's size while reading it, the number of its elements and their
 * nesting depth, and reports every refusal as a typed exception.
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
        byte[] bytes = readBounded(in, maxBytes);
        countElements(bytes, maxElements(maxBytes));
        DocumentBuilder builder = builder(maxDepth);
        try {
            InputSource source = new InputSource(new ByteArrayInputStream(bytes));
            return builder.parse(source);
        } catch (SAXParseException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("DOCTYPE") || msg.contains("disallow-doctype-decl")) {
                throw new UnsafeXmlException("the document declares a DOCTYPE (DTDs and entities are refused to "
                        + "prevent external entity and entity expansion attacks)", e);
            }
            if (msg.contains("maxElementDepth") || msg.contains("JAXP00010004")) {
                throw new UnsafeXmlException("the document nests elements deeper than " + maxDepth, e);
            }
            throw new EInvoiceNotReadableException("not well-formed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + cut(msg), e);
        } catch (SAXException e) {
            throw new EInvoiceNotReadableException("not well-formed XML: " + cut(String.valueOf(e.getMessage())), e);
        } catch (RuntimeException e) {
            // the JDK's parser reports some malformed input with unchecked exceptions of its own
            throw new EInvoiceNotReadableException("not well-formed XML (" + e.getClass().getSimpleName() + ")", e);
        } catch (IOException e) {
            // the bytes are in memory: an I/O failure here is the parser's, e.g. an unknown encoding
            throw new EInvoiceNotReadableException("not readable XML (" + e.getClass().getSimpleName() + "): "
                    + cut(String.valueOf(e.getMessage())), e);
        }
    }

    /** The parser's message, cut to 160 characters: it may quote names of any length from the input. */
    static String cut(String message) {
        return message.length() <= 160 ? message : message.substring(0, 159) + "…";
    }

    /**
     * The most elements a document of {@code maxBytes} may have: one per 64 bytes, at least
     * 100,000 (an invoice with 10,000 lines has about 300,000). A tree of tiny elements would
     * otherwise take some 200 bytes of heap per input byte.
     */
    static long maxElements(long maxBytes) {
        return Math.max(100_000, maxBytes / 64);
    }

    private static byte[] readBounded(InputStream in, long maxBytes) {
        Bounded bounded = new Bounded(in, maxBytes);
        try {
            return bounded.readAllBytes();
        } catch (TooLarge e) {
            throw new DocumentTooLargeException(maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the document failed: " + e.getMessage(), e);
        }
    }

    /** A streaming pass before the tree is built: refuses a DOCTYPE and more than {@code max} elements. */
    private static void countElements(byte[] bytes, long max) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        long elements = 0;
        try {
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(bytes));
            try {
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new UnsafeXmlException("the document declares a DOCTYPE (DTDs and entities are refused "
                                + "to prevent external entity and entity expansion attacks)", null);
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && ++elements > max) {
                        throw new UnsafeXmlException("the document has more than " + max + " elements", null);
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            // not well-formed: the DOM parser below reports it with its line and column
        } catch (UnsafeXmlException e) {
            throw e;
        } catch (RuntimeException e) {
            // the JDK's StAX reader fails on some malformed DTDs with an unchecked exception (e.g.
            // MissingResourceException "InvalidCharInDTD"); the DOM parser below refuses those too
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
