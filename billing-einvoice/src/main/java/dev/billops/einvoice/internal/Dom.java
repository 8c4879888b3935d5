package dev.billops.einvoice.internal;

import dev.billops.core.error.Text;
import dev.billops.einvoice.EInvoiceNotReadableException;
import dev.billops.einvoice.ReadWarning;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Navigation over a parsed document that remembers every element it was asked for, so that
 * {@link #warnings()} can report the content the reader did not take (the top-most element of
 * each unread subtree) instead of dropping it silently. Values are parsed strictly: decimals
 * without exponent, dates in the syntax's format; a bad value is an
 * {@link EInvoiceNotReadableException} naming its location. Not thread-safe.
 */
final class Dom {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,20}(\\.[0-9]{1,20})?");

    private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Element root;

    Dom(Element root) {
        this.root = root;
        seen.add(root);
    }

    Element root() {
        return root;
    }

    /** The child elements {@code ns:local} of {@code parent}, marked as read. */
    List<Element> all(Element parent, String ns, String local) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                seen.add(e);
                found.add(e);
            }
        }
        return found;
    }

    /** The first child element {@code ns:local}, marked as read, or null; a repeated one stays unread. */
    @Nullable Element one(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                seen.add(e);
                return e;
            }
        }
        return null;
    }

    /** The trimmed text of the first child {@code ns:local}; null if absent or blank. */
    @Nullable String text(@Nullable Element parent, String ns, String local) {
        if (parent == null) {
            return null;
        }
        Element e = one(parent, ns, local);
        return e == null ? null : text(e);
    }

    /** The trimmed text of {@code e}; null if blank. */
    @Nullable String text(Element e) {
        seen.add(e);
        String t = e.getTextContent();
        if (t == null) {
            return null;
        }
        t = t.strip();
        return t.isEmpty() ? null : t;
    }

    /** A required text: throws naming the location if it is absent. */
    String required(@Nullable Element parent, String ns, String local, String term) {
        String t = text(parent, ns, local);
        if (t == null) {
            throw new EInvoiceNotReadableException("missing " + term + " (" + local + ") under "
                    + (parent == null ? "?" : path(parent)));
        }
        return t;
    }

    @Nullable String attr(@Nullable Element e, String name) {
        if (e == null || !e.hasAttribute(name)) {
            return null;
        }
        String v = e.getAttribute(name).strip();
        return v.isEmpty() ? null : v;
    }

    @Nullable BigDecimal decimal(@Nullable Element parent, String ns, String local) {
        if (parent == null) {
            return null;
        }
        Element e = one(parent, ns, local);
        return e == null ? null : decimal(e);
    }

    @Nullable BigDecimal decimal(Element e) {
        String t = text(e);
        if (t == null) {
            return null;
        }
        if (!DECIMAL.matcher(t).matches()) {
            throw new EInvoiceNotReadableException("not a decimal number at " + path(e) + ": " + Text.quote(t));
        }
        return new BigDecimal(t);
    }

    BigDecimal requiredDecimal(@Nullable Element parent, String ns, String local, String term) {
        BigDecimal d = decimal(parent, ns, local);
        if (d == null) {
            throw new EInvoiceNotReadableException("missing " + term + " (" + local + ") under "
                    + (parent == null ? "?" : path(parent)));
        }
        return d;
    }

    @Nullable LocalDate date(Element e, DateTimeFormatter format) {
        String t = text(e);
        if (t == null) {
            return null;
        }
        try {
            return LocalDate.parse(t, format);
        } catch (DateTimeParseException ex) {
            throw new EInvoiceNotReadableException("not a date at " + path(e) + ": " + Text.quote(t));
        }
    }

    /** An XPath-like location, e.g. {@code /Invoice/cac:InvoiceLine[2]/cbc:Note}. */
    String path(Node node) {
        List<String> steps = new ArrayList<>();
        for (Node n = node; n instanceof Element e; n = n.getParentNode()) {
            int index = 1;
            int same = 0;
            for (Node s = e.getParentNode() == null ? null : e.getParentNode().getFirstChild(); s != null;
                    s = s.getNextSibling()) {
                if (s instanceof Element se && se.getNodeName().equals(e.getNodeName())) {
                    same++;
                    if (se.isSameNode(e)) {
                        index = same;
                    }
                }
            }
            steps.add(0, e.getNodeName() + (same > 1 ? "[" + index + "]" : ""));
        }
        String path = "/" + String.join("/", steps);
        // element names have no length limit: the tail (the most specific part) is kept
        return path.length() <= MAX_PATH ? path : "…" + path.substring(path.length() - MAX_PATH + 1);
    }

    /** Longest location reported, in characters. */
    static final int MAX_PATH = 150;

    /**
     * One warning per top-most element the reader did not take, the first {@link #MAX_WARNINGS}
     * of them with their location, then one that counts the rest.
     */
    List<ReadWarning> warnings() {
        List<ReadWarning> warnings = new ArrayList<>();
        long[] more = {0};
        collect(root, warnings, more);
        if (more[0] > 0) {
            warnings.add(new ReadWarning(path(root), more[0] + " more elements not supported by the EN 16931 "
                    + "model; not read"));
        }
        return warnings;
    }

    /** Warnings listed one by one; a document with thousands of unknown elements gets a count for the rest. */
    static final int MAX_WARNINGS = 100;

    private void collect(Element e, List<ReadWarning> out, long[] more) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                if (seen.contains(child)) {
                    collect(child, out, more);
                } else if (out.size() < MAX_WARNINGS) {
                    out.add(new ReadWarning(path(child), "element not supported by the EN 16931 model; not read"));
                } else {
                    more[0]++;
                }
            }
        }
    }
}
