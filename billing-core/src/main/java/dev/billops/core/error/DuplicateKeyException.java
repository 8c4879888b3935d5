package dev.billops.core.error;


/**
 * A write would break a uniqueness guarantee of the store (an id, an invoice number, a payment
 * idempotency key, an engagement's period). Stores throw it instead of their driver's exception.
 */
public class DuplicateKeyException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String key;

    public DuplicateKeyException(String kind, String key) {
        super(kind + " " + key + " already exists");
        this.kind = kind;
        this.key = key;
    }

    /** What is duplicated, e.g. {@code "invoice number"}. */
    public String kind() {
        return kind;
    }

    /** The duplicated key as text. */
    public String key() {
        return key;
    }
}
