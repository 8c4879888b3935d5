package dev.billops.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/** Builders of borderless table cells and layout tables, the units every block is made of. */
final class Cells {

    private Cells() {
    }

    /** A borderless cell with text, left-aligned, small vertical padding. */
    static PdfPCell text(String text, Font font) {
        return text(text, font, Element.ALIGN_LEFT);
    }

    static PdfPCell text(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        plain(cell);
        cell.setHorizontalAlignment(alignment);
        return cell;
    }

    /** A borderless cell holding a nested table, which keeps its own row heights. */
    static PdfPCell holding(PdfPTable table) {
        PdfPCell cell = new PdfPCell(table);
        table.setExtendLastRow(false);
        plain(cell);
        cell.setPadding(0);
        return cell;
    }

    /** An empty borderless cell. */
    static PdfPCell empty() {
        PdfPCell cell = new PdfPCell();
        plain(cell);
        return cell;
    }

    /** A full-width layout table with the given relative column widths and no default borders. */
    static PdfPTable layout(float... relativeWidths) {
        PdfPTable table = new PdfPTable(relativeWidths);
        table.setWidthPercentage(100);
        table.getDefaultCell().setBorder(Rectangle.NO_BORDER);
        return table;
    }

    private static void plain(PdfPCell cell) {
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPaddingLeft(0);
        cell.setPaddingRight(0);
        cell.setPaddingTop(1f);
        cell.setPaddingBottom(2f);
        cell.setUseAscender(true);
        cell.setUseDescender(true);
        cell.setLeading(0, 1.25f);
    }
}
