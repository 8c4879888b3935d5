package dev.billops.testkit.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import dev.billops.core.invoice.Invoice;
import dev.billops.testkit.gen.DomainGens;
import dev.billops.testkit.gen.MoneyGens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Seeds reported also on success, per-property replay, and label statistics. */
@Isolated
class PropertyReportingTest {

    @Test
    void verify_passingProperty_printsAndReturnsItsNameAndSeed() {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PropertyReport report;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            report = Property.forAll(Gen.ints(0, 10)).seed(77L).tries(30).verify(x -> { });
        } finally {
            System.setOut(out);
        }
        String name = "PropertyReportingTest.verify_passingProperty_printsAndReturnsItsNameAndSeed";
        assertEquals(name, report.name());
        assertEquals(77L, report.seed());
        assertEquals(30, report.tries());
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("property " + name + ": 30 tries passed (seed 77; replay with -Dbillops.seed."
                + name + "=77)"), printed);
    }

    @Test
    void seed_perPropertySystemProperty_replaysThatPropertyOnly() {
        List<Integer> first = new ArrayList<>();
        AssertionError failure = assertThrows(AssertionError.class, () -> Property.forAll(Gen.ints(0, 1_000_000))
                .named("replay-me").check(x -> first.add(x) && x < 100));
        long reported = Long.parseLong(failure.getMessage().replaceAll("(?s).*-Dbillops\\.seed\\.replay-me=(-?\\d+).*",
                "$1"));
        String key = Property.SEED_PROPERTY + ".replay-me";
        System.setProperty(key, Long.toString(reported));
        try {
            List<Integer> again = new ArrayList<>();
            assertThrows(AssertionError.class, () -> Property.forAll(Gen.ints(0, 1_000_000)).named("replay-me")
                    .check(x -> again.add(x) && x < 100));
            assertEquals(first, again, "the replayed run draws the same values and shrinks the same way");
            PropertyReport other = Property.forAll(Gen.ints(0, 10)).named("another-property").tries(5).verify(x -> { });
            assertNotEquals(reported, other.seed(), "another property kept its own seed");
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void label_generatedInvoices_reportsTheShareOfEachCurrency() {
        PropertyReport report = Property.forAll(MoneyGens.currencies()
                        .flatMap(currency -> DomainGens.draftInvoices(ClientId.of("c"), currency)))
                .seed(5L).tries(200)
                .label("currency", (Invoice invoice) -> invoice.currency().getCurrencyCode())
                .label("lines", (Invoice invoice) -> invoice.lines().size() > 2 ? "3+" : "1-2")
                .verify(invoice -> { });
        Map<String, Integer> currencies = report.statistics().get("currency");
        assertEquals(200, currencies.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(currencies.containsKey("JPY"), currencies.toString());
        assertTrue(report.share("currency", "JPY") > 0 && report.share("currency", "JPY") < 1, report.toString());
        assertEquals(200, report.statistics().get("lines").values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(report.toString().contains("  currency:"), report.toString());
        assertTrue(report.toString().matches("(?s).*\\d+\\.\\d\\d %  JPY \\(\\d+\\).*"), report.toString());
    }

    @Test
    void named_badName_refused() {
        assertThrows(IllegalArgumentException.class, () -> Property.forAll(Gen.ints(0, 1)).named("has space"));
    }
}
