package dev.billops.core.error;

/** Something referenced by id does not exist in the current tenant. Carries the id as text. */
public class NotFoundException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id) {
        super(kind + " " + id + " does not exist");
        this.kind = kind;
        this.id = id;
    }

    /** What was looked up, e.g. {@code "invoice"}. */
    public String kind() {
        return kind;
    }

    /** The id that was not found. */
    public String id() {
        return id;
    }
}
