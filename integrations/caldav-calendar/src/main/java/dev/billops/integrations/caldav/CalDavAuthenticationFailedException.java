package dev.billops.integrations.caldav;

import dev.billops.spi.PluginException;

/**
 * The CalDAV server refused the configured credentials (HTTP 401) or denied the user access to
 * the collection (HTTP 403). Not retried: the configuration has to change. The message names the
 * user and the URL, never the password.
 */
public class CalDavAuthenticationFailedException extends PluginException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String username;

    public CalDavAuthenticationFailedException(String pluginId, String username, String url, int status) {
        super(pluginId, (status == 401 ? "CalDAV server refused the credentials of user '" + username + "'"
                : "CalDAV server denied user '" + username + "' access") + " to " + url + " (HTTP " + status + ")");
        this.status = status;
        this.username = username;
    }

    /** The HTTP status, 401 or 403. */
    public int status() {
        return status;
    }

    /** The user whose credentials were refused. */
    public String username() {
        return username;
    }
}
