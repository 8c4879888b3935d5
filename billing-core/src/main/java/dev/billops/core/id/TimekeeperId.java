package dev.billops.core.id;

/** Typed id of a timekeeper; see {@link Ids} for the accepted characters. */
public record TimekeeperId(String value) implements Comparable<TimekeeperId> {

    public TimekeeperId {
        Ids.check("timekeeper", value);
    }

    public static TimekeeperId of(String value) {
        return new TimekeeperId(value);
    }

    /** A new time-ordered random id. */
    public static TimekeeperId generate() {
        return new TimekeeperId(Ids.generate());
    }

    @Override
    public int compareTo(TimekeeperId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
