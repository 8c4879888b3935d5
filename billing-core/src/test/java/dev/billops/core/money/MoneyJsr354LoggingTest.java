package dev.billops.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;

/**
 * moneta's {@code Money} prints "Using custom MathContext" through java.util.logging (INFO, to the
 * console by default) the first time its class initializes. A host converting our amounts to JSR 354
 * must not get that line. Checked in a fresh JVM, since the line is printed once per JVM.
 */
class MoneyJsr354LoggingTest {

    @Test
    void toMonetaryAmount_inAFreshJvm_printsNothingToTheConsole() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HostMain.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), output);
        assertFalse(output.contains("MathContext"), () -> "moneta logged to the console: " + output);
        assertEquals("EUR 12.50 / JPY 1200 / BHD -0.125", output.strip());
    }

    @Test
    void toMonetaryAmount_largestAmount_convertsExactlyAndBack() {
        Money largest = Money.of(Currencies.of("EUR"), Money.MAX_ABS.subtract(new java.math.BigDecimal("0.01")));
        MonetaryAmount jsr = largest.toMonetaryAmount();
        assertEquals(largest, Money.from(jsr));
        Money typical = Money.of("EUR", "-92233720368546.99");
        assertEquals(typical, Money.from(typical.toMonetaryAmount()));
    }

    /** A host's start-up: converts a few amounts and prints them. */
    public static final class HostMain {
        public static void main(String[] args) throws IOException {
            MonetaryAmount eur = Money.of("EUR", "12.50").toMonetaryAmount();
            MonetaryAmount jpy = Money.of("JPY", "1200").toMonetaryAmount();
            MonetaryAmount bhd = Money.of("BHD", "-0.125").toMonetaryAmount();
            System.out.println(Money.from(eur) + " / " + Money.from(jpy) + " / " + Money.from(bhd));
        }
    }
}
