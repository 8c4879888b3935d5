package dev.billops.core.timeentry;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.TimeEntryId;

/** A time entry that cannot exist: non-positive or over-long duration, inconsistent rate or state. */
public final class InvalidTimeEntryException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final TimeEntryId entryId;

    public InvalidTimeEntryException(TimeEntryId entryId, String problem) {
        super("time entry " + entryId + " " + problem);
        this.entryId = entryId;
    }

    public TimeEntryId entryId() {
        return entryId;
    }
}
