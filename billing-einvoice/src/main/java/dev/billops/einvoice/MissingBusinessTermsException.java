package dev.billops.einvoice;

import dev.billops.core.error.BillingException;
import java.util.List;
import java.util.Objects;

/**
 * An e-invoice lacks business terms that its profile requires; nothing was written. The message
 * and {@link #missing()} list them, e.g. {@code "BT-10 buyer reference"}.
 */
public final class MissingBusinessTermsException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final EInvoiceProfile profile;
    private final String invoiceNumber;
    private final List<String> missing;

    public MissingBusinessTermsException(EInvoiceProfile profile, String invoiceNumber, List<String> missing) {
        super("invoice " + invoiceNumber + " cannot be written as " + profile.title() + ", it lacks: "
                + String.join("; ", missing));
        this.profile = Objects.requireNonNull(profile, "profile");
        this.invoiceNumber = invoiceNumber;
        this.missing = List.copyOf(missing);
    }

    public EInvoiceProfile profile() {
        return profile;
    }

    public String invoiceNumber() {
        return invoiceNumber;
    }

    /** The missing terms, each its id and name, e.g. {@code "BT-49 buyer electronic address"}. */
    public List<String> missing() {
        return missing;
    }
}
