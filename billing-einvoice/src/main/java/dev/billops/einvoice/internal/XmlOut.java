package dev.billops.einvoice.internal;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * A small indenting XML writer over StAX: elements are named {@code prefix:local}, the prefixes
 * declared once on the root. Leaves with a null value are left out, so optional terms need no
 * {@code if}. The output for the same calls is byte-identical. Not thread-safe.
 */
final class XmlOut {

    private final XMLStreamWriter w;
    private final Map<String, String> namespaces;
    private final Deque<Boolean> hasChildren = new ArrayDeque<>();

    XmlOut(OutputStream out, Map<String, String> namespaces) {
        this.namespaces = namespaces;
        try {
            this.w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot start the XML document", e);
        }
    }

    /** Opens the root element and declares every namespace on it. */
    XmlOut root(String qname) {
        open(qname);
        try {
            for (Map.Entry<String, String> ns : namespaces.entrySet()) {
                if (ns.getKey().isEmpty()) {
                    w.writeDefaultNamespace(ns.getValue());
                } else {
                    w.writeNamespace(ns.getKey(), ns.getValue());
                }
            }
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return this;
    }

    XmlOut open(String qname) {
        try {
            indent();
            if (!hasChildren.isEmpty()) {
                hasChildren.pop();
                hasChildren.push(true);
            }
            int colon = qname.indexOf(':');
            String prefix = colon < 0 ? "" : qname.substring(0, colon);
            String local = qname.substring(colon + 1);
            w.writeStartElement(prefix, local, Objects.requireNonNull(namespaces.get(prefix), prefix));
            hasChildren.push(false);
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return this;
    }

    /** An attribute; tabs and line breaks become spaces, as a parser normalizes them anyway. */
    XmlOut attr(String name, @Nullable String value) {
        if (value != null) {
            try {
                w.writeAttribute(name, value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
            } catch (XMLStreamException e) {
                throw failed(e);
            }
        }
        return this;
    }

    /** Text content; a carriage return is written as {@code &#13;} so that it survives parsing. */
    XmlOut text(String text) {
        try {
            int from = 0;
            for (int cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', from)) {
                w.writeCharacters(text.substring(from, cr));
                w.writeEntityRef("#13");
                from = cr + 1;
            }
            w.writeCharacters(text.substring(from));
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return this;
    }

    XmlOut close() {
        try {
            boolean children = hasChildren.pop();
            if (children) {
                indent();
            }
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
        return this;
    }

    /** {@code <qname>value</qname>}, or nothing for a null value. */
    XmlOut leaf(String qname, @Nullable String value) {
        return value == null ? this : open(qname).text(value).close();
    }

    /** {@code <qname name="attr">value</qname>}, or nothing for a null value. */
    XmlOut leaf(String qname, @Nullable String value, String attrName, @Nullable String attrValue) {
        return value == null ? this : open(qname).attr(attrName, attrValue).text(value).close();
    }

    XmlOut leaf(String qname, @Nullable BigDecimal value) {
        return value == null ? this : leaf(qname, value.toPlainString());
    }

    XmlOut leaf(String qname, @Nullable BigDecimal value, String attrName, @Nullable String attrValue) {
        return value == null ? this : leaf(qname, value.toPlainString(), attrName, attrValue);
    }

    XmlOut leaf(String qname, @Nullable LocalDate value) {
        return value == null ? this : leaf(qname, value.toString());
    }

    void finish() {
        try {
            while (!hasChildren.isEmpty()) {
                close();
            }
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    private void indent() throws XMLStreamException {
        w.writeCharacters("\n");
        for (int i = 0; i < hasChildren.size(); i++) {
            w.writeCharacters("  ");
        }
    }

    private static IllegalStateException failed(XMLStreamException e) {
        return new IllegalStateException("writing the XML failed: " + e.getMessage(), e);
    }
}
