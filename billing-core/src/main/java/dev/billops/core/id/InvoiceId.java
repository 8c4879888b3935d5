package dev.billops.core.id;

/** Typed id of a invoice; see {@link Ids} for the accepted characters. */
public record InvoiceId(String value) implements Comparable<InvoiceId> {

    public InvoiceId {
        Ids.check("invoice", value);
    }

    public static InvoiceId of(String value) {
        return new InvoiceId(value);
    }

    /** A new time-ordered random id. */
    public static InvoiceId generate() {
        return new InvoiceId(Ids.generate());
    }

    @Override
    public int compareTo(InvoiceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
