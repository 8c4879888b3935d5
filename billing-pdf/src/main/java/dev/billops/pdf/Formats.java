package dev.billops.pdf;

import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.time.LocalDateRange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import javax.money.CurrencyUnit;

/**
 * Locale-specific formatting of one document's amounts, quantities, rates and dates.
 *
 * <p>Not thread-safe (it holds {@link NumberFormat}s): one instance per rendering, with clones of
 * formats configured once per locale and currency and shared (read only) by all renderings.
 */
final class Formats {

    /** At most this many locale and currency pairs keep {@link Prototypes}. */
    private static final int PROTOTYPES_MAX = 256;
    private static final ConcurrentHashMap<String, Prototypes> PROTOTYPES = new ConcurrentHashMap<>();

    private final Locale locale;
    private final NumberFormat money;
    private final NumberFormat unitPrice;
    private final NumberFormat quantity;
    private final NumberFormat percent;
    private final DateTimeFormatter date;
    private final int currencyDigits;

    /** Whether the font lacks the narrow no-break space (U+202F) that French grouping uses. */
    private final boolean narrowSpaceMissing;
    /** Whether the font lacks the thin space (U+2009). */
    private final boolean thinSpaceMissing;

    Formats(Locale locale, CurrencyUnit currency, PdfFont font) {
        this.locale = locale;
        this.narrowSpaceMissing = !font.canDisplay(0x202F);
        this.thinSpaceMissing = !font.canDisplay(0x2009);
        this.currencyDigits = currency.getDefaultFractionDigits();
        Prototypes p = prototypes(locale, currency.getCurrencyCode(), currencyDigits);
        this.money = (NumberFormat) p.money.clone();
        this.unitPrice = (NumberFormat) p.unitPrice.clone();
        this.quantity = (NumberFormat) p.quantity.clone();
        this.percent = (NumberFormat) p.percent.clone();
        this.date = p.date;
    }

    /**
     * The configured formats of a locale and currency, shared by every rendering and never used
     * to format (each {@code Formats} formats with its own clones). Looking formats up through the
     * locale providers cost more than cloning them. At most {@value #PROTOTYPES_MAX} pairs are
     * kept; beyond that each rendering makes its own.
     */
    private static Prototypes prototypes(Locale locale, String currencyCode, int currencyDigits) {
        String key = locale.toLanguageTag() + "/" + currencyCode + "/" + currencyDigits;
        Prototypes p = PROTOTYPES.get(key);
        if (p == null) {
            p = new Prototypes(locale, Currency.getInstance(currencyCode), currencyDigits);
            if (PROTOTYPES.size() < PROTOTYPES_MAX) {
                Prototypes raced = PROTOTYPES.putIfAbsent(key, p);
                p = raced != null ? raced : p;
            }
        }
        return p;
    }

    /** Immutable after construction; only ever cloned. */
    private static final class Prototypes {
        final NumberFormat money;
        final NumberFormat unitPrice;
        final NumberFormat quantity;
        final NumberFormat percent;
        final DateTimeFormatter date;

        Prototypes(Locale locale, Currency currency, int currencyDigits) {
            this.money = NumberFormat.getCurrencyInstance(locale);
            money.setCurrency(currency);
            money.setMinimumFractionDigits(currencyDigits);
            money.setMaximumFractionDigits(currencyDigits);
            // Amounts are already exact at the currency's minor units; formatting must never round.
            money.setRoundingMode(RoundingMode.UNNECESSARY);
            this.unitPrice = NumberFormat.getCurrencyInstance(locale);
            unitPrice.setCurrency(currency);
            unitPrice.setRoundingMode(RoundingMode.UNNECESSARY);
            this.quantity = NumberFormat.getNumberInstance(locale);
            quantity.setRoundingMode(RoundingMode.UNNECESSARY);
            this.percent = NumberFormat.getPercentInstance(locale);
            percent.setMaximumFractionDigits(4);
            percent.setRoundingMode(RoundingMode.UNNECESSARY);
            this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        }
    }

    Locale locale() {
        return locale;
    }

    /** {@code "€1,234.56"}, {@code "1.234,56 €"}, {@code "￥12,000"}. */
    String money(Money amount) {
        return printable(money.format(amount.amount()));
    }

    /** A unit price with as many decimals as it has, but at least the currency's. */
    String unitPrice(UnitPrice price) {
        BigDecimal amount = price.amount().stripTrailingZeros();
        int digits = Math.max(currencyDigits, Math.max(0, amount.scale()));
        unitPrice.setMinimumFractionDigits(digits);
        unitPrice.setMaximumFractionDigits(digits);
        return printable(unitPrice.format(amount));
    }

    /** {@code "7.5"}, {@code "7,5"}, {@code "1,000"}: all decimals the quantity has, no trailing zeros. */
    String quantity(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        int digits = Math.max(0, stripped.scale());
        quantity.setMinimumFractionDigits(0);
        quantity.setMaximumFractionDigits(digits);
        return printable(quantity.format(stripped));
    }

    /** A rate in per cent: {@code 19} prints as {@code "19%"} or {@code "19 %"}. */
    String percent(BigDecimal ratePercent) {
        BigDecimal stripped = ratePercent.stripTrailingZeros();
        percent.setMaximumFractionDigits(Math.max(0, stripped.scale()));
        return printable(percent.format(stripped.movePointLeft(2)));
    }

    String date(LocalDate value) {
        return printable(date.format(value));
    }

    /** First to last day of a half-open range, or the single day; {@code separator} between. */
    String period(LocalDateRange range, String separator) {
        if (range.isEmpty() || range.lastDay().equals(range.startInclusive())) {
            return date(range.startInclusive());
        }
        LocalDate last = range.lastDay();
        return date(range.startInclusive()) + separator + date(last);
    }

    /**
     * The text with the spaces a host's font may lack replaced by ones every font has, so a
     * French "1 234,56 €" never prints as "1234,56 €".
     */
    private String printable(String text) {
        String result = text;
        if (narrowSpaceMissing) {
            result = result.replace('\u202f', '\u00a0');
        }
        if (thinSpaceMissing) {
            result = result.replace('\u2009', ' ');
        }
        return result;
    }

    /** An IBAN in groups of four, as printed on paper. */
    static String iban(String iban) {
        String compact = EpcQrPayload.normalizeIban(iban);
        StringBuilder sb = new StringBuilder(compact.length() + compact.length() / 4);
        for (int i = 0; i < compact.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append(' ');
            }
            sb.append(compact.charAt(i));
        }
        return sb.toString();
    }

    /**
     * An IBAN as printed where only its owner should read it in full: the country code and the
     * last four characters, the rest as dots, in groups of four ({@code "DE•• •••• … ••30 00"}).
     */
    static String maskedIban(String iban) {
        String compact = EpcQrPayload.normalizeIban(iban);
        StringBuilder masked = new StringBuilder(compact);
        for (int i = 2; i < compact.length() - 4; i++) {
            masked.setCharAt(i, '\u2022');
        }
        return iban(masked.toString());
    }

    /** The country's name in the document's language, e.g. {@code "Deutschland"} for DE in German. */
    String country(String isoCode) {
        String name = new Locale("", isoCode).getDisplayCountry(locale);
        return name.isEmpty() ? isoCode : name;
    }
}
