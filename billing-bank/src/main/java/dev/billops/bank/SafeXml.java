package dev.billops.bank;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads an XML document into {@link XmlNode}s with the JDK's own StAX parser, refusing what an
 * attacker could use: a document type declaration (so no DTD, no entity declarations, no external
 * entities, no entity expansion), undeclared entity references, more bytes than the limit, deeper
 * nesting than the limit and longer texts than the limit.
 */
final class SafeXml {

    private SafeXml() {
    }

    static XmlNode parse(InputStream in, String format, long maxBytes, int maxDepth, int maxTextLength) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource " + systemId + " refused");
        });
        LimitedInputStream limited = new LimitedInputStream(in, maxBytes);
        XMLStreamReader r = null;
        XmlNode root = null;
        XmlNode current = null;
        int depth = 0;
        try {
            r = factory.createXMLStreamReader(limited);
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw refused(format, r, "<!DOCTYPE",
                            "declares a document type; DTDs and entities are refused in bank statements");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw refused(format, r, "&" + r.getLocalName() + ";",
                            "is an entity reference; entities are refused in bank statements");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth > maxDepth) {
                            throw refused(format, r, r.getLocalName(), "is nested deeper than " + maxDepth
                                    + " elements");
                        }
                        String ns = r.getNamespaceURI();
                        XmlNode node = new XmlNode(r.getLocalName(), ns == null ? "" : ns, line(r), current);
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            node.attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        if (current == null) {
                            if (root != null) {
                                throw refused(format, r, r.getLocalName(), "is a second root element");
                            }
                            root = node;
                        } else {
                            current.children.add(node);
                        }
                        current = node;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        current = current == null ? null : current.parent;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (current != null) {
                            if (current.text.length() + r.getTextLength() > maxTextLength) {
                                throw refused(format, r, current.name, "has a text longer than " + maxTextLength
                                        + " characters");
                            }
                            current.text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                        }
                    }
                    default -> {
                        // comments, processing instructions, document start and end
                    }
                }
            }
        } catch (InvalidBankStatementException e) {
            throw e;
        } catch (RuntimeException e) {
            // the JDK's parser reports some malformed input with unchecked exceptions (a NUL inside a
            // DOCTYPE gives MissingResourceException: its message key is missing from its bundle)
            Location loc = r == null ? null : r.getLocation();
            String where = loc == null ? "the file" : "line " + loc.getLineNumber();
            throw new InvalidBankStatementException(format, where, "", "is not well-formed XML (the parser failed"
                    + " with " + e.getClass().getSimpleName() + ")", e);
        } catch (XMLStreamException e) {
            if (limitExceeded(e)) {
                throw new InvalidBankStatementException(format, "the file", "", "is larger than the limit of "
                        + maxBytes + " bytes", e);
            }
            Location loc = e.getLocation();
            String where = loc == null ? "the file" : "line " + loc.getLineNumber();
            throw new InvalidBankStatementException(format, where, "", "is not well-formed XML: "
                    + firstLine(e.getMessage()), e);
        } finally {
            close(r);
        }
        if (root == null) {
            throw new InvalidBankStatementException(format, "the file", "", "has no root element");
        }
        return root;
    }

    private static InvalidBankStatementException refused(String format, XMLStreamReader r, String value,
            String problem) {
        return new InvalidBankStatementException(format, "line " + line(r), value, problem);
    }

    private static int line(XMLStreamReader r) {
        Location loc = r.getLocation();
        return loc == null ? -1 : loc.getLineNumber();
    }

    private static boolean limitExceeded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitedInputStream.LimitExceeded) {
                return true;
            }
            if (t instanceof XMLStreamException x && x.getNestedException() != null
                    && x.getNestedException() != t.getCause() && limitExceeded(x.getNestedException())) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unknown error";
        }
        String m = message;
        int msg = m.indexOf("Message: ");
        if (msg >= 0) {
            m = m.substring(msg + "Message: ".length());
        }
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).strip();
    }

    private static void close(@Nullable XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException e) {
                // nothing was held open beyond the caller's stream
            }
        }
    }
}
