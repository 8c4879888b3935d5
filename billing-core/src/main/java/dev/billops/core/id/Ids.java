package dev.billops.core.id;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Validation and generation shared by the typed ids.
 *
 * <p>An id is 1–64 characters of {@code [A-Za-z0-9._:-]}, so it is safe in file names, URLs,
 * invoice numbers and log lines without escaping. Generated ids are 26 characters, time-ordered
 * (48-bit millisecond prefix, then 80 random bits, Crockford base-32) so that rows inserted
 * together sit together in an index.
 */
public final class Ids {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final char[] BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** Returns {@code value} if it is a valid id, else throws {@link InvalidInputException} naming the kind. */
    public static String check(String kind, String value) {
        Objects.requireNonNull(value, kind + " id");
        if (!VALID.matcher(value).matches()) {
            throw new InvalidInputException(kind + " id " + Text.quote(value)
                    + " must be 1-64 characters of letters, digits, '.', '_', ':' or '-'");
        }
        return value;
    }

    /** A new time-ordered random id. */
    public static String generate() {
        long time = System.currentTimeMillis();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = BASE32[(int) (time & 31)];
            time >>>= 5;
        }
        long hi = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (random[i] & 0xFF);
        }
        long lo = 0;
        for (int i = 5; i < 10; i++) {
            lo = (lo << 8) | (random[i] & 0xFF);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = BASE32[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = BASE32[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }
}
