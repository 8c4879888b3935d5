package dev.billops.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A rendered PDF read back with PDFBox: the text of each page (no-break and narrow spaces
 * turned into plain spaces), the page size, the fonts and how far right any glyph reaches.
 */
final class PdfText {

    final List<String> pages;
    final PDRectangle pageSize;
    final List<String> fontNames;
    final boolean fontsEmbedded;
    /** The right-most x of any glyph on any page, in points. */
    final float maxGlyphRight;

    private PdfText(List<String> pages, PDRectangle pageSize, List<String> fontNames, boolean fontsEmbedded,
            float maxGlyphRight) {
        this.pages = pages;
        this.pageSize = pageSize;
        this.fontNames = fontNames;
        this.fontsEmbedded = fontsEmbedded;
        this.maxGlyphRight = maxGlyphRight;
    }

    static PdfText read(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Stripper stripper = new Stripper();
            stripper.setSortByPosition(true);
            List<String> pages = new ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(normalize(stripper.getText(doc)));
            }
            List<String> fonts = new ArrayList<>();
            boolean embedded = true;
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    if (!fonts.contains(font.getName())) {
                        fonts.add(font.getName());
                    }
                    embedded &= font.isEmbedded();
                }
            }
            return new PdfText(pages, doc.getPage(0).getMediaBox(), fonts, embedded, stripper.maxRight);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int pageCount() {
        return pages.size();
    }

    String all() {
        return String.join("\n", pages);
    }

    /** How often {@code needle} occurs in the whole text. */
    int count(String needle) {
        String all = all();
        int n = 0;
        for (int i = all.indexOf(needle); i >= 0; i = all.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    static String normalize(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u2009', ' ').replaceAll("[ \\t]+", " ");
    }

    private static final class Stripper extends PDFTextStripper {
        float maxRight;

        Stripper() {
            super();
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            maxRight = Math.max(maxRight, text.getXDirAdj() + text.getWidthDirAdj());
            super.processTextPosition(text);
        }
    }
}
