package dev.billops.bank;

import dev.billops.core.error.BillingException;
import dev.billops.core.error.Text;

/**
 * A bank statement file cannot be read: it is malformed, too large or too deep, declares a DTD
 * or entities, or a value in it is not what its format allows. The message names the format,
 * where (line, element or field) and the value (shortened); {@link #location()} and
 * {@link #value()} carry them for a host.
 */
public class InvalidBankStatementException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final String format;
    private final String location;
    private final String value;

    public InvalidBankStatementException(String format, String location, String value, String problem) {
        super(format + ": " + location + ": " + (value.isEmpty() ? "" : Text.quote(value) + " ") + problem);
        this.format = format;
        this.location = location;
        this.value = value;
    }

    public InvalidBankStatementException(String format, String location, String value, String problem,
            Throwable cause) {
        super(format + ": " + location + ": " + (value.isEmpty() ? "" : Text.quote(value) + " ") + problem, cause);
        this.format = format;
        this.location = location;
        this.value = value;
    }

    /** The format being read, e.g. {@code camt.053}, {@code MT940}, {@code CSV}. */
    public String format() {
        return format;
    }

    /** Where in the file: {@code line 12}, {@code line 40, element Ntry/Amt}. */
    public String location() {
        return location;
    }

    /** The offending value as found (empty when the problem is the file's shape). */
    public String value() {
        return value;
    }
}
