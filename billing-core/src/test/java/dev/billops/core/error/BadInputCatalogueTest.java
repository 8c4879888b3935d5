package dev.billops.core.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.invoice.AllowanceCharge;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.AmountOutOfRangeException;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.money.UnknownCurrencyException;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.tax.TaxCategory;
import dev.billops.core.tax.TaxCategoryRuleViolationException;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.timeentry.TimeEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Hostile inputs to every value type: each is refused within a second by its typed exception with
 * a message under 300 characters, never by an {@code OutOfMemoryError}, a raw
 * {@code ArithmeticException} or a message that echoes a huge input. Values are refused in their
 * constructors and factories, so no store is involved.
 */
class BadInputCatalogueTest {

    private static final CurrencyUnit EUR = Currencies.of("EUR");
    private static final String HUGE = "1e999999999";
    private static final String TINY = "1e-999999999";
    private static final String LONG_DIGITS = "9".repeat(100_000);

    private static <X extends Throwable> X refused(Class<X> type, Executable bad) {
        X e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(type, bad));
        String message = String.valueOf(e.getMessage());
        assertTrue(message.length() < 300, "message of " + message.length() + " characters: "
                + message.substring(0, Math.min(400, message.length())));
        return e;
    }

    // Money

    @Test
    void moneyOf_hugeOrTinyExponent_refusedWithShortMessage() {
        for (String text : List.of(HUGE, TINY, "-" + HUGE, "-" + TINY, "1E+16", "0.001", "1e2147483647",
                "1e-2147483647")) {
            refused(AmountOutOfRangeException.class, () -> Money.of(EUR, text));
            refused(AmountOutOfRangeException.class, () -> Money.of(EUR, new BigDecimal(text)));
        }
    }

    @Test
    void moneyOf_zeroWithExtremeExponent_isZero() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertEquals(Money.zero(EUR), Money.of(EUR, "0e999999999"));
            assertEquals(Money.zero(EUR), Money.of(EUR, "0e-999999999"));
        });
    }

    @Test
    void moneyOf_longOrMalformedText_refusedWithShortMessage() {
        for (String text : List.of(LONG_DIGITS, "12,50", "", "1e", "NaN", "\uD800", "1\u00002")) {
            refused(AmountOutOfRangeException.class, () -> Money.of(EUR, text));
        }
    }

    @Test
    void moneyOfWithRounding_extremeExponent_refusedOrRoundedQuickly() {
        refused(AmountOutOfRangeException.class, () -> Money.of(EUR, new BigDecimal(HUGE), RoundingMode.HALF_EVEN));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertEquals(Money.zero(EUR), Money.of(EUR, new BigDecimal(TINY), RoundingMode.HALF_EVEN));
            assertEquals(Money.of(EUR, "0.01"), Money.of(EUR, new BigDecimal(TINY), RoundingMode.UP));
            assertEquals(Money.of(EUR, "-0.01"), Money.of(EUR, new BigDecimal("-" + TINY), RoundingMode.FLOOR));
        });
        refused(ArithmeticException.class, () -> Money.of(EUR, new BigDecimal(TINY), RoundingMode.UNNECESSARY));
    }

    @Test
    void moneyArithmetic_extremeFactors_refusedOrRoundedQuickly() {
        Money m = Money.of(EUR, "12.50");
        refused(AmountOutOfRangeException.class, () -> m.times(new BigDecimal(HUGE), RoundingMode.HALF_EVEN));
        refused(AmountOutOfRangeException.class, () -> m.percentage(new BigDecimal(HUGE), RoundingMode.HALF_EVEN));
        refused(AmountOutOfRangeException.class, () -> m.dividedBy(new BigDecimal(TINY), RoundingMode.HALF_EVEN));
        refused(AmountOutOfRangeException.class, () -> m.dividedBy(new BigDecimal(HUGE), RoundingMode.HALF_EVEN));
        refused(AmountOutOfRangeException.class, () -> m.roundToIncrement(new BigDecimal(HUGE), RoundingMode.HALF_UP));
        refused(AmountOutOfRangeException.class, () -> m.roundToIncrement(new BigDecimal(TINY), RoundingMode.HALF_UP));
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertEquals(Money.zero(EUR), m.times(new BigDecimal(TINY), RoundingMode.HALF_EVEN)));
    }

    @Test
    void currency_longCode_refusedWithShortMessage() {
        refused(UnknownCurrencyException.class, () -> Money.of("E".repeat(100_000), "1.00"));
    }

    // UnitPrice

    @Test
    void unitPriceOf_hugeTinyOrLong_refusedWithShortMessage() {
        for (String text : List.of(HUGE, TINY, "-" + HUGE, LONG_DIGITS, "0.0000000000000000001", "x")) {
            refused(AmountOutOfRangeException.class, () -> UnitPrice.of(EUR, text));
        }
        refused(AmountOutOfRangeException.class, () -> UnitPrice.of(EUR, new BigDecimal(HUGE)));
        refused(AmountOutOfRangeException.class, () -> UnitPrice.of(EUR, new BigDecimal(TINY)));
        UnitPrice p = UnitPrice.of(EUR, "87.50");
        refused(AmountOutOfRangeException.class, () -> p.scaledBy(new BigDecimal(TINY), RoundingMode.HALF_UP));
        refused(AmountOutOfRangeException.class, () -> p.times(new BigDecimal(HUGE), RoundingMode.HALF_UP));
    }

    // TaxTreatment

    @Test
    void taxTreatmentStandard_extremeRates_refusedWithShortMessage() {
        refused(TaxCategoryRuleViolationException.class, () -> TaxTreatment.standard(new BigDecimal(HUGE)));
        refused(TaxCategoryRuleViolationException.class, () -> TaxTreatment.standard(new BigDecimal("-" + HUGE)));
        refused(AmountOutOfRangeException.class, () -> TaxTreatment.standard(new BigDecimal(TINY)));
        refused(TaxCategoryRuleViolationException.class, () -> new TaxTreatment(TaxCategory.O, new BigDecimal(HUGE), "x"));
        refused(InvalidTextException.class, () -> TaxTreatment.exempt("reason \uD800"));
    }

    // quantities and durations

    @Test
    void invoiceLine_extremeQuantities_refusedWithShortMessage() {
        UnitPrice price = UnitPrice.of(EUR, "10.00");
        for (String q : List.of(HUGE, TINY, "1e21", "1e-19")) {
            refused(AmountOutOfRangeException.class, () -> InvoiceLine.of("Work", new BigDecimal(q), UnitCode.HOUR,
                    price, TaxTreatment.zeroRated()));
        }
        refused(AmountOutOfRangeException.class, () -> AllowanceCharge.allowancePercent(new BigDecimal(TINY),
                Money.of(EUR, "10.00"), "discount", TaxTreatment.zeroRated()));
    }

    @Test
    void timeEntry_overlongOrNonPositiveDuration_refusedWithShortMessage() {
        Instant start = Instant.parse("2026-03-02T08:00:00Z");
        for (Duration d : List.of(Duration.ofDays(365_000), Duration.ZERO, Duration.ofSeconds(-1))) {
            refused(InvalidInputException.class, () -> new TimeEntry(TimeEntryId.of("e"), ProjectId.of("p"),
                    TimekeeperId.of("tk"), null, TimeSpan.of(start, start.plus(d), ZoneId.of("UTC")), "work", true,
                    null, null, EntryState.OPEN, null, null, 0));
        }
    }

    // ids

    @Test
    void ids_hugeOrHostile_refusedWithShortMessage() {
        for (String id : List.of("x".repeat(120_000), "a b", "\uD800", "nul\u0000", "")) {
            refused(InvalidInputException.class, () -> ClientId.of(id));
            refused(InvalidInputException.class, () -> InvoiceId.of(id));
        }
    }

    // texts

    @Test
    void texts_unstorableOrOverlong_refusedNamingTheField() {
        Address address = Address.of("Main St 1", "10115", "Berlin", "DE");
        for (String text : List.of("bank-ref-\uD800", "\uDBFF", "nul \u0000", "\uDC00\uD800", "N".repeat(1001),
                "\uD800".repeat(100_000))) {
            InvalidTextException e = refused(InvalidTextException.class,
                    () -> Client.of(ClientId.of("c"), text, address, EUR));
            assertEquals("client name", e.field());
            refused(InvalidTextException.class, () -> PaymentRequest.of(ClientId.of("c"), Money.of(EUR, "1.00"))
                    .withIdempotencyKey(text));
            refused(InvalidTextException.class, () -> Address.of(text, "10115", "Berlin", "DE"));
        }
    }

    @Test
    void texts_wellFormedPairsAndLongestAllowed_accepted() {
        Address address = Address.of("Main St 1", "10115", "Berlin", "DE");
        assertEquals("😀 Emoji 👩‍💻", Client.of(ClientId.of("c"), "😀 Emoji 👩‍💻", address, EUR).name());
        assertEquals(1000, Client.of(ClientId.of("c"), "N".repeat(1000), address, EUR).name().length());
    }

    @Test
    void quote_longOrHostileText_isShortWellFormedAndGivesTheLength() {
        String q = Text.quote("\uD800" + "x".repeat(1000));
        assertTrue(q.startsWith("'\\uD800x"), q);
        assertTrue(q.endsWith("\u2026' (1001 characters)"), q);
        assertEquals(Text.QUOTE_LIMIT, q.indexOf("' (") - 1, "characters between the quotes: " + q);
        assertEquals("'short'", Text.quote("short"));
        String exactlyAtLimit = "y".repeat(Text.QUOTE_LIMIT);
        assertEquals("'" + exactlyAtLimit + "'", Text.quote(exactlyAtLimit));
    }
}
