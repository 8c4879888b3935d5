package dev.billops.core.numbering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberPatternTest {

    private static final ClientId ACME = ClientId.of("acme");
    private static final LocalDate NOV_5 = LocalDate.of(2026, 11, 5);

    @Test
    void format_defaultPattern_prefixYearPaddedSequence() {
        assertEquals("INV-2026-00042", NumberPattern.of("{prefix}-{yyyy}-{seq:5}").format("INV", "INV", NOV_5, ACME, 42));
    }

    @Test
    void format_everyPlaceholder_substituted() {
        NumberPattern p = NumberPattern.of("{series}/{yy}{mm}/{client}/{seq}");
        assertEquals("CN/2611/acme/7", p.format("X", "CN", NOV_5, ACME, 7));
        assertTrue(p.hasYear());
        assertTrue(p.hasMonth());
        assertTrue(p.hasClient());
    }

    @Test
    void format_sequenceWiderThanPadding_notTruncated() {
        assertEquals("R-123456", NumberPattern.of("R-{seq:3}").format("", "R", NOV_5, ACME, 123456));
    }

    @Test
    void format_yearBefore1000_paddedToFourDigits() {
        assertEquals("0999-01", NumberPattern.of("{yyyy}-{seq:2}").format("", "", LocalDate.of(999, 1, 1), ACME, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "INV-{yyyy}", "{seq}-{seq}", "{seq:0}", "{seq:13}", "{seq:x}", "{year}-{seq}",
            "{seq", "seq}", "A{{seq}}"})
    void of_invalidPattern_throwsInvalidNumberPattern(String text) {
        InvalidNumberPatternException e = assertThrows(InvalidNumberPatternException.class, () -> NumberPattern.of(text));
        assertEquals(text, e.pattern());
    }

    @Test
    void seriesNumbering_yearlyResetWithoutYear_rejected() {
        assertThrows(InvalidNumberPatternException.class,
                () -> SeriesNumbering.of("INV-{seq:5}", "INV").withReset(CounterReset.YEARLY));
    }

    @Test
    void seriesNumbering_monthlyResetWithoutMonth_rejected() {
        assertThrows(InvalidNumberPatternException.class,
                () -> SeriesNumbering.of("INV-{yyyy}-{seq:5}", "INV").withReset(CounterReset.MONTHLY));
    }

    @Test
    void seriesNumbering_perClientWithoutClient_rejected() {
        assertThrows(InvalidNumberPatternException.class,
                () -> SeriesNumbering.of("INV-{seq:5}", "INV").withPerClientCounters(true));
    }

    @Test
    void periodKey_byResetAndClient() {
        SeriesNumbering never = SeriesNumbering.of("{client}-{yyyy}{mm}-{seq}", "P");
        assertEquals("", never.periodKey(ACME, NOV_5));
        assertEquals("2026", never.withReset(CounterReset.YEARLY).periodKey(ACME, NOV_5));
        assertEquals("2026-11", never.withReset(CounterReset.MONTHLY).periodKey(ACME, NOV_5));
        assertEquals("2026-03", never.withReset(CounterReset.MONTHLY).periodKey(ACME, LocalDate.of(2026, 3, 1)));
        assertEquals("acme/2026", never.withReset(CounterReset.YEARLY).withPerClientCounters(true).periodKey(ACME, NOV_5));
    }

    @Test
    void startAfter_configuredForOnePeriod_otherPeriodsStartAtZero() {
        SeriesNumbering s = SeriesNumbering.defaultFor("INV").withStartAfter("2026", 1041);
        assertEquals(1041, s.startAfterFor("2026"));
        assertEquals(0, s.startAfterFor("2027"));
        assertThrows(InvalidNumberPatternException.class, () -> s.withStartAfter("2026", -1));
    }

    @Test
    void numberingPolicy_defaults_invoiceAndCreditNoteSeries() {
        NumberingPolicy p = NumberingPolicy.defaults();
        assertEquals("INV-2026-00001", p.forSeries("INV").format("INV", ACME, NOV_5, 1));
        assertEquals("CN-2026-00001", p.forSeries("CN").format("CN", ACME, NOV_5, 1));
        assertEquals("LATE-2026-00003", p.forSeries("LATE").format("LATE", ACME, NOV_5, 3));
        assertEquals(CounterReset.YEARLY, p.forSeries("INV").reset());
        assertFalse(p.forSeries("INV").perClient());
    }

    @Test
    void numberingPolicy_twoSeriesPrintingSameNumbers_rejected() {
        SeriesNumbering same = SeriesNumbering.of("X-{seq}", "");
        assertThrows(InvalidNumberPatternException.class,
                () -> new NumberingPolicy(Map.of("A", same, "B", same)));
        new NumberingPolicy(Map.of("A", same, "B", SeriesNumbering.of("{series}-{seq}", "")));
    }
}
