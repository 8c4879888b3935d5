package dev.billops.examples.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code billops} command line, the project's main job:
 *
 * <pre>
 * billops demo [--out DIR] [--db URL] [--seed N]
 * billops package-invoices --date YYYY-MM-DD [--tenant ID] [--engagement ID] [--dry-run] [--format text|json]
 * billops invoice-pdf --number NUMBER --out FILE [--tenant ID]
 * billops aging [--date YYYY-MM-DD] [--tenant ID]
 * billops import-ics FILE --timekeeper ID [--tenant ID] [--from D] [--to D] [--source ID] [--allow-mass-delete]
 * billops einvoice --number NUMBER --profile xrechnung-ubl|xrechnung-cii|peppol|en16931-ubl|en16931-cii|facturx --out FILE
 * billops einvoice-validate FILE
 * </pre>
 *
 * Every command works on the embedded H2 database in {@code ./billops-data} unless {@code --db}
 * names another (PostgreSQL or H2). Exit status: 0 done, 1 failed (or a package run with failed
 * engagements), 2 bad arguments. Errors are one line on standard error, at most 280 characters
 * with long values cut; {@code --verbose} adds the stack trace and the library's log, which is
 * silent otherwise.
 */
@Command(name = "billops", mixinStandardHelpOptions = true, version = "BillOps examples 0.1.0",
        description = "BillOps on the command line: a demo consultancy, package invoices, PDFs, AR aging, ICS import, e-invoices.",
        subcommands = {DemoCommand.class, PackageInvoicesCommand.class, InvoicePdfCommand.class, AgingCommand.class,
            ImportIcsCommand.class, EInvoiceCommand.class, EInvoiceValidateCommand.class, CommandLine.HelpCommand.class})
public final class BillOpsCli implements Runnable {

    /** Exit status of a command that did its work. */
    public static final int EXIT_OK = 0;
    /** Exit status of a command that failed, or of a package run in which an engagement failed. */
    public static final int EXIT_FAILED = 1;
    /** Exit status for arguments the command does not accept. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: demo, package-invoices, "
                + "invoice-pdf, aging, import-ics, einvoice or einvoice-validate");
    }

    /** The command line, printing to {@code out} and {@code err}; {@code verbose} shows stack traces. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean verbose) {
        CommandLine cli = new CommandLine(new BillOpsCli());
        cli.setOut(out);
        cli.setErr(err);
        Errors errors = new Errors(verbose);
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // "@name" is an argument (a tenant id, a file name), never a file of further arguments to read
        cli.setExpandAtFiles(false);
        return cli;
    }

    /** Runs {@code args} and returns the exit status, printing to {@code out} and {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean verbose = isVerbose(Arrays.asList(args));
        return execute(commandLine(out, err, verbose), verbose, args);
    }

    /** Runs {@code args} on {@code cli}; an OutOfMemoryError or StackOverflowError becomes a one-line error. */
    static int execute(CommandLine cli, boolean verbose, String... args) {
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            return Errors.handleError(e, cli.getErr(), verbose);
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }

    static boolean isVerbose(List<String> args) {
        return args.contains("--verbose") || args.contains("-v");
    }

    /**
     * Runs the command line. Returns normally on success, so that {@code mvn exec:java} ends the
     * build by itself; exits the JVM with the status otherwise.
     */
    public static void main(String[] args) {
        if (isVerbose(Arrays.asList(args))) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        int status = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        if (status != EXIT_OK) {
            System.exit(status);
        }
    }
}
