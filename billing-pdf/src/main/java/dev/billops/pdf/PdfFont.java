package dev.billops.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The typeface of a document: a regular and a bold weight, each a list of faces tried in order
 * for every character (a face without a glyph for it hands it to the next). Each face is
 * embedded as a subset, with only the glyphs a document uses, and only if it uses any.
 *
 * <p>{@link #standard()} is Noto Sans (Latin, Greek, Cyrillic, symbols) followed by Noto Sans CJK
 * JP (Japanese), both under the SIL Open Font License 1.1; they ship in this module's jar with
 * their licence ({@code dev/billops/pdf/fonts/OFL.txt}). Splitting them keeps documents without
 * Japanese text cheap: OpenPDF's per-document subsetting work grows with a face's glyph count,
 * and the Japanese face has over 8,000 glyphs.
 *
 * <p>Parsing faces costs tens of milliseconds, so an instance is meant to be created once and
 * shared: it is immutable and safe to use from many threads at once.
 */
public final class PdfFont {

    private static final String FONT_DIR = "/dev/billops/pdf/fonts/";

    private final String name;
    private final List<BaseFont> regular;
    private final List<BaseFont> bold;

    private PdfFont(String name, List<BaseFont> regular, List<BaseFont> bold) {
        this.name = name;
        this.regular = List.copyOf(regular);
        this.bold = List.copyOf(bold);
    }

    /** Noto Sans with Noto Sans CJK JP, loaded on first use and shared by every caller. */
    public static PdfFont standard() {
        return Standard.FONT;
    }

    /**
     * A host's own TrueType font (a {@code .ttf} with glyph outlines; not a collection and not a
     * CFF-based {@code .otf}), with the standard faces as fallback for characters it lacks. Pass
     * the same bytes twice when there is no bold face.
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
        List<BaseFont> regular = new ArrayList<>();
        regular.add(load(name + " (regular)", regularTtf.clone(), 'H'));
        regular.addAll(standard().regular);
        List<BaseFont> bold = new ArrayList<>();
        bold.add(load(name + " (bold)", boldTtf.clone(), 'I'));
        bold.addAll(standard().bold);
        return new PdfFont(name, regular, bold);
    }

    /** The name given at creation, e.g. {@code "Noto Sans"}. */
    public String name() {
        return name;
    }

    /** The faces of a weight, in the order they are tried. */
    List<BaseFont> faces(boolean boldWeight) {
        return boldWeight ? bold : regular;
    }

    /** Whether some regular face has a glyph for the code point. */
    public boolean canDisplay(int codePoint) {
        for (BaseFont face : regular) {
            if (face.charExists(codePoint)) {
                return true;
            }
        }
        return false;
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
        // the output byte-identical. Every face gets its own letter, so two faces with the same
        // PostScript name never collide within one document.
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

    /** Holder idiom: the bundled faces are parsed once, on first use, without locking afterwards. */
    private static final class Standard {
        static final PdfFont FONT = new PdfFont("Noto Sans",
                List.of(load("NotoSans-Regular", resource("NotoSans-Regular-subset.ttf"), 'A'),
                        load("NotoSansCJKjp-Regular", resource("NotoSansCJKjp-Regular-subset.ttf"), 'C')),
                List.of(load("NotoSans-Bold", resource("NotoSans-Bold-subset.ttf"), 'B'),
                        load("NotoSansCJKjp-Bold", resource("NotoSansCJKjp-Bold-subset.ttf"), 'D')));
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
