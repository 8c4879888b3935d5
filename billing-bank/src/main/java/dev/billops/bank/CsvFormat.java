package dev.billops.bank;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a bank's CSV export is laid out: charset, delimiter, quote, whether the first row is a
 * header, decimal and grouping separators, date pattern, and which column holds what. A column is
 * named by its header text (compared after trimming, ignoring case) or, in a file without a header
 * row, by its position counted from 1 ({@code "3"}).
 *
 * <pre>{@code
 * CsvFormat sparkasse = CsvFormat.defaults()
 *         .withCharset(Charset.forName("windows-1252")).withDelimiter(';').withDecimalSeparator(',')
 *         .withDatePattern("dd.MM.yy").withCurrency("EUR")
 *         .withColumn(CsvField.BOOKING_DATE, "Buchungstag").withColumn(CsvField.AMOUNT, "Betrag")
 *         .withColumn(CsvField.REMITTANCE, "Verwendungszweck")
 *         .withColumn(CsvField.PAYER_NAME, "Beguenstigter/Zahlungspflichtiger")
 *         .withColumn(CsvField.PAYER_IBAN, "Kontonummer/IBAN");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CsvFormat {

    private final Charset charset;
    private final char delimiter;
    private final char quote;
    private final boolean header;
    private final char decimalSeparator;
    private final @Nullable Character groupingSeparator;
    private final String datePattern;
    private final DateTimeFormatter dates;
    private final @Nullable String currency;
    private final @Nullable String account;
    private final @Nullable String creditValue;
    private final @Nullable String debitValue;
    private final Map<CsvField, List<String>> columns;

    private CsvFormat(Charset charset, char delimiter, char quote, boolean header, char decimalSeparator,
            @Nullable Character groupingSeparator, String datePattern, @Nullable String currency,
            @Nullable String account, @Nullable String creditValue, @Nullable String debitValue,
            Map<CsvField, List<String>> columns) {
        if (delimiter == quote || delimiter == '\n' || delimiter == '\r' || quote == '\n' || quote == '\r') {
            throw new IllegalArgumentException("CSV delimiter '" + delimiter + "' and quote '" + quote
                    + "' must differ and be no line break");
        }
        if (groupingSeparator != null && groupingSeparator == decimalSeparator) {
            throw new IllegalArgumentException("CSV decimal and grouping separators are both '" + decimalSeparator
                    + "'");
        }
        this.charset = charset;
        this.delimiter = delimiter;
        this.quote = quote;
        this.header = header;
        this.decimalSeparator = decimalSeparator;
        this.groupingSeparator = groupingSeparator;
        this.datePattern = datePattern;
        try {
            this.dates = DateTimeFormatter.ofPattern(datePattern, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CSV date pattern '" + datePattern + "' is invalid: " + e.getMessage(),
                    e);
        }
        this.currency = currency;
        this.account = account;
        this.creditValue = creditValue;
        this.debitValue = debitValue;
        EnumMap<CsvField, List<String>> copy = new EnumMap<>(CsvField.class);
        columns.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.columns = copy;
    }

    /** UTF-8, comma, double quote, a header row, decimal point, no grouping, ISO dates, no columns yet. */
    public static CsvFormat defaults() {
        return new CsvFormat(StandardCharsets.UTF_8, ',', '"', true, '.', null, "yyyy-MM-dd", null, null, null, null,
                Map.of());
    }

    public CsvFormat withCharset(Charset cs) {
        return new CsvFormat(Objects.requireNonNull(cs, "charset"), delimiter, quote, header, decimalSeparator,
                groupingSeparator, datePattern, currency, account, creditValue, debitValue, columns);
    }

    public CsvFormat withDelimiter(char d) {
        return new CsvFormat(charset, d, quote, header, decimalSeparator, groupingSeparator, datePattern, currency,
                account, creditValue, debitValue, columns);
    }

    public CsvFormat withQuote(char q) {
        return new CsvFormat(charset, delimiter, q, header, decimalSeparator, groupingSeparator, datePattern, currency,
                account, creditValue, debitValue, columns);
    }

    /** Whether the first row names the columns (else columns are named by position from 1). */
    public CsvFormat withHeader(boolean hasHeader) {
        return new CsvFormat(charset, delimiter, quote, hasHeader, decimalSeparator, groupingSeparator, datePattern,
                currency, account, creditValue, debitValue, columns);
    }

    public CsvFormat withDecimalSeparator(char separator) {
        return new CsvFormat(charset, delimiter, quote, header, separator, groupingSeparator, datePattern, currency,
                account, creditValue, debitValue, columns);
    }

    /** The thousands separator amounts may contain, or null for none. */
    public CsvFormat withGroupingSeparator(@Nullable Character separator) {
        return new CsvFormat(charset, delimiter, quote, header, decimalSeparator, separator, datePattern, currency,
                account, creditValue, debitValue, columns);
    }

    /** A {@link DateTimeFormatter} pattern, e.g. {@code dd.MM.yyyy}. */
    public CsvFormat withDatePattern(String pattern) {
        return new CsvFormat(charset, delimiter, quote, header, decimalSeparator, groupingSeparator,
                Objects.requireNonNull(pattern, "pattern"), currency, account, creditValue, debitValue, columns);
    }

    /** The currency of every row, for files without a currency column. */
    public CsvFormat withCurrency(@Nullable String code) {
        return new CsvFormat(charset, delimiter, quote, header, decimalSeparator, groupingSeparator, datePattern, code,
                account, creditValue, debitValue, columns);
    }

    /** The account the file is of (its IBAN), for the statement and the idempotency keys. */
    public CsvFormat withAccount(@Nullable String iban) {
        return new CsvFormat(charset, delimiter, quote, header, decimalSeparator, groupingSeparator, datePattern,
                currency, iban, creditValue, debitValue, columns);
    }

    /**
     * Maps {@code field} to {@code column}; mapping {@link CsvField#REMITTANCE} again adds a
     * column, any other field is mapped anew.
     */
    public CsvFormat withColumn(CsvField field, String column) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(column, "column");
        Map<CsvField, List<String>> next = new EnumMap<>(CsvField.class);
        next.putAll(columns);
        List<String> names = new ArrayList<>(field == CsvField.REMITTANCE ? next.getOrDefault(field, List.of())
                : List.of());
        names.add(column.strip());
        next.put(field, names);
        return new CsvFormat(charset, delimiter, quote, header, decimalSeparator, groupingSeparator, datePattern,
                currency, account, creditValue, debitValue, next);
    }

    /**
     * Maps the direction to {@code column}, whose cells read {@code creditValue} for a credit and
     * {@code debitValue} for a debit (compared ignoring case), e.g. {@code H}/{@code S} or
     * {@code CRDT}/{@code DBIT}; amounts are then unsigned.
     */
    public CsvFormat withDirection(String column, String creditValue, String debitValue) {
        CsvFormat f = withColumn(CsvField.DIRECTION, column);
        return new CsvFormat(charset, delimiter, quote, header, decimalSeparator, groupingSeparator, datePattern,
                currency, account, Objects.requireNonNull(creditValue, "creditValue").strip(),
                Objects.requireNonNull(debitValue, "debitValue").strip(), f.columns);
    }

    public Charset charset() {
        return charset;
    }

    public char delimiter() {
        return delimiter;
    }

    public char quote() {
        return quote;
    }

    public boolean header() {
        return header;
    }

    public char decimalSeparator() {
        return decimalSeparator;
    }

    public @Nullable Character groupingSeparator() {
        return groupingSeparator;
    }

    public String datePattern() {
        return datePattern;
    }

    DateTimeFormatter dates() {
        return dates;
    }

    public @Nullable String currency() {
        return currency;
    }

    public @Nullable String account() {
        return account;
    }

    public @Nullable String creditValue() {
        return creditValue;
    }

    public @Nullable String debitValue() {
        return debitValue;
    }

    /** The columns of {@code field}, empty when not mapped. */
    public List<String> columns(CsvField field) {
        return columns.getOrDefault(field, List.of());
    }
}
