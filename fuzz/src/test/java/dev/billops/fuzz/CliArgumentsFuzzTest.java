package dev.billops.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.billops.examples.cli.BillOpsCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The {@code billops} argument parsing (options, dates, enums, numbers, paths) with hostile
 * argument lists: one argument per line of the input. Parsing only; no command is run.
 */
class CliArgumentsFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void parseArgs_anyArguments_parsedOrUsageError(byte[] input) {
        String[] args = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        CommandLine cli = BillOpsCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                false);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            // picocli's usage error: the command line answers it with exit status 2 and the message
            if (e.getMessage() == null) {
                throw new AssertionError("usage error without a message", e);
            }
        } catch (RuntimeException e) {
            Outcomes.refusedOrRethrow(e);
        }
    }
}
