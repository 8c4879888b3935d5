package dev.billops.integrations.caldav;

import dev.billops.spi.PluginException;
import java.util.Objects;

/**
 * A CalDAV server's response was refused unread or unused because it cannot be trusted: larger
 * than the configured bound, XML with a DTD (the parser refuses DTDs and external entities), XML
 * that is not well formed or not a multistatus, or a content type that is not XML. Nothing was
 * written or imported because of it. The message names the URL and what was wrong, never the
 * response's content.
 */
public class CalDavResponseRefusedException extends PluginException {

    private static final long serialVersionUID = 1L;

    /** Why a response was refused. */
    public enum Reason {
        /** The body (or its declared Content-Length) is larger than the configured maximum. */
        TOO_LARGE,
        /** The XML declares a DTD: refused before any entity could be expanded or fetched. */
        UNSAFE_XML,
        /** The body is not well-formed XML, or not the DAV multistatus that was asked for. */
        MALFORMED_XML,
        /** The Content-Type is not the one the request asks for (XML for multistatus). */
        WRONG_CONTENT_TYPE
    }

    private final Reason reason;
    private final String url;

    public CalDavResponseRefusedException(String pluginId, String url, Reason reason, String problem) {
        super(pluginId, "response of " + url + " refused: " + problem);
        this.url = url;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the response was refused. */
    public Reason reason() {
        return reason;
    }

    /** The URL whose response was refused. */
    public String url() {
        return url;
    }
}
