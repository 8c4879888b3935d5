package dev.billops.core.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.time.LocalDateRange;
import java.time.LocalDate;
import java.time.Month;
import org.junit.jupiter.api.Test;

class PackagePolicyTest {

    private static final BillingPeriod FEB_2024_FROM_15 = new BillingPeriod(
            LocalDateRange.of(LocalDate.of(2024, 2, 15), LocalDate.of(2024, 3, 1)),
            LocalDateRange.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1)));

    @Test
    void defaults_numberPatternIsTheSeeds() {
        PackageNumbering n = PackageNumbering.parse(PackagePolicy.defaults().numberPattern());
        assertFalse(n.usesSequence());
        assertEquals("PKG-E-42-2024-02-15", n.format(EngagementId.of("E-42"), ClientId.of("acme"), FEB_2024_FROM_15,
                LocalDate.of(2024, 2, 15), () -> {
                    throw new AssertionError("no sequence in the default pattern");
                }));
    }

    @Test
    void format_everyPlaceholder_isReplaced() {
        PackageNumbering n = PackageNumbering.parse("{clientId}/{yy}{MM}/{seq:5}-{periodStart}..{periodEnd}-{yyyy}-{seq}");
        assertTrue(n.usesSequence());
        assertEquals("2026", n.sequenceKey(LocalDate.of(2026, 3, 1)));
        assertEquals("acme/2603/00007-2024-02-15..2024-02-29-2026-7", n.format(EngagementId.of("E1"),
                ClientId.of("acme"), FEB_2024_FROM_15, LocalDate.of(2026, 3, 1), () -> 7));
    }

    @Test
    void sequenceKey_withoutYearInPattern_neverResets() {
        assertEquals("", PackageNumbering.parse("P-{seq:4}").sequenceKey(LocalDate.of(2026, 3, 1)));
    }

    @Test
    void new_patternThatCannotBeUnique_throwsNamingPattern() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PackagePolicy.defaults().withNumberPattern("PKG-{engagementId}"));
        assertTrue(e.getMessage().contains("PKG-{engagementId}"), e.getMessage());
    }

    @Test
    void new_malformedPatterns_throwInvalidInput() {
        PackagePolicy p = PackagePolicy.defaults();
        assertThrows(InvalidInputException.class, () -> p.withNumberPattern("PKG-{seq"));
        assertThrows(InvalidInputException.class, () -> p.withNumberPattern("PKG-seq}"));
        assertThrows(InvalidInputException.class, () -> p.withNumberPattern("PKG-{sequence}"));
        assertThrows(InvalidInputException.class, () -> p.withNumberPattern("PKG-{seq:0}"));
        assertThrows(InvalidInputException.class, () -> p.withNumberPattern("PKG-{seq:x}"));
    }

    @Test
    void new_outOfRangeValues_throwInvalidInput() {
        PackagePolicy p = PackagePolicy.defaults();
        assertThrows(InvalidInputException.class, () -> p.withCatchUpPeriods(-1));
        assertThrows(InvalidInputException.class, () -> p.withCatchUpPeriods(PackagePolicy.MAX_CATCH_UP_PERIODS + 1));
        assertThrows(InvalidInputException.class, () -> p.withDueDays(-1));
        assertThrows(InvalidInputException.class, () -> p.withSeries(" "));
        assertThrows(InvalidInputException.class, () -> p.withProrationRounding(java.math.RoundingMode.UNNECESSARY));
    }

    @Test
    void withFiscalYearStart_keepsWeekStartAndMovesYear() {
        PackagePolicy p = PackagePolicy.defaults().withFiscalYearStart(Month.JULY);
        assertEquals(Month.JULY, p.calendar().fiscalYearStart());
        assertEquals(PackagePolicy.defaults().calendar().weekStart(), p.calendar().weekStart());
    }
}
