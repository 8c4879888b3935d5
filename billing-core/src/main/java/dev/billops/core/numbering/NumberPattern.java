package dev.billops.core.numbering;

import dev.billops.core.id.ClientId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A document-number pattern such as {@code {prefix}-{yyyy}-{seq:5}} (giving {@code INV-2026-00042}).
 *
 * <p>Placeholders: {@code {prefix}} the series' prefix, {@code {series}} the series name,
 * {@code {yyyy}} the four-digit issue year, {@code {yy}} its last two digits, {@code {mm}} the
 * two-digit issue month, {@code {client}} the client id, and exactly one {@code {seq}} (the
 * counter, unpadded) or {@code {seq:N}} (zero-padded to at least N digits, 1 ≤ N ≤ 12; a larger
 * counter is never truncated). Everything else is copied literally; braces are reserved.
 *
 * <p>Immutable and thread-safe; equal when the pattern texts are equal.
 */
public final class NumberPattern {

    /** The default pattern of every series: prefix, issue year, five-digit counter. */
    public static final String DEFAULT = "{prefix}-{yyyy}-{seq:5}";

    private final String text;
    private final List<Part> parts;
    private final boolean hasYear;
    private final boolean hasMonth;
    private final boolean hasClient;

    private NumberPattern(String text, List<Part> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
        boolean year = false;
        boolean month = false;
        boolean client = false;
        for (Part p : parts) {
            year |= p.kind == Kind.YEAR4 || p.kind == Kind.YEAR2;
            month |= p.kind == Kind.MONTH;
            client |= p.kind == Kind.CLIENT;
        }
        this.hasYear = year;
        this.hasMonth = month;
        this.hasClient = client;
    }

    /**
     * Parses a pattern.
     *
     * @throws InvalidNumberPatternException for an unknown placeholder, an unclosed brace, a
     *     missing or repeated {@code {seq}}, or a blank pattern
     */
    public static NumberPattern of(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new InvalidNumberPatternException(text, "is blank");
        }
        List<Part> parts = new ArrayList<>();
        int seqCount = 0;
        int i = 0;
        StringBuilder literal = new StringBuilder();
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                throw new InvalidNumberPatternException(text, "'}' at position " + i + " closes nothing");
            }
            if (c != '{') {
                if (Character.isISOControl(c)) {
                    throw new InvalidNumberPatternException(text, "contains a control character at position " + i);
                }
                literal.append(c);
                i++;
                continue;
            }
            int close = text.indexOf('}', i);
            if (close < 0) {
                throw new InvalidNumberPatternException(text, "'{' at position " + i + " is not closed");
            }
            if (literal.length() > 0) {
                parts.add(new Part(Kind.LITERAL, literal.toString(), 0));
                literal.setLength(0);
            }
            String name = text.substring(i + 1, close);
            Part part = placeholder(text, name);
            if (part.kind == Kind.SEQ) {
                seqCount++;
            }
            parts.add(part);
            i = close + 1;
        }
        if (literal.length() > 0) {
            parts.add(new Part(Kind.LITERAL, literal.toString(), 0));
        }
        if (seqCount != 1) {
            throw new InvalidNumberPatternException(text, "needs exactly one {seq} or {seq:N}, has " + seqCount);
        }
        return new NumberPattern(text, parts);
    }

    private static Part placeholder(String text, String name) {
        switch (name) {
            case "prefix":
                return new Part(Kind.PREFIX, name, 0);
            case "series":
                return new Part(Kind.SERIES, name, 0);
            case "yyyy":
                return new Part(Kind.YEAR4, name, 0);
            case "yy":
                return new Part(Kind.YEAR2, name, 0);
            case "mm":
                return new Part(Kind.MONTH, name, 0);
            case "client":
                return new Part(Kind.CLIENT, name, 0);
            case "seq":
                return new Part(Kind.SEQ, name, 0);
            default:
                if (name.startsWith("seq:")) {
                    String digits = name.substring(4);
                    if (digits.matches("[0-9]{1,2}")) {
                        int width = Integer.parseInt(digits);
                        if (width >= 1 && width <= 12) {
                            return new Part(Kind.SEQ, name, width);
                        }
                    }
                    throw new InvalidNumberPatternException(text, "{" + name + "} needs a width from 1 to 12");
                }
                throw new InvalidNumberPatternException(text, "unknown placeholder {" + name
                        + "}; known: {prefix} {series} {yyyy} {yy} {mm} {client} {seq} {seq:N}");
        }
    }

    /**
     * The number for the given values.
     *
     * @param prefix what {@code {prefix}} stands for
     * @param series what {@code {series}} stands for
     * @param issueDate the issue date ({@code {yyyy}}, {@code {yy}}, {@code {mm}})
     * @param client the client ({@code {client}})
     * @param sequence the counter value, at least 1
     */
    public String format(String prefix, String series, LocalDate issueDate, ClientId client, long sequence) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(client, "client");
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (Part p : parts) {
            switch (p.kind) {
                case LITERAL -> out.append(p.text);
                case PREFIX -> out.append(prefix);
                case SERIES -> out.append(series);
                case YEAR4 -> pad(out, issueDate.getYear(), 4);
                case YEAR2 -> pad(out, Math.floorMod(issueDate.getYear(), 100), 2);
                case MONTH -> pad(out, issueDate.getMonthValue(), 2);
                case CLIENT -> out.append(client.value());
                case SEQ -> pad(out, sequence, p.width);
            }
        }
        return out.toString();
    }

    private static void pad(StringBuilder out, long value, int width) {
        String digits = Long.toString(value);
        for (int k = digits.length(); k < width; k++) {
            out.append('0');
        }
        out.append(digits);
    }

    /** Whether the pattern shows the year ({@code {yyyy}} or {@code {yy}}). */
    public boolean hasYear() {
        return hasYear;
    }

    /** Whether the pattern shows the month. */
    public boolean hasMonth() {
        return hasMonth;
    }

    /** Whether the pattern shows the client id. */
    public boolean hasClient() {
        return hasClient;
    }

    /** The pattern text as given. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumberPattern other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    private enum Kind {
        LITERAL, PREFIX, SERIES, YEAR4, YEAR2, MONTH, CLIENT, SEQ
    }

    private record Part(Kind kind, String text, int width) {
    }
}
