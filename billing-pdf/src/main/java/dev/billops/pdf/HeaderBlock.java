package dev.billops.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import dev.billops.core.invoice.DocumentTerms;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.party.Client;
import dev.billops.core.party.DeliverTo;
import dev.billops.core.party.Tenant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * Page one's top: logo and seller; title and mark, with the preceding invoice under them; buyer
 * and deliver-to beside the invoice facts (VAT point and delivery date among them).
 */
final class HeaderBlock {

    private final RenderContext ctx;

    HeaderBlock(RenderContext ctx) {
        this.ctx = ctx;
    }

    /** Logo (or seller name) on the left, the seller's details on the right. */
    PdfPTable letterhead(@Nullable Image logo) {
        PdfPTable table = Cells.layout(1f, 1f);
        PdfPCell left;
        if (logo != null) {
            left = new PdfPCell(logo, false);
            left.setBorder(Rectangle.NO_BORDER);
            left.setPadding(0);
        } else {
            left = Cells.text(ctx.seller.name(), ctx.style.sellerName);
        }
        left.setVerticalAlignment(Element.ALIGN_TOP);
        table.addCell(left);

        PdfPTable seller = Cells.layout(1f);
        Tenant s = ctx.seller;
        if (logo != null) {
            seller.addCell(Cells.text(s.name(), ctx.style.smallBold, Element.ALIGN_RIGHT));
        }
        for (String line : ctx.addressLines(s.address())) {
            seller.addCell(Cells.text(line, ctx.style.small, Element.ALIGN_RIGHT));
        }
        if (s.vatId() != null) {
            seller.addCell(Cells.text(ctx.labels.get("party.vatId") + " " + s.vatId(), ctx.style.small,
                    Element.ALIGN_RIGHT));
        }
        if (s.email() != null) {
            seller.addCell(Cells.text(s.email(), ctx.style.small, Element.ALIGN_RIGHT));
        }
        table.addCell(Cells.holding(seller));
        table.setSpacingAfter(26f);
        return table;
    }

    /** The document title, with the PAID / VOID / DRAFT / CREDIT NOTE mark on the right. */
    PdfPTable title() {
        PdfPTable table = Cells.layout(3f, 2f);
        PdfPCell title = Cells.text(ctx.title(), ctx.style.title);
        title.setVerticalAlignment(Element.ALIGN_MIDDLE);
        table.addCell(title);
        RenderContext.Mark mark = ctx.mark();
        if (mark == null) {
            table.addCell(Cells.empty());
        } else {
            PdfPTable badge = new PdfPTable(1);
            badge.setTotalWidth(badgeWidth(mark));
            badge.setLockedWidth(true);
            badge.setHorizontalAlignment(Element.ALIGN_RIGHT);
            PdfPCell word = new PdfPCell(ctx.style.bold(12f, mark.color()).phrase(mark.text()));
            word.setBorderColor(mark.color());
            word.setBorderWidth(1.6f);
            word.setHorizontalAlignment(Element.ALIGN_CENTER);
            word.setPaddingTop(1f);
            word.setPaddingBottom(5f);
            word.setUseAscender(false);
            word.setUseDescender(true);
            word.setLeading(0, 1.2f);
            badge.addCell(word);
            PdfPCell holder = Cells.holding(badge);
            holder.setVerticalAlignment(Element.ALIGN_MIDDLE);
            holder.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.addCell(holder);
        }
        String reference = precedingInvoice();
        if (reference != null) {
            PdfPCell line = Cells.text(reference, ctx.style.body);
            line.setColspan(2);
            line.setPaddingTop(3f);
            table.addCell(line);
        }
        table.setSpacingAfter(14f);
        return table;
    }

    /**
     * The line under the title naming the preceding invoice (BT-25, BT-26): the one a corrected
     * invoice corrects, or the one any other document refers to. Null when there is none, or when a
     * credit note's preceding invoice is the credited invoice its facts already name.
     */
    private @Nullable String precedingInvoice() {
        DocumentTerms.PrecedingInvoice preceding = ctx.terms().precedingInvoice();
        if (preceding == null
                || (preceding.issueDate() == null && preceding.number().equals(ctx.creditedInvoiceNumber()))) {
            return null;
        }
        String key = ctx.invoice.type() == DocumentType.CORRECTED ? "ref.corrects" : "ref.refersTo";
        if (preceding.issueDate() == null) {
            return ctx.labels.format(key + "NoDate", preceding.number());
        }
        return ctx.labels.format(key, preceding.number(), ctx.formats.date(preceding.issueDate()));
    }

    private float badgeWidth(RenderContext.Mark mark) {
        return ctx.style.bold(12f, mark.color()).width(mark.text()) + 24f;
    }

