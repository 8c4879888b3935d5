package dev.billops.bank;

import dev.billops.core.bank.BankStatement;
import dev.billops.core.bank.BankTransaction;
import dev.billops.core.bank.CreditDebit;
import dev.billops.core.error.BillingException;
import dev.billops.core.money.Money;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a bank's CSV export as one statement, laid out as its {@link CsvFormat} says. Fields may
 * be quoted (a doubled quote inside is one quote) and span lines. Rows whose cells are all empty
 * and rows with a zero amount are skipped. Immutable and thread-safe.
 */
public final class CsvStatementReader implements StatementReader {

    /** Default limit: 16 MiB. */
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    private static final String FORMAT = "CSV";

    private final CsvFormat format;
    private final long maxBytes;

    private CsvStatementReader(CsvFormat format, long maxBytes) {
        this.format = format;
        this.maxBytes = maxBytes;
    }

    /**
     * A reader of files in {@code format}.
     *
     * @throws IllegalArgumentException if the format maps no booking date or amount column, or has
     *     neither a currency column nor a fixed currency
     */
    public static CsvStatementReader of(CsvFormat format) {
        Objects.requireNonNull(format, "format");
        if (format.columns(CsvField.BOOKING_DATE).isEmpty() || format.columns(CsvField.AMOUNT).isEmpty()) {
            throw new IllegalArgumentException("a CSV statement format needs a BOOKING_DATE and an AMOUNT column");
        }
        if (format.columns(CsvField.CURRENCY).isEmpty() && format.currency() == null) {
            throw new IllegalArgumentException("a CSV statement format needs a CURRENCY column or a fixed currency");
        }
        return new CsvStatementReader(format, DEFAULT_MAX_BYTES);
    }

