package dev.billops.pdf;

import dev.billops.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The branding of a document: accent colour, logo and font.
 *
 * @param accentRgb the accent colour as {@code 0xRRGGBB}: title, table header, amount due
 * @param logo the seller's logo as PNG or JPEG bytes, or null for none; printed at most
 *     160 × 56 pt in the top-left corner, keeping its aspect ratio
 * @param font the font every text is set in
 */
public record Theme(int accentRgb, byte @Nullable [] logo, PdfFont font) {

    /** The default accent, a dark blue that prints well in black and white. */
    public static final int DEFAULT_ACCENT = 0x1F4E79;

    public Theme {
        Objects.requireNonNull(font, "font");
        if ((accentRgb & ~0xFFFFFF) != 0) {
            throw new InvalidInputException("accent colour 0x" + Integer.toHexString(accentRgb)
                    + " is not an RGB value 0x000000..0xFFFFFF");
        }
        if (logo != null) {
            if (logo.length == 0) {
                throw new InvalidInputException("logo is empty");
            }
            logo = logo.clone();
        }
    }

    /** Dark blue accent, no logo, the bundled font. */
    public static Theme standard() {
        return new Theme(DEFAULT_ACCENT, null, PdfFont.standard());
    }

    /** This theme with an accent colour given as {@code "#RRGGBB"} or {@code "RRGGBB"}. */
    public Theme withAccent(String hex) {
        Objects.requireNonNull(hex, "hex");
        String digits = hex.startsWith("#") ? hex.substring(1) : hex;
        if (!digits.matches("[0-9A-Fa-f]{6}")) {
            throw new InvalidInputException("accent colour '" + hex + "' is not of the form #RRGGBB");
        }
        return new Theme(Integer.parseInt(digits, 16), logo, font);
    }

    /** This theme with an accent colour {@code 0xRRGGBB}. */
    public Theme withAccentRgb(int rgb) {
        return new Theme(rgb, logo, font);
    }

    /** This theme with a logo (PNG or JPEG bytes), or without one for null. */
    public Theme withLogo(byte @Nullable [] logo) {
        return new Theme(accentRgb, logo, font);
    }

    public Theme withFont(PdfFont font) {
        return new Theme(accentRgb, logo, font);
    }

    /** A copy of the logo bytes, or null. */
    @Override
    public byte @Nullable [] logo() {
        return logo == null ? null : logo.clone();
    }

    /** The logo without copying, for the renderer. */
    byte @Nullable [] logoBytes() {
        return logo;
    }

    /** The accent as {@code "#RRGGBB"}. */
    public String accentHex() {
        return String.format(Locale.ROOT, "#%06X", accentRgb);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Theme other && other.accentRgb == accentRgb && Arrays.equals(other.logo, logo)
                && other.font.equals(font);
    }

    @Override
    public int hashCode() {
        return (accentRgb * 31 + Arrays.hashCode(logo)) * 31 + font.hashCode();
    }

    @Override
    public String toString() {
        return "Theme[accent=" + accentHex() + ", logo=" + (logo == null ? "none" : logo.length + " bytes")
                + ", font=" + font.name() + "]";
    }
}
