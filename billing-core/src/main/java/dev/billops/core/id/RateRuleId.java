package dev.billops.core.id;

/** Typed id of a rate rule; see {@link Ids} for the accepted characters. */
public record RateRuleId(String value) implements Comparable<RateRuleId> {

    public RateRuleId {
        Ids.check("rate rule", value);
    }

    public static RateRuleId of(String value) {
        return new RateRuleId(value);
    }

    /** A new time-ordered random id. */
    public static RateRuleId generate() {
        return new RateRuleId(Ids.generate());
    }

    @Override
    public int compareTo(RateRuleId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
