package dev.billops.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/** Runs the command line in this JVM and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BillOpsCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Fails with everything printed unless the exit code is {@code expected}. */
    CliRun expect(int expected) {
        if (exitCode != expected) {
            throw new AssertionError("exit code " + exitCode + " (expected " + expected + ")\n--- out:\n" + out
                    + "\n--- err:\n" + err);
        }
        return this;
    }

    static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
