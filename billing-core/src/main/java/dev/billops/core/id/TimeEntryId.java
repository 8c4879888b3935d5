package dev.billops.core.id;

/** Typed id of a time entry; see {@link Ids} for the accepted characters. */
public record TimeEntryId(String value) implements Comparable<TimeEntryId> {

    public TimeEntryId {
        Ids.check("time entry", value);
    }

    public static TimeEntryId of(String value) {
        return new TimeEntryId(value);
    }

    /** A new time-ordered random id. */
    public static TimeEntryId generate() {
        return new TimeEntryId(Ids.generate());
    }

    @Override
    public int compareTo(TimeEntryId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
