package dev.billops.core.id;

/** Typed id of a engagement; see {@link Ids} for the accepted characters. */
public record EngagementId(String value) implements Comparable<EngagementId> {

    public EngagementId {
        Ids.check("engagement", value);
    }

    public static EngagementId of(String value) {
        return new EngagementId(value);
    }

    /** A new time-ordered random id. */
    public static EngagementId generate() {
        return new EngagementId(Ids.generate());
    }

    @Override
    public int compareTo(EngagementId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
