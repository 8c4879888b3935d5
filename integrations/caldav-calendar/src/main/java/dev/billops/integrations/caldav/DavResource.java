package dev.billops.integrations.caldav;

import java.net.URI;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One {@code DAV:response} of a multistatus: the resource, its status, and the properties that
 * came back with status 200.
 *
 * @param href the resource, resolved against the request URL
 * @param status the HTTP status of the found properties (or of the response as a whole)
 * @param etag the {@code DAV:getetag}, or null
 * @param calendarData the {@code C:calendar-data}, or null
 * @param resourceTypes the names of the {@code DAV:resourcetype} children as {@code {namespace}local}
 */
record DavResource(URI href, int status, @Nullable String etag, @Nullable String calendarData,
        Set<String> resourceTypes) {

    static final String DAV = "DAV:";
    static final String CALDAV = "urn:ietf:params:xml:ns:caldav";

    DavResource {
        resourceTypes = Set.copyOf(resourceTypes);
    }

    boolean isCalendar() {
        return resourceTypes.contains("{" + CALDAV + "}calendar");
    }
}
