package dev.billops.core.id;

/** Typed id of a payment; see {@link Ids} for the accepted characters. */
public record PaymentId(String value) implements Comparable<PaymentId> {

    public PaymentId {
        Ids.check("payment", value);
    }

    public static PaymentId of(String value) {
        return new PaymentId(value);
    }

    /** A new time-ordered random id. */
    public static PaymentId generate() {
        return new PaymentId(Ids.generate());
    }

    @Override
    public int compareTo(PaymentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
