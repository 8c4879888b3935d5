package dev.billops.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Draws what every page carries: the footer (seller, document number, "page X of Y") and, for
 * paid, void and draft documents, a large translucent mark across the page.
 *
 * <p>The page count is unknown until the document closes, so each page's "page X of Y" goes into
 * a small template that is written at the end, when the total is known; the text is then set
 * whole, right-aligned, in whatever word order the language uses.
 */
final class PageDecorator extends PdfPageEventHelper {

    private static final float FOOTER_SIZE = 7.5f;
    private static final float SLOT_WIDTH = 220f;
    private static final float SLOT_HEIGHT = 12f;

    private final RenderContext ctx;
    private final RenderContext.@Nullable Mark watermark;
    private final List<PdfTemplate> pageSlots = new ArrayList<>();
    private final TextStyle footer;
    private final TextStyle footerBold;

    PageDecorator(RenderContext ctx) {
        this.ctx = ctx;
        RenderContext.Mark mark = ctx.mark();
        this.watermark = mark != null && mark.watermark() ? mark : null;
        this.footer = ctx.style.regular(FOOTER_SIZE, Style.MUTED);
        this.footerBold = ctx.style.bold(FOOTER_SIZE, Style.MUTED);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte canvas = writer.getDirectContent();
        if (writer.getPageNumber() > 1) {
            runningHeader(canvas, document);
        }
        if (watermark != null) {
            drawWatermark(canvas, document.getPageSize());
        }
        float left = document.left();
        float right = document.right();
        float ruleY = document.bottom() - 14f;
        canvas.saveState();
        canvas.setColorStroke(Style.RULE);
        canvas.setLineWidth(0.5f);
        canvas.moveTo(left, ruleY);
        canvas.lineTo(right, ruleY);
        canvas.stroke();
        canvas.restoreState();

        float textY = ruleY - 11f;
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT,
                footer.phrase(footerLeft()), left, textY, 0);
        PdfTemplate slot = canvas.createTemplate(SLOT_WIDTH, SLOT_HEIGHT);
        canvas.addTemplate(slot, right - SLOT_WIDTH, textY - 3f);
        pageSlots.add(slot);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        String total = Integer.toString(pageSlots.size());
        String prefix = ctx.title() + " " + ctx.number() + "  ·  ";
        for (int i = 0; i < pageSlots.size(); i++) {
            String text = prefix + ctx.labels.format("footer.page", Integer.toString(i + 1), total);
            ColumnText.showTextAligned(pageSlots.get(i), Element.ALIGN_RIGHT, footer.phrase(text), SLOT_WIDTH, 3f, 0);
        }
    }

    /** Pages drawn so far; the page count once the document is closed. */
    int pageCount() {
        return pageSlots.size();
    }

    /** On continuation pages: which document this is, above the repeated table header. */
    private void runningHeader(PdfContentByte canvas, Document document) {
        float y = document.top() + 16f;
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT,
                footerBold.phrase(ctx.title() + " " + ctx.number()), document.left(), y, 0);
        ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                footer.phrase(ctx.buyer.name()), document.right(), y, 0);
    }

    private String footerLeft() {
        StringBuilder sb = new StringBuilder(ctx.seller.name());
        if (ctx.seller.vatId() != null) {
            sb.append("  ·  ").append(ctx.labels.get("party.vatId")).append(' ').append(ctx.seller.vatId());
        }
        if (ctx.seller.email() != null) {
            sb.append("  ·  ").append(ctx.seller.email());
        }
        return sb.toString();
    }

    private void drawWatermark(PdfContentByte canvas, Rectangle page) {
        RenderContext.Mark mark = watermark;
        if (mark == null) {
            return;
        }
        float size = 96f;
        float width = ctx.style.bold(size, mark.color()).width(mark.text());
        float maxWidth = (float) Math.hypot(page.getWidth(), page.getHeight()) * 0.62f;
        if (width > maxWidth) {
            size = size * maxWidth / width;
        }
        PdfGState translucent = new PdfGState();
        translucent.setFillOpacity(0.13f);
        canvas.saveState();
        canvas.setGState(translucent);
        float angle = (float) Math.toDegrees(Math.atan2(page.getHeight(), page.getWidth()));
        // the baseline runs through the page centre, lowered by a third of the size so that the
        // letters' middle, not their foot, sits on the diagonal
        double radians = Math.toRadians(angle);
        float drop = size / 3;
        float x = page.getWidth() / 2 + (float) (drop * Math.sin(radians));
        float y = page.getHeight() / 2 - (float) (drop * Math.cos(radians));
        ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, ctx.style.bold(size, mark.color()).phrase(mark.text()),
                x, y, angle);
        canvas.restoreState();
    }
}
