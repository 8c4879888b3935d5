package dev.billops.archfixture.logging;

/** Fixture: logs with System.out, which the rule forbids. */
public class PrintsToStdout {
    public void log(String message) {
        System.out.println(message);
    }
}
