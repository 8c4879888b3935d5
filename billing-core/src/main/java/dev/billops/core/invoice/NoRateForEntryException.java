package dev.billops.core.invoice;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.rate.RateQuery;
import java.util.Objects;

/**
 * A billable time entry has no explicit rate and no rate rule matches it on its date. Nothing
 * was generated or stored; add a rule (or an explicit rate) and generate again.
 */
public final class NoRateForEntryException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final TimeEntryId entryId;
    private final transient RateQuery query;

    public NoRateForEntryException(TimeEntryId entryId, RateQuery query) {
        super("no rate for time entry " + Objects.requireNonNull(entryId, "entryId") + ": no rate rule matches client "
                + query.clientId() + ", project " + query.projectId() + ", timekeeper " + query.timekeeperId()
                + ", activity " + (query.activityId() == null ? "(none)" : query.activityId()) + " on "
                + query.date() + ", and the entry has no explicit rate");
        this.entryId = entryId;
        this.query = query;
    }

    /** The entry that could not be priced. */
    public TimeEntryId entryId() {
        return entryId;
    }

    /** What was looked up. */
    public RateQuery query() {
        return query;
    }
}
