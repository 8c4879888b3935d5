package dev.billops.core.id;

/** Typed id of a activity; see {@link Ids} for the accepted characters. */
public record ActivityId(String value) implements Comparable<ActivityId> {

    public ActivityId {
        Ids.check("activity", value);
    }

    public static ActivityId of(String value) {
        return new ActivityId(value);
    }

    /** A new time-ordered random id. */
    public static ActivityId generate() {
        return new ActivityId(Ids.generate());
    }

    @Override
    public int compareTo(ActivityId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
