package dev.billops.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import dev.billops.core.invoice.AllowanceCharge;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.PrepaymentDeduction;
import dev.billops.core.money.Money;
import dev.billops.core.tax.TaxCategory;
import dev.billops.core.tax.TaxSubtotal;
import dev.billops.core.tax.Totals;
import java.awt.Color;

/**
 * The VAT breakdown (left) and the totals (right), kept together on one page: net, document
 * allowances and charges, each tax, gross, rounding, paid, credited and the amount due; for a
 * document with an amount paid in advance (BT-113), that amount and the document's amount due
 * (BT-115) instead of the live balance, which follows them only once payments or credits changed it.
 */
final class SummaryBlock {

    private final RenderContext ctx;

    SummaryBlock(RenderContext ctx) {
        this.ctx = ctx;
    }

    PdfPTable build() {
        PdfPTable table = Cells.layout(1f, 0.12f, 1f);
        table.addCell(ctx.outsideVat() ? Cells.empty() : Cells.holding(breakdown()));
        table.addCell(Cells.empty());
        table.addCell(Cells.holding(totals()));
        table.setKeepTogether(true);
        table.setSpacingAfter(16f);
        return table;
    }

    private PdfPTable breakdown() {
        PdfPTable t = Cells.layout(1.3f, 1f, 1f);
        Labels l = ctx.labels;
        headerCell(t, l.get("breakdown.category"), Element.ALIGN_LEFT);
        headerCell(t, l.get("breakdown.base"), Element.ALIGN_RIGHT);
        headerCell(t, l.get("breakdown.tax"), Element.ALIGN_RIGHT);
        for (TaxSubtotal group : ctx.invoice.taxBreakdown()) {
            t.addCell(row(ctx.taxLabel(group.category(), group.ratePercent()), ctx.style.small, Element.ALIGN_LEFT));
            t.addCell(row(ctx.formats.money(group.taxableAmount()), ctx.style.small, Element.ALIGN_RIGHT));
            t.addCell(row(ctx.formats.money(group.taxAmount()), ctx.style.small, Element.ALIGN_RIGHT));
        }
        return t;
    }

    private void headerCell(PdfPTable t, String text, int alignment) {
        PdfPCell cell = Cells.text(text, ctx.style.smallMuted, alignment);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(Style.RULE);
        cell.setBorderWidth(0.75f);
        cell.setPaddingBottom(3f);
        t.addCell(cell);
    }

    private static PdfPCell row(String text, TextStyle style, int alignment) {
        PdfPCell cell = Cells.text(text, style, alignment);
        cell.setPaddingTop(2f);
        return cell;
    }

    private PdfPTable totals() {
        Invoice inv = ctx.invoice;
        Totals totals = inv.totals();
        Labels l = ctx.labels;
        PdfPTable t = Cells.layout(1.35f, 1f);
        line(t, l.get("totals.lineNet"), totals.lineNetTotal());
        boolean adjusted = !inv.adjustments().isEmpty();
        for (AllowanceCharge ac : inv.adjustments()) {
            String key = ac.charge() ? "totals.charge" : "totals.allowance";
            line(t, l.format(key, ac.reason()), ac.signedAmount());
        }
        if (adjusted) {
            line(t, l.get("totals.taxExclusive"), totals.taxExclusive());
        }
        for (TaxSubtotal group : inv.taxBreakdown()) {
            if (group.category().isZeroRated()) {
                continue; // no tax by definition: shown in the breakdown and explained in the notes
            }
            line(t, ctx.taxLabel(group.category(), group.ratePercent()), group.taxAmount());
        }
        if (ctx.creditNote()) {
            emphasized(t, l.get("totals.creditTotal"), totals.payable());
            if (!inv.prepaid().isZero()) {
                line(t, l.get("totals.prepaid"), inv.prepaid().negate());
                emphasized(t, l.get("totals.amountDue"), totals.payable().minus(inv.prepaid()));
            }
            return t;
        }
        strong(t, l.get("totals.taxInclusive"), totals.taxInclusive());
        if (inv.status() == InvoiceStatus.VOID) {
            return t; // nothing is due on a voided invoice
        }
        if (!totals.roundingAmount().isZero()) {
            line(t, l.get("totals.rounding"), totals.roundingAmount());
            strong(t, l.get("totals.payable"), totals.payable());
        }
        if (!inv.prepaid().isZero()) {
            prepaid(t);
            return t;
        }
        if (inv.paid().isPositive()) {
            line(t, l.get("totals.paid"), inv.paid().negate());
        }
        if (inv.credited().isPositive()) {
            line(t, l.get("totals.credited"), inv.credited().negate());
        }
        emphasized(t, l.get("totals.amountDue"), inv.amountDue());
        return t;
    }

