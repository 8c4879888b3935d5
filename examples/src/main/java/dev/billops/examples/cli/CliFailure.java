package dev.billops.examples.cli;

/**
 * Something the user can fix went wrong (a missing file, an unreachable database, an unknown
 * invoice number): printed as one line, without a stack trace unless {@code --verbose}.
 */
final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CliFailure(String message) {
        super(message);
    }

    CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
