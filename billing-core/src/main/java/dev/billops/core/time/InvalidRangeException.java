package dev.billops.core.time;

import dev.billops.core.error.InvalidInputException;
import java.util.Objects;

/**
 * A range or span ends before it starts (or, for a time span, does not end after it starts).
 *
 * <p>The message names both ends, e.g. {@code "range ends (2026-01-01) before it starts
 * (2026-02-01)"}; {@link #start()} and {@link #end()} give them as ISO-8601 text so a host can
 * point at the offending field without parsing the message.
 */
public final class InvalidRangeException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final String start;
    private final String end;

    /**
     * A date range whose end lies before its start: {@code "range ends (<end>) before it starts
     * (<start>)"}.
     *
     * @param start the given start, printed with {@code toString()}
     * @param end the given end, printed with {@code toString()}
     */
    public InvalidRangeException(Object start, Object end) {
        this("range ends (" + end + ") before it starts (" + start + ")", start, end);
    }

    /**
     * A range with the given message, which should name both ends.
     *
     * @param message what is wrong, naming both values
     * @param start the given start
     * @param end the given end
     */
    public InvalidRangeException(String message, Object start, Object end) {
        super(Objects.requireNonNull(message, "message"));
        this.start = String.valueOf(start);
        this.end = String.valueOf(end);
    }

    /** The start that was given, as text. */
    public String start() {
        return start;
    }

    /** The end that was given, as text. */
    public String end() {
        return end;
    }
}
