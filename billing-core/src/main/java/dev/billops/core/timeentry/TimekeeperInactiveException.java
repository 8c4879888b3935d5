package dev.billops.core.timeentry;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.TimekeeperId;

/** Time was logged for a timekeeper who is not active. Nothing was stored. */
public final class TimekeeperInactiveException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final TimekeeperId timekeeperId;

    public TimekeeperInactiveException(TimekeeperId timekeeperId) {
        super("timekeeper " + timekeeperId + " is inactive and cannot log time");
        this.timekeeperId = timekeeperId;
    }

    public TimekeeperId timekeeperId() {
        return timekeeperId;
    }
}
