package dev.billops.examples.cli;

import dev.billops.core.error.BillingException;
import java.io.PrintWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * How the command line reports a failed command: one line, a stack trace only with
 * {@code --verbose}. Every line is made safe to print whatever the user typed: control
 * characters are escaped, a quoted value longer than {@value #MAX_QUOTED} characters is cut
 * (its length is given instead) and the whole line is at most {@value #MAX_LINE} characters.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    /** Characters of a quoted value shown before it is cut. */
    static final int MAX_QUOTED = 40;
    /** Characters of an error line, {@code error: } included. */
    static final int MAX_LINE = 280;

    private static final Pattern QUOTED = Pattern.compile("'([^']{" + (MAX_QUOTED + 1) + ",})'");

    private final boolean verbose;

    Errors(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText(line(describe(ex))));
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return BillOpsCli.EXIT_FAILED;
    }

    /** Bad arguments: one line naming the problem and where to look, exit status 2. */
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String help = "see 'billops" + (cmd.getParent() == null ? "" : " " + cmd.getCommandName()) + " --help'";
        err.println(cmd.getColorScheme().errorText(line(String.valueOf(ex.getMessage()) + "; " + help)));
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return BillOpsCli.EXIT_USAGE;
    }

    /**
     * An {@link Error} that escaped a command (the JVM ran out of memory or stack): one line,
     * exit status 1, instead of a thousand-line stack trace.
     */
    static int handleError(Error error, PrintWriter err, boolean verbose) {
        String what;
        if (error instanceof OutOfMemoryError) {
            what = "out of memory (" + error.getMessage() + "); give Java more heap, e.g. java -Xmx2g";
        } else if (error instanceof StackOverflowError) {
            what = "the input is nested too deeply to process (stack overflow)";
        } else {
            what = error.getClass().getSimpleName() + ": " + error.getMessage();
        }
        err.println(line(what));
        if (verbose) {
            error.printStackTrace(err);
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

    /** {@code error: <message>} as one printable line of at most {@value #MAX_LINE} characters. */
    static String line(String message) {
        Matcher m = QUOTED.matcher(message);
        StringBuilder capped = new StringBuilder();
        while (m.find()) {
            String value = m.group(1);
            m.appendReplacement(capped, Matcher.quoteReplacement("'" + prefix(value, MAX_QUOTED) + "...' ("
                    + value.length() + " characters)"));
        }
        m.appendTail(capped);
        String line = "error: " + printable(capped.toString());
        return line.length() <= MAX_LINE ? line : prefix(line, MAX_LINE - 3) + "...";
    }

    /** {@code s} with line breaks, other control characters and unpaired surrogates escaped as {@code \\uXXXX}. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), 4 * MAX_LINE));
        for (int i = 0; i < s.length() && out.length() < 4 * MAX_LINE; i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The first {@code max} characters of {@code s}, not cutting a surrogate pair in two. */
    private static String prefix(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