    /** "Bill to" with the buyer's details on the left, the invoice facts on the right. */
    PdfPTable partiesAndFacts() {
        PdfPTable table = Cells.layout(1.05f, 1f);
        table.addCell(Cells.holding(buyer()));
        table.addCell(Cells.holding(facts()));
        table.setSpacingAfter(18f);
        return table;
    }

    private PdfPTable buyer() {
        Client b = ctx.buyer;
        PdfPTable t = Cells.layout(1f);
        t.addCell(Cells.text(ctx.labels.get("party.billTo"), ctx.style.label));
        t.addCell(Cells.text(b.name(), ctx.style.bodyBold));
        for (String line : ctx.addressLines(b.address())) {
            t.addCell(Cells.text(line, ctx.style.body));
        }
        if (b.vatId() != null) {
            t.addCell(Cells.text(ctx.labels.get("party.vatId") + " " + b.vatId(), ctx.style.body));
        }
        if (b.email() != null) {
            t.addCell(Cells.text(b.email(), ctx.style.body));
        }
        deliverTo(t);
        return t;
    }

    /** Where it was delivered (BG-13, BG-15) and when (BT-72), under the buyer, if the terms say. */
    private void deliverTo(PdfPTable t) {
        DeliverTo to = ctx.terms().deliverTo();
        if (to == null) {
            return;
        }
        PdfPCell label = Cells.text(ctx.labels.get("party.deliverTo"), ctx.style.label);
        label.setPaddingTop(8f);
        t.addCell(label);
        if (to.partyName() != null) {
            t.addCell(Cells.text(to.partyName(), ctx.style.bodyBold));
        }
        if (to.locationId() != null) {
            t.addCell(Cells.text(ctx.labels.format("party.location", to.locationId()), ctx.style.body));
        }
        if (to.address() != null) {
            for (String line : ctx.deliveryAddressLines(to.address())) {
                t.addCell(Cells.text(line, ctx.style.body));
            }
        }
        LocalDate date = ctx.terms().deliveryDate();
        if (date != null) {
            t.addCell(Cells.text(ctx.labels.get("fact.deliveryDate") + " " + ctx.formats.date(date), ctx.style.body));
        }
    }

    private PdfPTable facts() {
        Invoice inv = ctx.invoice;
        Labels l = ctx.labels;
        Formats f = ctx.formats;
        PdfPTable t = Cells.layout(1f, 1.15f);
        fact(t, l.get(ctx.creditNote() ? "fact.creditNoteNumber" : "fact.number"), ctx.number(), true);
        if (inv.issueDate() != null) {
            fact(t, l.get("fact.issueDate"), f.date(inv.issueDate()), false);
        }
        DocumentTerms terms = ctx.terms();
        if (terms.taxPointDate() != null) {
            fact(t, l.get("fact.taxPointDate"), f.date(terms.taxPointDate()), false);
        } else if (terms.taxPointCode() != null) {
            // core accepts the UNTDID 2005 codes 3, 35 and 432 only; print what the code means
            fact(t, l.get("fact.taxPointDate"), l.get("taxPoint." + terms.taxPointCode()), false);
        }
        if (terms.deliveryDate() != null && terms.deliverTo() == null) {
            fact(t, l.get("fact.deliveryDate"), f.date(terms.deliveryDate()), false);
        }
        if (ctx.creditNote()) {
            String credited = ctx.creditedInvoiceNumber();
            if (credited != null) {
                fact(t, l.get("fact.creditedInvoice"), credited, false);
            }
        } else if (inv.dueDate() != null) {
            fact(t, l.get("fact.dueDate"), f.date(inv.dueDate()), false);
        }
        if (inv.servicePeriod() != null) {
            fact(t, l.get("fact.servicePeriod"), f.period(inv.servicePeriod(), " – "), false);
        }
        if (inv.purchaseOrderRef() != null && !inv.purchaseOrderRef().isBlank()) {
            fact(t, l.get("fact.reference"), inv.purchaseOrderRef(), false);
        }
        fact(t, l.get("fact.customerNo"), ctx.buyer.id().value(), false);
        if (!ctx.creditNote()) {
            fact(t, l.get("fact.paymentTerms"), paymentTerms(), false);
        }
        return t;
    }

    private String paymentTerms() {
        Invoice inv = ctx.invoice;
        long days = inv.issueDate() != null && inv.dueDate() != null
                ? ChronoUnit.DAYS.between(inv.issueDate(), inv.dueDate())
                : ctx.buyer.paymentTermsDays();
        return days <= 0 ? ctx.labels.get("terms.immediate") : ctx.labels.format("terms.net", Long.toString(days));
    }

    private void fact(PdfPTable t, String label, String value, boolean emphasis) {
        Cells.pair(t, label, ctx.style.label, value, emphasis ? ctx.style.bodyBold : ctx.style.body,
                Element.ALIGN_RIGHT);
    }
}
