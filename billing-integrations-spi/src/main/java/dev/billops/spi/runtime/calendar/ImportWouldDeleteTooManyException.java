package dev.billops.spi.runtime.calendar;

import dev.billops.core.error.BillingException;

/**
 * A calendar import would delete more than a small share of the entries it found from its source
 * in the range ({@link CalendarImport#MASS_DELETE_MIN} entries and {@link CalendarImport#MASS_DELETE_PERCENT}
 * percent): usually the wrong file or a truncated export. Nothing was imported; repeat with
 * {@link CalendarImport#allowingMassDelete()} if the events really went away.
 */
public class ImportWouldDeleteTooManyException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final int wouldDelete;
    private final int found;

    public ImportWouldDeleteTooManyException(String source, int wouldDelete, int found) {
        super("calendar import from " + source + " would delete " + wouldDelete + " of the " + found
                + " entries it found in the range (their events are gone); nothing was imported");
        this.wouldDelete = wouldDelete;
        this.found = found;
    }

    /** How many open entries the import would have deleted. */
    public int wouldDelete() {
        return wouldDelete;
    }

    /** How many imported entries of the source it found in the range. */
    public int found() {
        return found;
    }
}
