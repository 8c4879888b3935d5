package dev.billops.core.id;

/** Typed id of a client; see {@link Ids} for the accepted characters. */
public record ClientId(String value) implements Comparable<ClientId> {

    public ClientId {
        Ids.check("client", value);
    }

    public static ClientId of(String value) {
        return new ClientId(value);
    }

    /** A new time-ordered random id. */
    public static ClientId generate() {
        return new ClientId(Ids.generate());
    }

    @Override
    public int compareTo(ClientId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
