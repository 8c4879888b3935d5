package dev.billops.core.bank;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An ISO 11649 structured creditor reference ("RF reference"): {@code RF}, two check digits and
 * a body of 1 to 21 letters and digits, such that the ISO 7064 MOD 97-10 check over
 * {@code body + "RF" + check digits} gives 1. Printed in groups of four ({@code RF18 5390 0754
 * 7034}), stored and sent electronically without spaces ({@code RF18539007547034}).
 *
 * <p>BillOps derives an invoice's reference from its number alone ({@link #forInvoiceNumber}),
 * so a matcher can recompute the reference of every open invoice without storing it.
 *
 * <p>Immutable and thread-safe; equal when the electronic forms are equal.
 *
 * @param value the electronic form: upper case, no spaces
 */
public record CreditorReference(String value) {

    /** Most characters of a body. */
    public static final int MAX_BODY_LENGTH = 21;

    private static final BigInteger DIGEST_MODULUS = BigInteger.TEN.pow(MAX_BODY_LENGTH);

    public CreditorReference {
        Objects.requireNonNull(value, "value");
        String problem = problemOf(value);
        if (problem != null) {
            throw new InvalidCreditorReferenceException(value, problem);
        }
    }

    /**
     * Parses a reference as printed or typed: spaces are ignored and letters may be lower case.
     *
     * @throws InvalidCreditorReferenceException if it is not a valid ISO 11649 reference
     */
    public static CreditorReference parse(String text) {
        Objects.requireNonNull(text, "text");
        String electronic = electronic(text);
        String problem = problemOf(electronic);
        if (problem != null) {
            throw new InvalidCreditorReferenceException(text, problem);
        }
        return new CreditorReference(electronic);
    }

    /** {@link #parse}, or empty for anything that is not a valid reference. */
    public static Optional<CreditorReference> tryParse(String text) {
        Objects.requireNonNull(text, "text");
        String electronic = electronic(text);
        return problemOf(electronic) == null ? Optional.of(new CreditorReference(electronic)) : Optional.empty();
    }

    /** Whether {@code text} (spaces ignored, any case) is a valid reference. */
    public static boolean isValid(String text) {
        Objects.requireNonNull(text, "text");
        return problemOf(electronic(text)) == null;
    }

    /**
     * The reference with {@code body} (spaces ignored, any case) and the check digits computed
     * for it.
     *
     * @throws InvalidCreditorReferenceException if the body is empty, longer than 21 characters or
     *     has characters other than ASCII letters and digits
     */
    public static CreditorReference withBody(String body) {
        Objects.requireNonNull(body, "body");
        String b = electronic(body);
        if (b.isEmpty() || b.length() > MAX_BODY_LENGTH || !isAsciiAlphanumeric(b)) {
            throw new InvalidCreditorReferenceException("RF.." + body, "needs a body of 1 to " + MAX_BODY_LENGTH
                    + " ASCII letters and digits");
        }
        int check = 98 - mod97(b + "RF00");
        return new CreditorReference("RF" + (check < 10 ? "0" : "") + check + b);
    }

    /**
     * The reference BillOps prints on the invoice numbered {@code invoiceNumber}: the number's
     * ASCII letters and digits, upper-cased, as the body ({@code INV-2026-00042} has the body
     * {@code INV202600042}); when that leaves nothing or more than 21 characters, the body is the
     * number's SHA-256 digest modulo 10^21 as 21 decimal digits. Two numbers that differ only in punctuation
     * or case get the same reference; a matcher treats such a reference as naming both.
     */
    public static CreditorReference forInvoiceNumber(String invoiceNumber) {
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        StringBuilder body = new StringBuilder(MAX_BODY_LENGTH);
        for (int i = 0; i < invoiceNumber.length(); i++) {
            char c = invoiceNumber.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                body.append(Character.toUpperCase(c));
            }
        }
        if (body.length() > 0 && body.length() <= MAX_BODY_LENGTH) {
            return withBody(body.toString());
        }
        return withBody(digestDigits(invoiceNumber));
    }

    /** The body: the characters after {@code RF} and the check digits. */
    public String body() {
        return value.substring(4);
    }

    /** The check digits, {@code 02} to {@code 98}. */
    public String checkDigits() {
        return value.substring(2, 4);
    }

    /** The printed form: groups of four separated by one space, the last group 1 to 4 characters. */
    public String printed() {
        StringBuilder sb = new StringBuilder(value.length() + value.length() / 4);
        for (int i = 0; i < value.length(); i += 4) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(value, i, Math.min(value.length(), i + 4));
        }
        return sb.toString();
    }

    /** The electronic form, as {@link #value()}. */
    @Override
    public String toString() {
        return value;
    }

    private static String electronic(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ') {
                sb.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
            }
        }
        return sb.toString();
    }

    /** Why {@code s} (electronic form) is not a reference, or null if it is one. */
    private static @Nullable String problemOf(String s) {
        if (s.length() < 5 || s.length() > 4 + MAX_BODY_LENGTH) {
            return "must be RF, two check digits and 1 to " + MAX_BODY_LENGTH + " letters or digits";
        }
        if (!s.startsWith("RF")) {
            return "does not start with RF";
        }
        if (!isDigit(s.charAt(2)) || !isDigit(s.charAt(3))) {
            return "has no two check digits after RF";
        }
        if (!isAsciiAlphanumeric(s.substring(4))) {
            return "has characters other than ASCII letters and digits";
        }
        if (mod97(s.substring(4) + s.substring(0, 4)) != 1) {
            return "fails the ISO 7064 MOD 97-10 check (the check digits do not match)";
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiAlphanumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isDigit(c) && !(c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** ISO 7064 MOD 97-10 over upper-case letters (A = 10 … Z = 35) and digits. */
    static int mod97(String alphanumeric) {
        int remainder = 0;
        for (int i = 0; i < alphanumeric.length(); i++) {
            char c = alphanumeric.charAt(i);
            int v = isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = (v > 9 ? remainder * 100 + v : remainder * 10 + v) % 97;
        }
        return remainder;
    }

    private static String digestDigits(String text) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        String digits = new BigInteger(1, hash).mod(DIGEST_MODULUS).toString();
        return "0".repeat(MAX_BODY_LENGTH - digits.length()) + digits;
    }
}
