package dev.billops.core.invoice;

import dev.billops.core.error.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A unit of measure of invoice lines: a UN/ECE Recommendation 20 code (or a Recommendation 21
 * package code), as EN 16931 requires (BR-CL-23), e.g. {@code HUR} for hours or {@code KGM} for
 * kilograms. Only codes of that list exist ({@link #of}); there is one instance per code, so
 * {@code ==} and {@link #equals} agree. The constants name the common ones. Immutable.
 */
public final class UnitCode implements Comparable<UnitCode> {

    private static final Map<String, UnitCode> CODES = load();

    /** Minute, {@code MIN}. */
    public static final UnitCode MINUTE = of("MIN");
    /** Hour, {@code HUR}. */
    public static final UnitCode HOUR = of("HUR");
    /** Day, {@code DAY}. */
    public static final UnitCode DAY = of("DAY");
    /** Week, {@code WEE}. */
    public static final UnitCode WEEK = of("WEE");
    /** Month, {@code MON}. */
    public static final UnitCode MONTH = of("MON");
    /** Year, {@code ANN}. */
    public static final UnitCode YEAR = of("ANN");
    /** Piece (one), {@code C62}. */
    public static final UnitCode PIECE = of("C62");
    /** Kilogram, {@code KGM}. */
    public static final UnitCode KILOGRAM = of("KGM");
    /** Kilometre, {@code KMT}. */
    public static final UnitCode KILOMETRE = of("KMT");
    /** Lump sum, {@code LS}. */
    public static final UnitCode LUMP_SUM = of("LS");

    private final String code;

    private UnitCode(String code) {
        this.code = code;
    }

    /**
     * The unit of {@code code}, e.g. {@code "HUR"}; case matters, as in the code list.
     *
     * @throws UnknownUnitCodeException if it is not a Recommendation 20/21 code
     */
    public static UnitCode of(String code) {
        Objects.requireNonNull(code, "code");
        UnitCode unit = CODES.get(code);
        if (unit == null) {
            throw new UnknownUnitCodeException("unit code " + Text.quote(code)
                    + " is not a UN/ECE Recommendation 20 or 21 code (e.g. HUR for hours, C62 for pieces)");
        }
        return unit;
    }

    /** The code, e.g. {@code "HUR"}. */
    public String code() {
        return code;
    }

    @Override
    public int compareTo(UnitCode other) {
        return code.compareTo(other.code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnitCode u && code.equals(u.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /** The code. */
    @Override
    public String toString() {
        return code;
    }

    private static Map<String, UnitCode> load() {
        Map<String, UnitCode> codes = new HashMap<>(4096);
        try (InputStream in = UnitCode.class.getResourceAsStream("unit-codes.txt")) {
            if (in == null) {
                throw new IllegalStateException("unit-codes.txt is missing from the billing-core jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String c = line.strip();
                if (!c.isEmpty() && !c.startsWith("#")) {
                    codes.put(c, new UnitCode(c));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading unit-codes.txt", e);
        }
        return Map.copyOf(codes);
    }
}
