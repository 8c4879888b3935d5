package dev.billops.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.time.LocalDateRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private static Formats formats(Locale locale, String currency) {
        return new Formats(locale, Currencies.of(currency), PdfFont.standard());
    }

    @Test
    void money_eachLocale_usesItsSymbolPositionAndSeparators() {
        assertEquals("$1,234.56", formats(Locale.US, "USD").money(Money.of("USD", "1234.56")));
        assertEquals("£1,234.56", formats(Locale.UK, "GBP").money(Money.of("GBP", "1234.56")));
        assertEquals("1.234,56\u00a0€", formats(Locale.GERMANY, "EUR").money(Money.of("EUR", "1234.56")));
        assertEquals("1\u202f234,56\u00a0€", formats(Locale.FRANCE, "EUR").money(Money.of("EUR", "1234.56")));
        assertEquals("€1,234.56", formats(Locale.UK, "EUR").money(Money.of("EUR", "1234.56")));
    }

    @Test
    void money_yen_hasNoDecimals() {
        assertEquals("￥541,997", formats(Locale.JAPAN, "JPY").money(Money.of("JPY", "541997")));
        assertEquals("-￥1,037", formats(Locale.JAPAN, "JPY").money(Money.of("JPY", "-1037")));
    }

    @Test
    void money_negative_keepsTheSign() {
        assertEquals("-96,00\u00a0€", formats(Locale.GERMANY, "EUR").money(Money.of("EUR", "-96.00")));
    }

    @Test
    void unitPrice_moreDecimalsThanTheCurrency_areAllShown() {
        Formats f = formats(Locale.US, "EUR");
        assertEquals("€87.3333", f.unitPrice(UnitPrice.of(Currencies.of("EUR"), "87.3333")));
        assertEquals("€87.30", f.unitPrice(UnitPrice.of(Currencies.of("EUR"), "87.3000")));
        assertEquals("€87.00", f.unitPrice(UnitPrice.of(Currencies.of("EUR"), "87")));
    }

    @Test
    void quantity_dropsTrailingZerosAndGroups() {
        assertEquals("7.5", formats(Locale.US, "USD").quantity(new BigDecimal("7.50")));
        assertEquals("7,5", formats(Locale.GERMANY, "EUR").quantity(new BigDecimal("7.50")));
        assertEquals("1,000", formats(Locale.US, "USD").quantity(new BigDecimal("1000.000")));
        assertEquals("-2", formats(Locale.US, "USD").quantity(new BigDecimal("-2")));
    }

    @Test
    void percent_followsTheLocale() {
        assertEquals("19%", formats(Locale.US, "USD").percent(new BigDecimal("19")));
        assertEquals("19\u00a0%", formats(Locale.GERMANY, "EUR").percent(new BigDecimal("19")));
        assertEquals("7.7%", formats(Locale.UK, "CHF").percent(new BigDecimal("7.70")));
    }

    @Test
    void date_andPeriod_followTheLocale() {
        LocalDate d = LocalDate.of(2026, 2, 3);
        assertEquals("Feb 3, 2026", formats(Locale.US, "USD").date(d));
        assertEquals("3 Feb 2026", formats(Locale.UK, "GBP").date(d));
        assertEquals("03.02.2026", formats(Locale.GERMANY, "EUR").date(d));
        assertEquals("3 févr. 2026", formats(Locale.FRANCE, "EUR").date(d));
        assertEquals("2026/02/03", formats(Locale.JAPAN, "JPY").date(d));
        LocalDateRange january = LocalDateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1));
        assertEquals("01.01.2026 – 31.01.2026", formats(Locale.GERMANY, "EUR").period(january, " – "));
        assertEquals("03.02.2026", formats(Locale.GERMANY, "EUR").period(LocalDateRange.ofDay(d), " – "));
    }

    @Test
    void iban_isPrintedInGroupsOfFour() {
        assertEquals("DE89 3704 0044 0532 0130 00", Formats.iban("de89370400440532013000"));
    }

    @Test
    void country_isNamedInTheDocumentsLanguage() {
        assertEquals("Frankreich", formats(Locale.GERMANY, "EUR").country("FR"));
        assertEquals("France", formats(Locale.UK, "EUR").country("FR"));
    }
}
