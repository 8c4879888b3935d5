package dev.billops.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * A regular and a bold TrueType font, parsed once and embedded as subsets (only the glyphs a
 * document uses) into every PDF rendered with it.
 *
 * <p>Parsing a font costs tens of milliseconds, so an instance is meant to be created once and
 * shared: it is immutable and safe to use from many threads at once. The default,
 * {@link #standard()}, is Noto Sans CJK JP (SIL Open Font License 1.1), subset to Latin, Greek,
 * Cyrillic, Japanese and common symbols; it ships in this module's jar together with its licence
 * ({@code dev/billops/pdf/fonts/OFL.txt}).
 */
public final class PdfFont {

    private static final String FONT_DIR = "/dev/billops/pdf/fonts/";

    private final String name;
    private final BaseFont regular;
    private final BaseFont bold;

    private PdfFont(String name, BaseFont regular, BaseFont bold) {
        this.name = name;
        this.regular = regular;
        this.bold = bold;
    }

    /** The bundled Noto Sans CJK JP subset, loaded on first use and shared by every caller. */
    public static PdfFont standard() {
        return Standard.FONT;
    }

    /**
     * A host's own TrueType font (a {@code .ttf} with glyph outlines; not a collection and not a
     * CFF-based {@code .otf}). Pass the same bytes twice when there is no bold face.
     *
     * @param name a name for messages, e.g. {@code "Inter"}
     * @param regularTtf the regular face
     * @param boldTtf the bold face
     * @throws InvalidFontException if either face cannot be read or may not be embedded
     */
    public static PdfFont trueType(String name, byte[] regularTtf, byte[] boldTtf) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(regularTtf, "regularTtf");
        Objects.requireNonNull(boldTtf, "boldTtf");
        return new PdfFont(name, load(name + " (regular)", regularTtf.clone(), 'R'),
                load(name + " (bold)", boldTtf.clone(), 'B'));
    }

    /** The name given at creation, e.g. {@code "Noto Sans CJK JP"}. */
    public String name() {
        return name;
    }

    BaseFont regular() {
        return regular;
    }

    BaseFont bold() {
        return bold;
    }

    /** Whether the regular face has a glyph for the code point. */
    public boolean canDisplay(int codePoint) {
        return regular.charExists(codePoint);
    }

    @Override
    public String toString() {
        return "PdfFont[" + name + "]";
    }

    private static BaseFont load(String what, byte[] ttf, char subsetTagLetter) {
        BaseFont font;
        try {
            // The name only tells OpenPDF the file type; the bytes are the font. Not cached in
            // OpenPDF's global font cache: the PdfFont instance is the cache.
            font = BaseFont.createFont(what.replaceAll("[^A-Za-z0-9]", "") + ".ttf", BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, false, ttf, null);
        } catch (IOException | RuntimeException e) {
            throw new InvalidFontException(what, e);
        }
        font.setSubset(true);
        // OpenPDF tags each embedded subset with six random letters; a fixed tag per face keeps
        // the output byte-identical. Regular and bold get different tags, so two faces with the
        // same PostScript name never collide within one document.
        font.setSecureRandom(new FixedLetters(subsetTagLetter));
        return font;
    }

    private static byte[] resource(String file) {
        try (InputStream in = PdfFont.class.getResourceAsStream(FONT_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled font " + FONT_DIR + file + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled font " + FONT_DIR + file, e);
        }
    }

    /** Holder idiom: the bundled font is parsed once, on first use, without locking afterwards. */
    private static final class Standard {
        static final PdfFont FONT = new PdfFont("Noto Sans CJK JP",
                load("NotoSansCJKjp-Regular", resource("NotoSansCJKjp-Regular-subset.ttf"), 'R'),
                load("NotoSansCJKjp-Bold", resource("NotoSansCJKjp-Bold-subset.ttf"), 'B'));
    }

    /**
     * The "random" source OpenPDF draws subset tags from: always the same letter. Stateless, so
     * it is safe to share across threads.
     */
    private static final class FixedLetters extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final double value;

        FixedLetters(char letter) {
            this.value = (letter - 'A' + 0.5) / 26.0;
        }

        @Override
        public double nextDouble() {
            return value;
        }
    }
}
