package dev.billops.core.id;

/** Typed id of a tenant; see {@link Ids} for the accepted characters. */
public record TenantId(String value) implements Comparable<TenantId> {

    public TenantId {
        Ids.check("tenant", value);
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    /** A new time-ordered random id. */
    public static TenantId generate() {
        return new TenantId(Ids.generate());
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
