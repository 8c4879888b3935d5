package dev.billops.examples.cli;

import dev.billops.core.error.BillingException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** How the command line reports a failed command: one line, a stack trace only with {@code --verbose}. */
final class Errors implements CommandLine.IExecutionExceptionHandler {

    private final boolean verbose;

    Errors(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText("error: " + describe(ex)));
        if (verbose) {
            ex.printStackTrace(err);
        } else if (!(ex instanceof CliFailure) && !(ex instanceof BillingException)) {
            err.println("(run with --verbose for the stack trace)");
        }
        err.flush();
        return BillOpsCli.EXIT_FAILED;
    }

    /** The message a user sees for {@code ex}. */
    static String describe(Throwable ex) {
        if (ex instanceof CliFailure || ex instanceof BillingException) {
            return String.valueOf(ex.getMessage());
        }
        return ex.getClass().getSimpleName() + ": " + rootMessage(ex);
    }

    /** The message of the innermost cause that has one (drivers wrap the useful part deep inside). */
    static String rootMessage(Throwable ex) {
        String message = ex.getMessage();
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? ex.getClass().getSimpleName() : message.strip();
    }
}
