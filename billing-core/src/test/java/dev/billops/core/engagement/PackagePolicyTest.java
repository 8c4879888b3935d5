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
        assertFalse(PackagePolicy.defaults().usesTenantNumbering());
        PackageNumbering n = PackageNumbering.parse(PackagePolicy.defaults().numberPattern());
        assertEquals("PKG-E-42-2024-02-15", n.format(EngagementId.of("E-42"), ClientId.of("acme"), FEB_2024_FROM_15,
                LocalDate.of(2024, 2, 15)));
    }

    @Test
    void format_everyPlaceholder_isReplaced() {
        PackageNumbering n = PackageNumbering.parse("{clientId}/{yy}{MM}/{engagementId}-{periodStart}..{periodEnd}-{yyyy}");
        assertEquals("acme/2603/E1-2024-02-15..2024-02-29-2026", n.format(EngagementId.of("E1"),
                ClientId.of("acme"), FEB_2024_FROM_15, LocalDate.of(2026, 3, 1)));
    }

    @Test
    void withTenantNumbering_hasNoPattern() {
        PackagePolicy p = PackagePolicy.defaults().withTenantNumbering();
        assertTrue(p.usesTenantNumbering());
        assertEquals(null, p.numberPattern());
        assertEquals(PackagePolicy.DEFAULT_NUMBER_PATTERN, p.withNumberPattern(PackagePolicy.DEFAULT_NUMBER_PATTERN)
                .numberPattern());
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
        assertThrows(InvalidInputException.class, () -> p.withNumberPattern("PKG-{engagementId}-{periodStart"));
        assertThrows(InvalidInputException.class, () -> p.withNumberPattern("PKG-{engagementId}-periodStart}"));
        assertThrows(InvalidInputException.class, () -> p.withNumberPattern("PKG-{engagementId}-{periodStart}-{x}"));
        InvalidInputException seq = assertThrows(InvalidInputException.class,
                () -> p.withNumberPattern("PKG-{engagementId}-{periodStart}-{seq:4}"));
        assertTrue(seq.getMessage().contains("tenant's numbering"), seq.getMessage());
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
