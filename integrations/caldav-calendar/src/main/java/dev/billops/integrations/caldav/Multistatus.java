package dev.billops.integrations.caldav;

import dev.billops.integrations.caldav.CalDavResponseRefusedException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Parses a WebDAV multistatus (RFC 4918 section 13) safely: a document with a DOCTYPE is refused
 * by the parser itself (so no entity is ever expanded and nothing external is fetched), XInclude
 * is off, and the JDK's secure-processing limits apply.
 */
final class Multistatus {

    private static final DocumentBuilderFactory FACTORY = factory();

    private Multistatus() {
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required safety feature", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    /**
     * The responses of {@code body}, hrefs resolved against {@code base}.
     *
     * @throws CalDavResponseRefusedException if the XML has a DTD, is not well formed or is not a multistatus
     */
    static List<DavResource> parse(String pluginId, URI base, byte[] body) {
        Document doc;
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(null);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            doc = builder.parse(new InputSource(new ByteArrayInputStream(body)));
        } catch (SAXException e) {
            if (hasDoctype(body)) {
                throw new CalDavResponseRefusedException(pluginId, base.toString(), Reason.UNSAFE_XML,
                        "the XML declares a DTD (DTDs and external entities are not accepted)");
            }
            throw new CalDavResponseRefusedException(pluginId, base.toString(), Reason.MALFORMED_XML,
                    "not well-formed XML (" + shorten(e.getMessage()) + ")");
        } catch (IOException | ParserConfigurationException e) {
            throw new CalDavResponseRefusedException(pluginId, base.toString(), Reason.MALFORMED_XML,
                    "the XML cannot be read (" + shorten(e.getMessage()) + ")");
        }
        Element root = doc.getDocumentElement();
        if (!is(root, DavResource.DAV, "multistatus")) {
            throw new CalDavResponseRefusedException(pluginId, base.toString(), Reason.MALFORMED_XML,
                    "the XML is not a DAV:multistatus but " + shorten(qualified(root)));
        }
        List<DavResource> out = new ArrayList<>();
        for (Element response : children(root, DavResource.DAV, "response")) {
            out.add(response(pluginId, base, response));
        }
        return out;
    }

    private static DavResource response(String pluginId, URI base, Element response) {
        Element hrefElement = first(response, DavResource.DAV, "href");
        if (hrefElement == null) {
            throw new CalDavResponseRefusedException(pluginId, base.toString(), Reason.MALFORMED_XML,
                    "a DAV:response has no DAV:href");
        }
        URI href;
        try {
            href = base.resolve(URI.create(hrefElement.getTextContent().trim()));
        } catch (IllegalArgumentException e) {
            throw new CalDavResponseRefusedException(pluginId, base.toString(), Reason.MALFORMED_XML,
                    "a DAV:href is not a URI: " + shorten(hrefElement.getTextContent()));
        }
        int status = statusOf(first(response, DavResource.DAV, "status"));
        String etag = null;
        String data = null;
        Set<String> types = new HashSet<>();
        for (Element propstat : children(response, DavResource.DAV, "propstat")) {
            int propStatus = statusOf(first(propstat, DavResource.DAV, "status"));
            if (propStatus != 200) {
                continue;
            }
            status = 200;
            Element prop = first(propstat, DavResource.DAV, "prop");
            if (prop == null) {
                continue;
            }
            Element e = first(prop, DavResource.DAV, "getetag");
            if (e != null && !e.getTextContent().isBlank()) {
                etag = e.getTextContent().trim();
            }
            Element c = first(prop, DavResource.CALDAV, "calendar-data");
            if (c != null) {
                data = c.getTextContent();
            }
            Element t = first(prop, DavResource.DAV, "resourcetype");
            if (t != null) {
                for (Node n = t.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element el) {
                        types.add(qualified(el));
                    }
                }
            }
        }
        return new DavResource(href, status, etag, data, types);
    }

    /** The code of a {@code DAV:status} such as {@code HTTP/1.1 200 OK}; 0 when absent or unreadable. */
    private static int statusOf(@Nullable Element status) {
        if (status == null) {
            return 0;
        }
        String[] parts = status.getTextContent().trim().split("\\s+");
        if (parts.length < 2) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean hasDoctype(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
        if (text.contains("<!DOCTYPE")) {
            return true;
        }
        // a UTF-16 document
        return new String(body, StandardCharsets.UTF_16).toUpperCase(Locale.ROOT).contains("<!DOCTYPE");
    }

    private static boolean is(Node n, String namespace, String local) {
        return namespace.equals(n.getNamespaceURI()) && local.equals(n.getLocalName());
    }

    private static String qualified(Element e) {
        return "{" + (e.getNamespaceURI() == null ? "" : e.getNamespaceURI()) + "}" + e.getLocalName();
    }

    private static @Nullable Element first(Element parent, String namespace, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && is(e, namespace, local)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String namespace, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && is(e, namespace, local)) {
                out.add(e);
            }
        }
        return out;
    }

    /** At most 120 characters of a parser message, control characters shown as '?'. */
    static String shorten(@Nullable String s) {
        if (s == null) {
            return "no detail";
        }
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 120 ? clean : clean.substring(0, 119) + "…";
    }
}
