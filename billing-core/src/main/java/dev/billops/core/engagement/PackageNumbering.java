package dev.billops.core.engagement;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed package-invoice number pattern (see {@link PackagePolicy} for the placeholders): a
 * number made from the engagement and its period alone, so the same (engagement, period) always
 * gets the same number. Counter-based numbers come from the tenant's numbering instead
 * ({@link PackagePolicy#withTenantNumbering()}). Immutable and thread-safe.
 */
public final class PackageNumbering {

    private enum Kind { TEXT, ENGAGEMENT, CLIENT, PERIOD_START, PERIOD_END, YEAR4, YEAR2, MONTH }

    private record Token(Kind kind, String text) {
    }

    private final String pattern;
    private final List<Token> tokens;

    private PackageNumbering(String pattern, List<Token> tokens) {
        this.pattern = pattern;
        this.tokens = List.copyOf(tokens);
    }

    /** Parses {@code pattern}; throws {@link InvalidInputException} naming what is wrong with it. */
    public static PackageNumbering parse(String pattern) {
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
                tokens.add(new Token(Kind.TEXT, text.toString()));
                text.setLength(0);
            }
            tokens.add(placeholder(pattern, pattern.substring(i + 1, close)));
            i = close + 1;
        }
        if (text.length() > 0) {
            tokens.add(new Token(Kind.TEXT, text.toString()));
        }
        boolean engagement = tokens.stream().anyMatch(t -> t.kind == Kind.ENGAGEMENT);
        boolean periodStart = tokens.stream().anyMatch(t -> t.kind == Kind.PERIOD_START);
        if (!(engagement && periodStart)) {
            throw new InvalidInputException("number pattern '" + pattern + "' cannot make unique numbers: it needs "
                    + "both {engagementId} and {periodStart} (for counter-based numbers use the tenant's numbering)");
        }
        return new PackageNumbering(pattern, tokens);
    }

    public static void validate(String pattern) {
        parse(pattern);
    }

    private static Token placeholder(String pattern, String name) {
        Kind kind = switch (name) {
            case "engagementId" -> Kind.ENGAGEMENT;
            case "clientId" -> Kind.CLIENT;
            case "periodStart" -> Kind.PERIOD_START;
            case "periodEnd" -> Kind.PERIOD_END;
            case "yyyy" -> Kind.YEAR4;
            case "yy" -> Kind.YEAR2;
            case "MM" -> Kind.MONTH;
            default -> throw new InvalidInputException("number pattern '" + pattern + "' has an unknown placeholder {"
                    + name + "}; known: engagementId, clientId, periodStart, periodEnd, yyyy, yy, MM"
                    + (name.startsWith("seq") ? " (for counter-based numbers use the tenant's numbering)" : ""));
        };
        return new Token(kind, "");
    }

    /** The number of the invoice of {@code period} of {@code engagement} issued on {@code issueDate}. */
    public String format(EngagementId engagement, ClientId client, BillingPeriod period, LocalDate issueDate) {
        StringBuilder out = new StringBuilder(pattern.length() + 32);
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
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
