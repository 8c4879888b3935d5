package dev.billops.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;
import java.util.List;

/**
 * One size, weight and colour of text, set in the faces of a {@link PdfFont}: every character
 * goes to the first face that has a glyph for it, so a line may mix Latin and Japanese faces.
 */
final class TextStyle {

    private final List<BaseFont> faces;
    private final Font[] fonts;
    private final float size;

    TextStyle(PdfFont font, float size, boolean bold, Color color) {
        this.faces = font.faces(bold);
        this.size = size;
        this.fonts = new Font[faces.size()];
        for (int i = 0; i < fonts.length; i++) {
            fonts[i] = new Font(faces.get(i), size, Font.NORMAL, color);
        }
    }

    float size() {
        return size;
    }

    /** The text as chunks, one per run of characters set in the same face. */
    Phrase phrase(String text) {
        Phrase phrase = new Phrase();
        phrase.setFont(fonts[0]);
        if (fonts.length == 1) {
            phrase.add(new Chunk(text, fonts[0]));
            return phrase;
        }
        int runStart = 0;
        int runFace = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int face = faceOf(cp, runFace);
            if (face != runFace) {
                if (runFace >= 0) {
                    phrase.add(new Chunk(text.substring(runStart, i), fonts[runFace]));
                }
                runStart = i;
                runFace = face;
            }
            i += Character.charCount(cp);
        }
        if (runFace >= 0) {
            phrase.add(new Chunk(text.substring(runStart), fonts[runFace]));
        }
        return phrase;
    }

    /** The printed width of the text in points. */
    float width(String text) {
        float width = 0;
        int runFace = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            runFace = faceOf(cp, runFace);
            width += faces.get(runFace).getWidthPoint(cp, size);
            i += Character.charCount(cp);
        }
        return width;
    }

    /**
     * The face for a character: the current run's face if it has the glyph (line breaks never
     * start a new run), else the first face that has it, else the first face.
     */
    private int faceOf(int cp, int current) {
        if (current >= 0 && (Character.isISOControl(cp) || faces.get(current).charExists(cp))) {
            return current;
        }
        for (int i = 0; i < faces.size(); i++) {
            if (faces.get(i).charExists(cp)) {
                return i;
            }
        }
        return current >= 0 ? current : 0;
    }
}
