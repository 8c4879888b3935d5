package dev.billops.einvoice.validation;

/** How serious a finding is: ERROR and FATAL make a document invalid. */
public enum Severity {
    /** The document could not be checked further (e.g. schema violation). */
    FATAL,
    /** A rule that must hold is broken. */
    ERROR,
    /** A rule that should hold is broken. */
    WARNING,
    /** Information. */
    INFO;

    /** Whether this severity makes a document invalid. */
    public boolean isError() {
        return this == FATAL || this == ERROR;
    }
}
