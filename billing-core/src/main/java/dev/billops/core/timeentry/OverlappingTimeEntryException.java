package dev.billops.core.timeentry;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.TimeEntryId;
import java.util.List;
import java.util.Objects;

/**
 * A time entry overlaps another entry of the same timekeeper and the overlap policy is
 * {@link OverlapPolicy#REJECT}. Nothing was stored. {@link #overlaps()} lists every overlap found.
 */
public final class OverlappingTimeEntryException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final transient List<Overlap> overlaps;

    public OverlappingTimeEntryException(List<Overlap> overlaps) {
        super(message(overlaps));
        this.overlaps = List.copyOf(overlaps);
    }

    private static String message(List<Overlap> overlaps) {
        Objects.requireNonNull(overlaps, "overlaps");
        if (overlaps.isEmpty()) {
            throw new IllegalArgumentException("no overlaps");
        }
        Overlap first = overlaps.get(0);
        return "time entry " + first.entryId() + " of timekeeper " + first.timekeeperId() + " overlaps time entry "
                + first.otherId() + (overlaps.size() > 1 ? " (and " + (overlaps.size() - 1) + " more overlaps)" : "");
    }

    /** Every overlap found, the first one named in the message. */
    public List<Overlap> overlaps() {
        return overlaps;
    }

    /** The entry named first in the message. */
    public TimeEntryId entryId() {
        return overlaps.get(0).entryId();
    }
}
