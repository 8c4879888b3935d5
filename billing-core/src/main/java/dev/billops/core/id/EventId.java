package dev.billops.core.id;

/** Typed id of a event; see {@link Ids} for the accepted characters. */
public record EventId(String value) implements Comparable<EventId> {

    public EventId {
        Ids.check("event", value);
    }

    public static EventId of(String value) {
        return new EventId(value);
    }

    /** A new time-ordered random id. */
    public static EventId generate() {
        return new EventId(Ids.generate());
    }

    @Override
    public int compareTo(EventId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
