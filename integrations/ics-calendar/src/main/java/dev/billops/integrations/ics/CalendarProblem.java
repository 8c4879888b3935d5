package dev.billops.integrations.ics;

/**
 * A problem found while interpreting one calendar, before the source's name is attached;
 * {@link IcsCalendarSource} turns it into a {@link dev.billops.spi.MalformedCalendarException}.
 * Never leaves this package.
 */
final class CalendarProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CalendarProblem(String message) {
        super(message);
    }

    CalendarProblem(String message, Throwable cause) {
        super(message, cause);
    }

    /** A value as quoted in a message: at most 60 characters, control characters as '?'. */
    static String shown(String value) {
        String v = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return v.replaceAll("\\p{Cntrl}", "?");
    }
}