    /** This reader with another byte limit (at least 1). */
    public CsvStatementReader withMaxBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("byte limit " + bytes + " must be positive");
        }
        return new CsvStatementReader(format, bytes);
    }

    public CsvFormat format() {
        return format;
    }

    @Override
    public List<BankStatement> read(InputStream in) {
        Objects.requireNonNull(in, "in");
        String text = Decoding.decode(LimitedInputStream.readAll(in, maxBytes, FORMAT), format.charset(), FORMAT);
        List<Row> rows = rows(text);
        Map<CsvField, List<Integer>> index = new EnumMap<>(CsvField.class);
        int first = 0;
        if (format.header()) {
            if (rows.isEmpty()) {
                throw new InvalidBankStatementException(FORMAT, "line 1", "", "has no header row");
            }
            Row head = rows.get(0);
            first = 1;
            for (CsvField field : CsvField.values()) {
                List<Integer> at = new ArrayList<>();
                for (String name : format.columns(field)) {
                    int found = -1;
                    for (int c = 0; c < head.cells.size(); c++) {
                        if (head.cells.get(c).strip().equalsIgnoreCase(name)) {
                            found = c;
                            break;
                        }
                    }
                    if (found < 0) {
                        throw new InvalidBankStatementException(FORMAT, "line " + head.line + " (header)", name,
                                "is not a column of the header (" + head.cells.size() + " columns)");
                    }
                    at.add(found);
                }
                index.put(field, at);
            }
        } else {
            for (CsvField field : CsvField.values()) {
                List<Integer> at = new ArrayList<>();
                for (String name : format.columns(field)) {
                    try {
                        int position = Integer.parseInt(name);
                        if (position < 1) {
                            throw new NumberFormatException();
                        }
                        at.add(position - 1);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("column '" + name + "' of " + field + " must be a"
                                + " position from 1 in a CSV file without a header", e);
                    }
                }
                index.put(field, at);
            }
        }
        DerivedIds ids = new DerivedIds();
        List<BankTransaction> txs = new ArrayList<>();
        for (int r = first; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            BankTransaction tx = transaction(row, index);
            if (tx != null) {
                txs.add(ids.assign(tx));
            }
        }
        try {
            return List.of(new BankStatement(FORMAT, null, format.account(), txs));
        } catch (BillingException e) {
            throw new InvalidBankStatementException(FORMAT, "the format", String.valueOf(format.account()),
                    "is no usable account: " + e.getMessage(), e);
        }
    }

    private @Nullable BankTransaction transaction(Row row, Map<CsvField, List<Integer>> index) {
        String amountText = cell(row, index, CsvField.AMOUNT);
        if (amountText == null) {
            throw new InvalidBankStatementException(FORMAT, "line " + row.line, "", "has no amount");
        }
        String currency = format.currency();
        String currencyCell = cell(row, index, CsvField.CURRENCY);
        if (currencyCell != null) {
            currency = currencyCell.toUpperCase(Locale.ROOT);
        }
        if (currency == null) {
            throw new InvalidBankStatementException(FORMAT, "line " + row.line, "", "has no currency");
        }
        String where = "line " + row.line + ", column " + format.columns(CsvField.AMOUNT).get(0);
        String decimal = amountText.replace(" ", "").replace("\u00a0", "");
        boolean negative = false;
        if (decimal.startsWith("-") || decimal.startsWith("+")) {
            negative = decimal.startsWith("-");
            decimal = decimal.substring(1);
        } else if (decimal.endsWith("-")) {
            negative = true;
            decimal = decimal.substring(0, decimal.length() - 1);
        }
        decimal = normalized(decimal, where, amountText);
        Money amount = Amounts.of(FORMAT, where, currency, decimal);
        if (amount.isZero()) {
            return null;
        }
        CreditDebit direction = negative ? CreditDebit.DEBIT : CreditDebit.CREDIT;
        if (!format.columns(CsvField.DIRECTION).isEmpty()) {
            String mark = cell(row, index, CsvField.DIRECTION);
            if (negative) {
                throw new InvalidBankStatementException(FORMAT, where, amountText,
                        "is negative although a direction column gives credit or debit");
            }
            if (mark != null && mark.equalsIgnoreCase(format.creditValue())) {
                direction = CreditDebit.CREDIT;
            } else if (mark != null && mark.equalsIgnoreCase(format.debitValue())) {
                direction = CreditDebit.DEBIT;
            } else {
                throw new InvalidBankStatementException(FORMAT, "line " + row.line + ", column "
                        + format.columns(CsvField.DIRECTION).get(0), String.valueOf(mark), "is neither '"
                        + format.creditValue() + "' (credit) nor '" + format.debitValue() + "' (debit)");
            }
        }
        LocalDate booked = date(row, index, CsvField.BOOKING_DATE);
        if (booked == null) {
            throw new InvalidBankStatementException(FORMAT, "line " + row.line, "", "has no booking date");
        }
        LocalDate valued = date(row, index, CsvField.VALUE_DATE);
        List<String> texts = new ArrayList<>();
        for (int c : index.get(CsvField.REMITTANCE)) {
            if (c < row.cells.size() && !row.cells.get(c).isBlank()) {
                texts.add(row.cells.get(c).strip());
            }
        }
        String id = cell(row, index, CsvField.TRANSACTION_ID);
        try {
            return new BankTransaction(id == null ? DerivedIds.PENDING : id, cell(row, index, CsvField.END_TO_END_ID),
                    booked, valued == null ? booked : valued, amount, direction, false, String.join(" ", texts),
                    cell(row, index, CsvField.REFERENCE), cell(row, index, CsvField.PAYER_NAME),
                    cell(row, index, CsvField.PAYER_IBAN));
        } catch (BillingException e) {
            throw new InvalidBankStatementException(FORMAT, "line " + row.line, String.valueOf(id),
                    "is no usable transaction: " + e.getMessage(), e);
        }
    }

    /**
     * {@code text} with the format's separators as a plain decimal: grouping separators only
     * between groups of three digits before the decimal separator, so that an amount written with
     * the other convention ({@code 1190.00} where the decimal separator is a comma) is refused
     * instead of read a hundred times too large.
     */
    private String normalized(String text, String where, String original) {
        char decimalSeparator = format.decimalSeparator();
        int point = text.indexOf(decimalSeparator);
        String integer = point < 0 ? text : text.substring(0, point);
        String fraction = point < 0 ? "" : text.substring(point + 1);
        Character grouping = format.groupingSeparator();
        if (grouping != null && integer.indexOf(grouping) >= 0) {
            String g = java.util.regex.Pattern.quote(String.valueOf(grouping));
            if (!integer.matches("[0-9]{1,3}(" + g + "[0-9]{3})+")) {
                throw new InvalidBankStatementException(FORMAT, where, original, "is no amount: grouping separator '"
                        + grouping + "' must separate groups of three digits before the decimal separator '"
                        + decimalSeparator + "'");
            }
            integer = integer.replace(String.valueOf(grouping), "");
        }
        if (!integer.matches("[0-9]+") || (point >= 0 && !fraction.matches("[0-9]+"))) {
            throw new InvalidBankStatementException(FORMAT, where, original, "is no amount with decimal separator '"
                    + decimalSeparator + "'" + (grouping == null ? "" : " and grouping separator '" + grouping + "'"));
        }
        return point < 0 ? integer : integer + "." + fraction;
    }

    private @Nullable LocalDate date(Row row, Map<CsvField, List<Integer>> index, CsvField field) {
        String text = cell(row, index, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, format.dates());
        } catch (DateTimeParseException e) {
            throw new InvalidBankStatementException(FORMAT, "line " + row.line + ", column "
                    + format.columns(field).get(0), text, "is no date of the pattern " + format.datePattern(), e);
        }
    }

    /** The stripped cell of the field's first column; null when not mapped or blank. */
    private static @Nullable String cell(Row row, Map<CsvField, List<Integer>> index, CsvField field) {
        List<Integer> at = index.get(field);
        if (at == null || at.isEmpty()) {
            return null;
        }
        int c = at.get(0);
        if (c >= row.cells.size()) {
            throw new InvalidBankStatementException(FORMAT, "line " + row.line, "", "has " + row.cells.size()
                    + " cells, but " + field + " is in column " + (c + 1));
        }
        String v = row.cells.get(c).strip();
        return v.isEmpty() ? null : v;
    }

    /** A record of the file and the line it starts on. */
    private record Row(int line, List<String> cells) {
    }

    /** RFC 4180 records: quoted fields may hold delimiters, line breaks and doubled quotes. */
    private List<Row> rows(String text) {
        char delimiter = format.delimiter();
        char quote = format.quote();
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == quote) {
                    if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                        cell.append(quote);
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
                i++;
                continue;
            }
            if (c == quote) {
                if (cell.length() > 0 && !cell.toString().isBlank() || wasQuoted) {
                    throw new InvalidBankStatementException(FORMAT, "line " + line, cell + String.valueOf(c),
                            "has a quote inside an unquoted field");
                }
                cell.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                cells.add(cell.toString());
                rows.add(new Row(rowLine, List.copyOf(cells)));
                cells.clear();
                cell.setLength(0);
                wasQuoted = false;
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                rowLine = line;
            } else {
                if (wasQuoted && !Character.isWhitespace(c)) {
                    throw new InvalidBankStatementException(FORMAT, "line " + line, String.valueOf(c),
                            "follows a closing quote inside a field");
                }
                if (!wasQuoted) {
                    cell.append(c);
                }
            }
            i++;
        }
        if (quoted) {
            throw new InvalidBankStatementException(FORMAT, "line " + rowLine, "", "has a quoted field that is never"
                    + " closed");
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new Row(rowLine, List.copyOf(cells)));
        }
        return rows;
    }

}
