package dev.billops.core.engagement;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A parsed package-invoice number pattern (see {@link PackagePolicy} for the placeholders).
 * Immutable and thread-safe.
 */
final class PackageNumbering {

    private static final int MAX_SEQ_DIGITS = 18;

    private enum Kind { TEXT, ENGAGEMENT, CLIENT, PERIOD_START, PERIOD_END, YEAR4, YEAR2, MONTH, SEQ }

    private record Token(Kind kind, String text, int width) {
    }

    private final String pattern;
    private final List<Token> tokens;
    private final boolean usesSequence;
    private final boolean yearlySequence;

    private PackageNumbering(String pattern, List<Token> tokens) {
        this.pattern = pattern;
        this.tokens = List.copyOf(tokens);
        this.usesSequence = tokens.stream().anyMatch(t -> t.kind == Kind.SEQ);
        this.yearlySequence = tokens.stream().anyMatch(t -> t.kind == Kind.YEAR4 || t.kind == Kind.YEAR2);
    }

    /** Parses {@code pattern}; throws {@link InvalidInputException} naming what is wrong with it. */
    static PackageNumbering parse(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        List<Token> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '}') {
                throw new InvalidInputException("number pattern '" + pattern + "' has a '}' without '{' at "
                        + i);
            }
            if (c != '{') {
                text.append(c);
                i++;
                continue;
            }
            int close = pattern.indexOf('}', i);
            if (close < 0) {
                throw new InvalidInputException("number pattern '" + pattern + "' has an unclosed '{' at " + i);
            }
            if (text.length() > 0) {
                tokens.add(new Token(Kind.TEXT, text.toString(), 0));
                text.setLength(0);
            }
            tokens.add(placeholder(pattern, pattern.substring(i + 1, close)));
            i = close + 1;
        }
        if (text.length() > 0) {
            tokens.add(new Token(Kind.TEXT, text.toString(), 0));
        }
        boolean seq = tokens.stream().anyMatch(t -> t.kind == Kind.SEQ);
        boolean engagement = tokens.stream().anyMatch(t -> t.kind == Kind.ENGAGEMENT);
        boolean periodStart = tokens.stream().anyMatch(t -> t.kind == Kind.PERIOD_START);
        if (!seq && !(engagement && periodStart)) {
            throw new InvalidInputException("number pattern '" + pattern + "' cannot make unique numbers: it needs "
                    + "{seq} or both {engagementId} and {periodStart}");
        }
        return new PackageNumbering(pattern, tokens);
    }

    static void validate(String pattern) {
        parse(pattern);
    }

    private static Token placeholder(String pattern, String name) {
        return switch (name) {
            case "engagementId" -> new Token(Kind.ENGAGEMENT, "", 0);
            case "clientId" -> new Token(Kind.CLIENT, "", 0);
            case "periodStart" -> new Token(Kind.PERIOD_START, "", 0);
            case "periodEnd" -> new Token(Kind.PERIOD_END, "", 0);
            case "yyyy" -> new Token(Kind.YEAR4, "", 0);
            case "yy" -> new Token(Kind.YEAR2, "", 0);
            case "MM" -> new Token(Kind.MONTH, "", 0);
            case "seq" -> new Token(Kind.SEQ, "", 0);
            default -> {
                if (name.startsWith("seq:")) {
                    int width;
                    try {
                        width = Integer.parseInt(name.substring(4));
                    } catch (NumberFormatException e) {
                        width = -1;
                    }
                    if (width < 1 || width > MAX_SEQ_DIGITS) {
                        throw new InvalidInputException("number pattern '" + pattern + "': {" + name
                                + "} needs a width of 1.." + MAX_SEQ_DIGITS);
                    }
                    yield new Token(Kind.SEQ, "", width);
                }
                throw new InvalidInputException("number pattern '" + pattern + "' has an unknown placeholder {"
                        + name + "}; known: engagementId, clientId, periodStart, periodEnd, yyyy, yy, MM, seq, seq:N");
            }
        };
    }

    /** Whether numbers take a value of the series counter. */
    boolean usesSequence() {
        return usesSequence;
    }

    /** The counter's period key for an invoice issued on {@code issueDate}: its year, or "" without reset. */
    String sequenceKey(LocalDate issueDate) {
        return yearlySequence ? Integer.toString(issueDate.getYear()) : "";
    }

    /**
     * The number of the invoice of {@code period} of {@code engagement} issued on {@code issueDate};
     * {@code sequence} is asked once, and only if the pattern holds {@code {seq}}.
     */
    String format(EngagementId engagement, ClientId client, BillingPeriod period, LocalDate issueDate,
            LongSupplier sequence) {
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        long seq = usesSequence ? sequence.getAsLong() : 0;
        for (Token t : tokens) {
            switch (t.kind) {
                case TEXT -> out.append(t.text);
                case ENGAGEMENT -> out.append(engagement.value());
                case CLIENT -> out.append(client.value());
                case PERIOD_START -> out.append(period.start());
                case PERIOD_END -> out.append(period.lastDay());
                case YEAR4 -> out.append(String.format("%04d", issueDate.getYear()));
                case YEAR2 -> out.append(String.format("%02d", Math.floorMod(issueDate.getYear(), 100)));
                case MONTH -> out.append(String.format("%02d", issueDate.getMonthValue()));
                case SEQ -> {
                    String digits = Long.toString(seq);
                    for (int pad = t.width - digits.length(); pad > 0; pad--) {
                        out.append('0');
                    }
                    out.append(digits);
                }
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
