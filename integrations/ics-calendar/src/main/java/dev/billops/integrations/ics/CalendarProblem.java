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
}
