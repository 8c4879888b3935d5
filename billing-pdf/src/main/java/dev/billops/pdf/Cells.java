package dev.billops.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/** Builders of borderless table cells and layout tables, the units every block is made of. */
final class Cells {

    private Cells() {
    }

    /** A borderless cell with text, left-aligned, small vertical padding. */
    static PdfPCell text(String text, TextStyle style) {
        return text(text, style, Element.ALIGN_LEFT);
    }

    static PdfPCell text(String text, TextStyle style, int alignment) {
        PdfPCell cell = new PdfPCell(style.phrase(text));
        plain(cell);
        cell.setHorizontalAlignment(alignment);
        return cell;
    }

    /**
     * A label and value pair in one row; both get the same fixed leading, so their baselines
     * line up although the label is set smaller.
     */
    static void pair(PdfPTable table, String label, TextStyle labelStyle, String value, TextStyle valueStyle,
            int valueAlignment) {
        float leading = Math.max(labelStyle.size(), valueStyle.size()) * 1.22f;
        PdfPCell l = text(label, labelStyle);
        l.setLeading(leading, 0);
        l.setPaddingRight(6f);
        table.addCell(l);
        PdfPCell v = text(value, valueStyle, valueAlignment);
        v.setLeading(leading, 0);
        table.addCell(v);
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
        cell.setPaddingTop(0f);
        cell.setPaddingBottom(0.5f);
        // Baselines from the leading, not from the font's ascender: a row mixing Latin and
        // Japanese faces (whose ascenders differ) then keeps one baseline across its cells.
        cell.setUseAscender(false);
        cell.setUseDescender(true);
        cell.setLeading(0, 1.22f);
    }
}
