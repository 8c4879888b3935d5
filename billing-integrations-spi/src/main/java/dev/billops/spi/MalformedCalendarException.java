package dev.billops.spi;

import dev.billops.core.error.BillingException;

/** A calendar could not be read (not RFC 5545, a broken property, an unknown time zone); nothing is imported from it. */
public class MalformedCalendarException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final String source;

    public MalformedCalendarException(String source, String problem, Throwable cause) {
        super("calendar " + source + " is malformed: " + problem, cause);
        this.source = source;
    }

    public MalformedCalendarException(String source, String problem) {
        super("calendar " + source + " is malformed: " + problem);
        this.source = source;
    }

    /** The file, URL or name of the calendar. */
    public String source() {
        return source;
    }
}
