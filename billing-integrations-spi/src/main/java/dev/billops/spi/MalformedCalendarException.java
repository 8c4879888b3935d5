package dev.billops.spi;

import dev.billops.core.error.BillingException;

/** A calendar could not be read (not RFC 5545, a broken property, an unknown time zone); nothing is imported from it. */
public class MalformedCalendarException extends BillingException {

    private static final long serialVersionUID = 1L;

    /** The longest message: a refusal is one line on a terminal or in a log, never the calendar's text. */
    public static final int MAX_MESSAGE = 280;

    private final String source;

    public MalformedCalendarException(String source, String problem, Throwable cause) {
        super(message(source, problem), cause);
        this.source = source;
    }

    public MalformedCalendarException(String source, String problem) {
        super(message(source, problem));
        this.source = source;
    }

    /** At most {@value #MAX_MESSAGE} characters, however long the source name or the problem's quotes. */
    private static String message(String source, String problem) {
        String shownSource = source.length() > 80 ? source.substring(0, 40) + "…" + source.substring(source.length() - 39)
                : source;
        String message = "calendar " + shownSource + " is malformed: " + problem;
        if (message.length() <= MAX_MESSAGE) {
            return message;
        }
        int cut = Character.isHighSurrogate(message.charAt(MAX_MESSAGE - 2)) ? MAX_MESSAGE - 2 : MAX_MESSAGE - 1;
        return message.substring(0, cut) + "…";
    }

    /** The file, URL or name of the calendar. */
    public String source() {
        return source;
    }
}
