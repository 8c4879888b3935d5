package dev.billops.bank;

import dev.billops.core.error.BillingException;
import dev.billops.core.error.Text;

/**
 * A bank statement file cannot be read: it is malformed, too large or too deep, declares a DTD
 * or entities, or a value in it is not what its format allows. The message names the format,
 * where (line, element or field) and the value (shortened; the message stays under about 300
 * characters whatever the file holds); {@link #location()} and
 * {@link #value()} carry them for a host.
 */
public class InvalidBankStatementException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final String format;
    private final String location;
    private final String value;

    public InvalidBankStatementException(String format, String location, String value, String problem) {
        super(message(format, location, value, problem));
        this.format = format;
        this.location = location;
        this.value = value;
    }

    public InvalidBankStatementException(String format, String location, String value, String problem,
            Throwable cause) {
        super(message(format, location, value, problem), cause);
        this.format = format;
        this.location = location;
        this.value = value;
    }

    /** At most about 300 characters whatever the file holds: the value quoted short, the rest cut. */
    private static String message(String format, String location, String value, String problem) {
        return Text.fit(format, 40) + ": " + Text.fit(location, 80) + ": "
                + (value.isEmpty() ? "" : Text.quote(value) + " ") + Text.fit(problem, 160);
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
