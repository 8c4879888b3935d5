package dev.billops.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import dev.billops.core.invoice.AllowanceCharge;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.money.Money;
import dev.billops.core.tax.TaxCategory;
import dev.billops.core.tax.TaxTreatment;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.List;

/**
 * The line items: one row per invoice line, its header row repeated at the top of every page
 * the table continues on. The period column appears only when some line has a period.
 *
 * <p>The table is written {@value #ROWS_PER_CHUNK} rows at a time ({@link PdfPTable#setComplete}
 * false, then true for the last chunk): the rows written go out with their page and are dropped,
 * so memory does not grow with the number of lines, and no page is laid out twice.
 */
final class LineTable {

    /** Rows laid out and written per step; small enough to be cheap, large enough to fill a page. */
    static final int ROWS_PER_CHUNK = 100;
    private static final float SPACING_AFTER = 12f;

    private final RenderContext ctx;

    LineTable(RenderContext ctx) {
        this.ctx = ctx;
    }

    /** Adds the table to {@code pdf}, chunk by chunk. */
    void addTo(Document pdf) throws DocumentException {
        List<InvoiceLine> lines = ctx.invoice.lines();
        List<Money> nets = ctx.invoice.lineNets();
        boolean periods = false;
        for (InvoiceLine line : lines) {
            if (line.period() != null) {
                periods = true;
                break;
            }
        }
        boolean vat = !ctx.outsideVat();
        Labels l = ctx.labels;
        PdfPTable table = new PdfPTable(widths(periods, vat));
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSplitLate(false);
        table.setComplete(false);
        header(table, l.get("col.pos"), Element.ALIGN_LEFT);
        header(table, l.get("col.description"), Element.ALIGN_LEFT);
        if (periods) {
            header(table, l.get("col.period"), Element.ALIGN_LEFT);
        }
        header(table, l.get("col.quantity"), Element.ALIGN_RIGHT);
        header(table, l.get("col.unitPrice"), Element.ALIGN_RIGHT);
        if (vat) {
            header(table, l.get("col.tax"), Element.ALIGN_RIGHT);
        }
        header(table, l.get("col.net"), Element.ALIGN_RIGHT);

        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine line = lines.get(i);
            Color background = i % 2 == 1 ? Style.ZEBRA : null;
            boolean last = i == lines.size() - 1;
            table.addCell(body(Integer.toString(line.position()), Element.ALIGN_LEFT, background, last));
            table.addCell(description(line, background, last));
            if (periods) {
                String period = line.period() == null ? "" : ctx.formats.period(line.period(), " –\n");
                table.addCell(body(period, Element.ALIGN_LEFT, background, last));
            }
            table.addCell(body(quantity(line), Element.ALIGN_RIGHT, background, last));
            table.addCell(body(unitPrice(line), Element.ALIGN_RIGHT, background, last));
            if (vat) {
                table.addCell(body(rate(line.tax()), Element.ALIGN_RIGHT, background, last));
            }
            table.addCell(body(ctx.formats.money(nets.get(i)), Element.ALIGN_RIGHT, background, last));
            if (!last && (i + 1) % ROWS_PER_CHUNK == 0) {
                pdf.add(table);
            }
        }
        table.setSpacingAfter(SPACING_AFTER);
        table.setComplete(true);
        pdf.add(table);
    }

    /** Relative column widths; the description takes what optional columns leave. */
    private static float[] widths(boolean periods, boolean vat) {
        float description = 34f + (periods ? 0f : 16f) + (vat ? 0f : 7.5f);
        float[] all = {5.5f, description, periods ? 16f : 0f, 10.5f, 13f, vat ? 7.5f : 0f, 13.5f};
        int n = 0;
        for (float w : all) {
            if (w > 0f) {
                n++;
            }
        }
        float[] widths = new float[n];
        int i = 0;
        for (float w : all) {
            if (w > 0f) {
                widths[i++] = w;
            }
        }
        return widths;
    }

    private void header(PdfPTable table, String text, int alignment) {
        PdfPCell cell = new PdfPCell(ctx.style.tableHeader.phrase(text));
        cell.setBackgroundColor(ctx.style.accent);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        pad(cell);
        cell.setPaddingTop(2.5f);
        cell.setPaddingBottom(5f);
        cell.setUseAscender(false);
        cell.setUseDescender(true);
        cell.setLeading(0, 1.2f);
        table.addCell(cell);
    }

    private PdfPCell body(String text, int alignment, Color background, boolean last) {
        PdfPCell cell = new PdfPCell(ctx.style.cell.phrase(text));
        decorate(cell, background, last);
        cell.setHorizontalAlignment(alignment);
        return cell;
    }

    private PdfPCell description(InvoiceLine line, Color background, boolean last) {
        Phrase phrase = ctx.style.cell.phrase(line.description());
        for (AllowanceCharge ac : line.allowancesCharges()) {
            String kind = ctx.labels.get(ac.charge() ? "line.charge" : "line.allowance");
            String what = ac.reason().isBlank() ? kind : kind + " (" + ac.reason() + ")";
            if (ac.percent() != null) {
                what += " " + ctx.formats.percent(ac.percent());
            }
            phrase.addAll(ctx.style.cellMuted.phrase("\n" + what + ": " + ctx.formats.money(ac.signedAmount())));
        }
        PdfPCell cell = new PdfPCell(phrase);
        decorate(cell, background, last);
        return cell;
    }

    private void decorate(PdfPCell cell, Color background, boolean last) {
        cell.setBorder(last ? Rectangle.BOTTOM : Rectangle.NO_BORDER);
        cell.setBorderColor(Style.RULE);
        cell.setBorderWidth(0.75f);
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        pad(cell);
        cell.setPaddingTop(1.5f);
        cell.setUseAscender(false);
        cell.setUseDescender(true);
        cell.setLeading(0, 1.2f);
    }

    private static void pad(PdfPCell cell) {
        cell.setPaddingLeft(4f);
        cell.setPaddingRight(4f);
        cell.setPaddingTop(3f);
        cell.setPaddingBottom(4f);
    }

    private String quantity(InvoiceLine line) {
        BigDecimal q = line.quantity();
        String plural = q.abs().compareTo(BigDecimal.ONE) == 0 ? "one" : "other";
        // units without a printed name (most of Recommendation 20) show their code
        String code = line.unit().code();
        return ctx.formats.quantity(q) + "\u00a0" + ctx.labels.getOrDefault("unit." + code + "." + plural, code);
    }

    /** The price per unit, or per base quantity when that is not 1 ("€12.00 / 100"). */
    private String unitPrice(InvoiceLine line) {
        String price = ctx.formats.unitPrice(line.price());
        return line.baseQuantity().compareTo(BigDecimal.ONE) == 0
                ? price
                : price + " / " + ctx.formats.quantity(line.baseQuantity());
    }

    /** "19%"; other categories add their code ("0% AE"); O (no rate) prints its code only. */
    private String rate(TaxTreatment tax) {
        if (tax.ratePercent() == null) {
            return tax.category().code();
        }
        String rate = ctx.formats.percent(tax.ratePercent());
        return tax.category() == TaxCategory.S ? rate : rate + " " + tax.category().code();
    }
}
