package dev.billops.integrations.s3store;

import dev.billops.core.error.InvalidInputException;
import java.time.Duration;

/** A presigned URL was asked for with an expiry below one second or above the store's maximum. */
public class PresignExpiryOutOfRangeException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final Duration requested;
    private final Duration maximum;

    public PresignExpiryOutOfRangeException(Duration requested, Duration maximum) {
        super("presigned URL expiry " + requested + " is outside 1 second to " + maximum);
        this.requested = requested;
        this.maximum = maximum;
    }

    public Duration requested() {
        return requested;
    }

    public Duration maximum() {
        return maximum;
    }
}