    /**
     * The rows of an invoice that was partly or wholly paid when it was issued: what it says was
     * paid in advance (BT-113) and so its amount due (BT-115 = payable − BT-113, zero or negative
     * when the advance covered it), both as issued (for a draft: as declared so far). Payments
     * and credits made since the issue follow, with the balance they leave.
     *
     * <p>Prepayment invoices the document deducts get a row each. What the ledger had paid at
     * issue is the rest of the advance up to the receivable amount: an advance beyond it stays
     * the client's credit (BT-115 is then negative), so only that much of {@code paid()} predates
     * the document.
     */
    private void prepaid(PdfPTable t) {
        Invoice inv = ctx.invoice;
        Labels l = ctx.labels;
        Money payable = inv.totals().payable();
        Money prepaid = inv.prepaid();
        Money documentDue = payable.minus(prepaid);
        // prepayment invoices deducted, one row each; the rest of BT-113 as paid in advance
        Money advance = prepaid;
        for (PrepaymentDeduction d : inv.prepayments()) {
            line(t, l.format("totals.prepaymentInvoice", d.number()), d.amount().negate());
            advance = advance.minus(d.amount());
        }
        if (!advance.isZero() || inv.prepayments().isEmpty()) {
            line(t, l.get("totals.prepaid"), advance.negate());
        }
        // what the ledger had paid at issue: BT-113 less what it deducted, up to the receivable
        // (an advance beyond that stays the client's credit)
        Money paidAtIssue = prepaid.minus(inv.deducted()).min(inv.receivable().max(Money.zero(inv.currency())));
        Money paidSince = inv.paid().minus(paidAtIssue);
        boolean settledSince = inv.status() != InvoiceStatus.DRAFT
                && (!paidSince.isZero() || !inv.credited().isZero());
        if (!settledSince) {
            emphasized(t, l.get("totals.amountDue"), documentDue);
            return;
        }
        strong(t, l.get("totals.amountDue"), documentDue);
        if (!paidSince.isZero()) {
            line(t, l.get("totals.paidSinceIssue"), paidSince.negate());
        }
        if (!inv.credited().isZero()) {
            line(t, l.get("totals.credited"), inv.credited().negate());
        }
        emphasized(t, l.get("totals.balance"), inv.amountDue());
    }

    private void line(PdfPTable t, String label, Money amount) {
        t.addCell(inset(row(label, ctx.style.body, Element.ALIGN_LEFT)));
        t.addCell(inset(row(ctx.formats.money(amount), ctx.style.body, Element.ALIGN_RIGHT)));
    }

    /** Totals rows share the amount-due band's side padding, so their figures line up. */
    private static PdfPCell inset(PdfPCell cell) {
        cell.setPaddingLeft(5f);
        cell.setPaddingRight(5f);
        return cell;
    }

    /** A total with a rule above it. */
    private void strong(PdfPTable t, String label, Money amount) {
        for (PdfPCell cell : new PdfPCell[] {
            inset(row(label, ctx.style.bodyBold, Element.ALIGN_LEFT)),
            inset(row(ctx.formats.money(amount), ctx.style.bodyBold, Element.ALIGN_RIGHT))}) {
            cell.setBorder(Rectangle.TOP);
            cell.setBorderColor(Style.RULE);
            cell.setBorderWidth(0.75f);
            cell.setPaddingTop(4f);
            t.addCell(cell);
        }
    }

    /** The figure the reader looks for: bold on an accent-tinted band. */
    private void emphasized(PdfPTable t, String label, Money amount) {
        Color band = ctx.style.accentTint;
        PdfPCell left = new PdfPCell(ctx.style.amountDue.phrase(label));
        PdfPCell right = new PdfPCell(ctx.style.amountDue.phrase(ctx.formats.money(amount)));
        right.setHorizontalAlignment(Element.ALIGN_RIGHT);
        for (PdfPCell cell : new PdfPCell[] {left, right}) {
            cell.setBorder(Rectangle.TOP);
            cell.setBorderColor(ctx.style.accent);
            cell.setBorderWidth(1.2f);
            cell.setBackgroundColor(band);
            cell.setPaddingTop(3.5f);
            cell.setPaddingBottom(6f);
            cell.setPaddingLeft(5f);
            cell.setPaddingRight(5f);
            cell.setUseAscender(false);
            cell.setUseDescender(true);
            cell.setLeading(0, 1.2f);
            t.addCell(cell);
        }
    }
}
