package dev.billops.integrations.caldav;

import dev.billops.spi.PluginException;

/**
 * A CalDAV request was answered with a status this client does not accept for it and that is
 * not worth retrying: the collection does not exist (404), a redirect (which is not followed, so
 * that credentials never travel to another URL), or the server refused the calendar data (e.g.
 * 400, 415). The message names the method, the URL and the status.
 */
public class CalDavRequestFailedException extends PluginException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final String url;
    private final int status;

    public CalDavRequestFailedException(String pluginId, String method, String url, int status, String problem) {
        super(pluginId, method + " " + url + " answered HTTP " + status + ": " + problem);
        this.method = method;
        this.url = url;
        this.status = status;
    }

    /** The HTTP method, e.g. {@code PUT}. */
    public String method() {
        return method;
    }

    /** The URL requested. */
    public String url() {
        return url;
    }

    /** The HTTP status answered. */
    public int status() {
        return status;
    }
}
