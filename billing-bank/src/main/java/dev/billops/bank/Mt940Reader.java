package dev.billops.bank;

import dev.billops.core.bank.BankStatement;
import dev.billops.core.bank.BankTransaction;
import dev.billops.core.bank.CreditDebit;
import dev.billops.core.error.BillingException;
import dev.billops.core.money.Money;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads SWIFT MT940 customer statements: the fields {@code :20:} (statement reference, which
 * starts a statement), {@code :25:} (account), {@code :28C:} (statement number),
 * {@code :60F:}/{@code :60M:} (opening balance, which gives the currency), {@code :61:} (one
 * booking, with its supplementary details on the next line), {@code :86:} (the booking's details
 * over several lines) and {@code :62F:}/{@code :62M:} (closing balance). Other fields are skipped;
 * SWIFT block wrappers ({@code {1:...}{4:} ... -}}) are accepted.
 *
 * <p>A {@code :61:} line reads {@code YYMMDD[MMDD](C|D|RC|RD)[funds code]amount type
 * reference[//bank reference]}: value date, booking date, direction (R for a reversal), the
 * amount with a decimal comma. The transaction id is the bank reference, else the reference for
 * the account owner unless {@code NONREF}, else one derived from the content. An {@code :86:}
 * with German subfields ({@code ?20}–{@code ?29} and {@code ?60}–{@code ?63} purpose,
 * {@code ?31} payer IBAN, {@code ?32}/{@code ?33} payer name; SEPA keywords {@code SVWZ+},
 * {@code EREF+}) or with slash tags ({@code /REMI/}, {@code /EREF/}, {@code /NAME/},
 * {@code /IBAN/}) is split into its parts; any other {@code :86:} is the remittance text.
 * Lines of 65 characters (the field width) continue on the next line without a space.
 *
 * <p>Immutable and thread-safe.
 */
public final class Mt940Reader implements StatementReader {

    /** Default limit: 16 MiB. */
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    private static final String FORMAT = "MT940";
    private static final int LINE_WIDTH = 65;
    private static final Pattern TAG = Pattern.compile("^:([0-9]{2}[A-Z]?):(.*)$");
    private static final Pattern LINE_61 = Pattern.compile(
            "^([0-9]{6})([0-9]{4})?(RC|RD|C|D)([A-Z])?([0-9]{1,15},[0-9]{0,10})([NSF][A-Z0-9]{3})(.*?)(?://(.*))?$");
    private static final Pattern BALANCE = Pattern.compile("^([CD])([0-9]{6})([A-Z]{3})([0-9]{1,15},[0-9]{0,10})$");
    private static final Pattern GERMAN_86 = Pattern.compile("^[0-9]{3}\\?.*", Pattern.DOTALL);
    private static final Pattern SUBFIELD = Pattern.compile("\\?([0-9]{2})");
    private static final Pattern SEPA_KEYWORD = Pattern.compile(
            "(EREF|KREF|MREF|CRED|DEBT|COAM|OAMT|SVWZ|ABWA|ABWE|IBAN|BIC)\\+");
    private static final Pattern SLASH_TAG = Pattern.compile("/(TRTP|IBAN|BIC|NAME|REMI|EREF|ORDP|CSID|MARF|"
            + "PREF|RTRN|ATOS|ISDT|CDTRREF|CDTRREFTP|CD|CLIENTREF)/");

    private final Charset charset;
    private final long maxBytes;

    private Mt940Reader(Charset charset, long maxBytes) {
        this.charset = charset;
        this.maxBytes = maxBytes;
    }

    /** A reader of ISO-8859-1 files (what banks export; the SWIFT character set is a subset) with the default limit. */
    public static Mt940Reader create() {
        return new Mt940Reader(StandardCharsets.ISO_8859_1, DEFAULT_MAX_BYTES);
    }

    /** This reader for files in {@code charset}; bytes that are not valid in it are refused. */
    public Mt940Reader withCharset(Charset charset) {
        return new Mt940Reader(Objects.requireNonNull(charset, "charset"), maxBytes);
    }

    /** This reader with another byte limit (at least 1). */
    public Mt940Reader withMaxBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("byte limit " + bytes + " must be positive");
        }
        return new Mt940Reader(charset, bytes);
    }

    @Override
    public List<BankStatement> read(InputStream in) {
        Objects.requireNonNull(in, "in");
        String text = Decoding.decode(LimitedInputStream.readAll(in, maxBytes, FORMAT), charset, FORMAT);
        List<Field> fields = fields(text.split("\r\n|\n|\r", -1));
        List<BankStatement> statements = new ArrayList<>();
        Builder current = null;
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            switch (f.tag) {
                case "20" -> {
                    if (current != null) {
                        statements.add(current.build());
                    }
                    current = new Builder(f.first());
                }
                case "25" -> require(current, f).account = f.first().replace(" ", "");
                case "60F", "60M" -> require(current, f).currency = balanceCurrency(f);
                case "61" -> {
                    Builder b = require(current, f);
                    Field details = i + 1 < fields.size() && fields.get(i + 1).tag.equals("86") ? fields.get(++i) : null;
                    b.add(booking(f, details, b.currency));
                }
                case "62F", "62M" -> {
                    require(current, f);
                    balanceCurrency(f);
                }
                default -> {
                    // :21:, :28C:, :34F:, :64:, :65:, :86: of the statement and others: not needed
                }
            }
        }
        if (current != null) {
            statements.add(current.build());
        }
        if (statements.isEmpty()) {
            throw new InvalidBankStatementException(FORMAT, "the file", "", "has no statement (no :20: field)");
        }
        return List.copyOf(statements);
    }


    /** A field: its tag, the line it starts on and its lines. */
    private record Field(String tag, int line, List<String> lines) {
        String first() {
            return lines.get(0).strip();
        }
    }

    private static List<Field> fields(String[] lines) {
        List<Field> fields = new ArrayList<>();
        Field open = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.startsWith("{")) {
                // SWIFT block wrapper: {1:...}{2:...}{4: ; the statement text follows on the next lines
                int block4 = line.indexOf("{4:");
                if (block4 < 0) {
                    continue;
                }
                line = line.substring(block4 + 3);
                if (line.isBlank()) {
                    continue;
                }
            }
            if (line.equals("-") || line.startsWith("-}")) {
                open = null;
                continue;
            }
            Matcher m = TAG.matcher(line);
            if (m.matches()) {
                open = new Field(m.group(1), number, new ArrayList<>(List.of(m.group(2))));
                fields.add(open);
            } else if (open != null) {
                open.lines.add(line);
            } else if (!line.isBlank()) {
                throw new InvalidBankStatementException(FORMAT, "line " + number, line,
                        "is outside any field (a field starts with :NN: or :NNA:)");
            }
        }
        return fields;
    }

    private static Builder require(@Nullable Builder current, Field f) {
        if (current == null) {
            throw new InvalidBankStatementException(FORMAT, "line " + f.line, ":" + f.tag + ":" + f.first(),
                    "comes before the statement's :20: field");
        }
        return current;
    }

    private static String balanceCurrency(Field f) {
        Matcher m = BALANCE.matcher(f.first());
        if (!m.matches()) {
            throw new InvalidBankStatementException(FORMAT, "line " + f.line + ", field :" + f.tag + ":", f.first(),
                    "is no balance (C or D, YYMMDD, currency, amount with a decimal comma)");
        }
        date(f, m.group(2));
        Amounts.of(FORMAT, "line " + f.line + ", field :" + f.tag + ":", m.group(3), decimal(m.group(4)));
        return m.group(3);
    }

    private static BankTransaction booking(Field f, @Nullable Field details, @Nullable String currency) {
        String where = "line " + f.line + ", field :61:";
        if (currency == null) {
            throw new InvalidBankStatementException(FORMAT, where, f.first(),
                    "comes before an opening balance (:60F: or :60M:) that gives the currency");
        }
        Matcher m = LINE_61.matcher(f.first());
        if (!m.matches()) {
            throw new InvalidBankStatementException(FORMAT, where, f.first(), "is no statement line (YYMMDD[MMDD]"
                    + "(C|D|RC|RD)amount type reference[//bank reference])");
        }
        LocalDate valued = date(f, m.group(1));
        LocalDate booked = valued;
        if (m.group(2) != null) {
            booked = bookingDate(f, valued, m.group(2));
        }
        String mark = m.group(3);
        CreditDebit direction = mark.equals("C") || mark.equals("RD") ? CreditDebit.CREDIT : CreditDebit.DEBIT;
        boolean reversal = mark.startsWith("R");
        Money amount = Amounts.of(FORMAT, where, currency, decimal(m.group(5)));
        if (!amount.isPositive()) {
            throw new InvalidBankStatementException(FORMAT, where, m.group(5), "is no positive amount");
        }
        String ownerRef = m.group(7).strip();
        String bankRef = m.group(8) == null ? null : m.group(8).strip();
        String id = bankRef != null && !bankRef.isEmpty() && !bankRef.equals("NONREF") ? bankRef
                : !ownerRef.isEmpty() && !ownerRef.equals("NONREF") ? ownerRef : DerivedIds.PENDING;

        Details d = details == null ? new Details() : details(details);
        if (d.remittance.isEmpty() && f.lines.size() > 1) {
            d.remittance = joined(f.lines.subList(1, f.lines.size()));
        }
        try {
            return new BankTransaction(id, d.endToEnd, booked, valued, amount, direction, reversal, d.remittance,
                    d.structured, d.name, d.iban);
        } catch (BillingException e) {
            throw new InvalidBankStatementException(FORMAT, where, id, "is no usable transaction: " + e.getMessage(),
                    e);
        }
    }

    /** What an :86: field says. */
    private static final class Details {
        String remittance = "";
        @Nullable String endToEnd;
        @Nullable String structured;
        @Nullable String name;
        @Nullable String iban;
    }

    private static Details details(Field f) {
        Details d = new Details();
        String continuous = String.join("", f.lines);
        if (GERMAN_86.matcher(continuous).matches()) {
            Map<Integer, StringBuilder> sub = new LinkedHashMap<>();
            Matcher m = SUBFIELD.matcher(continuous);
            int start = -1;
            int code = -1;
            while (m.find()) {
                if (code >= 0) {
                    sub.computeIfAbsent(code, k -> new StringBuilder()).append(continuous, start, m.start());
                }
                code = Integer.parseInt(m.group(1));
                start = m.end();
            }
            if (code >= 0) {
                sub.computeIfAbsent(code, k -> new StringBuilder()).append(continuous.substring(start));
            }
            StringBuilder purpose = new StringBuilder();
            for (Map.Entry<Integer, StringBuilder> e : sub.entrySet()) {
                int c = e.getKey();
                if ((c >= 20 && c <= 29) || (c >= 60 && c <= 63)) {
                    purpose.append(e.getValue());
                }
            }
            d.iban = blankToNull(text(sub.get(31)));
            String name = text(sub.get(32)) + text(sub.get(33));
            d.name = blankToNull(name);
            sepaKeywords(purpose.toString(), d);
            return d;
        }
        String spaced = joined(f.lines);
        if (spaced.startsWith("/") && SLASH_TAG.matcher(spaced).find()) {
            slashTags(spaced, d);
            return d;
        }
        d.remittance = spaced.strip();
        return d;
    }

    /** Splits a purpose text on SEPA keywords ({@code SVWZ+} remittance, {@code EREF+} end-to-end id). */
    private static void sepaKeywords(String purpose, Details d) {
        Matcher m = SEPA_KEYWORD.matcher(purpose);
        List<int[]> marks = new ArrayList<>();
        while (m.find()) {
            marks.add(new int[] {m.start(), m.end()});
        }
        if (marks.isEmpty()) {
            d.remittance = purpose.strip();
            return;
        }
        StringBuilder rest = new StringBuilder(purpose.substring(0, marks.get(0)[0]));
        for (int i = 0; i < marks.size(); i++) {
            String key = purpose.substring(marks.get(i)[0], marks.get(i)[1] - 1);
            String value = purpose.substring(marks.get(i)[1], i + 1 < marks.size() ? marks.get(i + 1)[0]
                    : purpose.length()).strip();
            switch (key) {
                case "SVWZ" -> rest.append(' ').append(value);
                case "EREF" -> d.endToEnd = blankToNull(value);
                case "IBAN" -> d.iban = d.iban != null ? d.iban : blankToNull(value);
                default -> {
                    // mandate, creditor id, original amounts: not needed to match
                }
            }
        }
        d.remittance = rest.toString().strip();
    }

    /** {@code /NAME/Acme/IBAN/DE.../REMI/USTD//Invoice 1/EREF/E2E} style details. */
    private static void slashTags(String text, Details d) {
        Matcher m = SLASH_TAG.matcher(text);
        List<int[]> marks = new ArrayList<>();
        while (m.find()) {
            marks.add(new int[] {m.start(), m.end()});
        }
        for (int i = 0; i < marks.size(); i++) {
            String key = text.substring(marks.get(i)[0] + 1, marks.get(i)[1] - 1);
            String value = text.substring(marks.get(i)[1], i + 1 < marks.size() ? marks.get(i + 1)[0]
                    : text.length()).strip();
            switch (key) {
                case "NAME" -> d.name = blankToNull(value);
                case "IBAN" -> d.iban = blankToNull(value);
                case "EREF" -> d.endToEnd = blankToNull(value);
                case "REMI" -> {
                    if (value.startsWith("USTD//")) {
                        d.remittance = value.substring("USTD//".length()).strip();
                    } else if (value.startsWith("STRD/CUR/")) {
                        d.structured = blankToNull(value.substring("STRD/CUR/".length()));
                    } else {
                        d.remittance = value;
                    }
                }
                case "CDTRREF" -> d.structured = blankToNull(value);
                default -> {
                    // transaction type, BIC, ordering party details: not needed to match
                }
            }
        }
    }

    /** Lines of 65 characters continue without a space; shorter ones end a line of text. */
    private static String joined(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i > 0 && lines.get(i - 1).length() < LINE_WIDTH) {
                sb.append(' ');
            }
            sb.append(line);
        }
        return sb.toString();
    }

    private static String text(@Nullable StringBuilder sb) {
        return sb == null ? "" : sb.toString();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String decimal(String commaDecimal) {
        String s = commaDecimal.replace(',', '.');
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static LocalDate date(Field f, String yymmdd) {
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        try {
            return LocalDate.of(yy < 80 ? 2000 + yy : 1900 + yy, Integer.parseInt(yymmdd.substring(2, 4)),
                    Integer.parseInt(yymmdd.substring(4, 6)));
        } catch (DateTimeException e) {
            throw new InvalidBankStatementException(FORMAT, "line " + f.line + ", field :" + f.tag + ":", yymmdd,
                    "is no date (YYMMDD)", e);
        }
    }

    /** The booking date MMDD in the year that puts it nearest to the value date. */
    private static LocalDate bookingDate(Field f, LocalDate valued, String mmdd) {
        LocalDate best = null;
        for (int year = valued.getYear() - 1; year <= valued.getYear() + 1; year++) {
            try {
                LocalDate candidate = LocalDate.of(year, Integer.parseInt(mmdd.substring(0, 2)),
                        Integer.parseInt(mmdd.substring(2, 4)));
                if (best == null || Math.abs(candidate.toEpochDay() - valued.toEpochDay())
                        < Math.abs(best.toEpochDay() - valued.toEpochDay())) {
                    best = candidate;
                }
            } catch (DateTimeException e) {
                // 29 February in a year without it: try the next year
            }
        }
        if (best == null) {
            throw new InvalidBankStatementException(FORMAT, "line " + f.line + ", field :61:", mmdd,
                    "is no booking date (MMDD)");
        }
        return best;
    }

    /** One statement being read. */
    private static final class Builder {
        final String id;
        @Nullable String account;
        @Nullable String currency;
        final List<BankTransaction> txs = new ArrayList<>();
        final DerivedIds ids = new DerivedIds();

        Builder(String id) {
            this.id = id;
        }

        void add(BankTransaction tx) {
            txs.add(ids.assign(tx));
        }

        BankStatement build() {
            try {
                return new BankStatement(FORMAT, id.isEmpty() ? null : id,
                        account == null ? null : account.toUpperCase(Locale.ROOT), txs);
            } catch (BillingException e) {
                throw new InvalidBankStatementException(FORMAT, "statement " + id, String.valueOf(account),
                        "is no usable statement: " + e.getMessage(), e);
            }
        }
    }
}
