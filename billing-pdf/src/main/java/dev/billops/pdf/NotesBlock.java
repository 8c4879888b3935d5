package dev.billops.pdf;

import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import dev.billops.core.invoice.DocumentTerms;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.tax.TaxCategory;
import dev.billops.core.tax.TaxSubtotal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The notes: that a document is void or a draft, what a credit note refers to, the self-billing
 * mention, the invoice's own text, the notes of its terms (BG-1, each after the name of its
 * subject), then what the law wants said for the tax categories used (reverse charge,
 * intra-Community supply, export, exemption and out-of-scope reasons, taken from the VAT
 * breakdown).
 */
final class NotesBlock {

    private final RenderContext ctx;

    NotesBlock(RenderContext ctx) {
        this.ctx = ctx;
    }

    /** The notes, in print order; empty when there are none. */
    List<String> notes() {
        Labels l = ctx.labels;
        List<String> notes = new ArrayList<>();
        if (ctx.invoice.status() == InvoiceStatus.VOID) {
            notes.add(l.get("note.void"));
        } else if (ctx.invoice.status() == InvoiceStatus.DRAFT) {
            notes.add(l.get("note.draft"));
        }
        String credited = ctx.creditedInvoiceNumber();
        if (credited != null) {
            notes.add(l.format("note.creditNote", credited));
        }
        if (ctx.invoice.type() == DocumentType.SELF_BILLED) {
            notes.add(l.get("note.selfBilled"));
        }
        String own = ctx.invoice.notes().strip();
        if (!own.isEmpty()) {
            notes.add(own);
        }
        for (DocumentTerms.Note note : ctx.terms().notes()) {
            notes.add(coded(note));
        }
        Set<TaxCategory> seen = EnumSet.noneOf(TaxCategory.class);
        for (TaxSubtotal group : ctx.invoice.taxBreakdown()) {
            String note = taxNote(group);
            if (note != null && (seen.add(group.category()) || isReasoned(group.category()))
                    && !notes.contains(note)) {
                notes.add(note);
            }
        }
        return notes;
    }

    /** The notes as a block, or null when there are none. */
    @Nullable PdfPTable build() {
        List<String> notes = notes();
        if (notes.isEmpty()) {
            return null;
        }
        PdfPTable t = Cells.layout(1f);
        t.addCell(Cells.text(ctx.labels.get("notes.title"), ctx.style.sectionTitle));
        // the title is a header row: it is never left alone at the foot of a page, and notes that
        // run onto the next page are titled there too
        t.setHeaderRows(1);
        for (String note : notes) {
            PdfPCell cell = Cells.text(note, ctx.style.small);
            cell.setPaddingBottom(3f);
            t.addCell(cell);
        }
        return t;
    }

    private @Nullable String taxNote(TaxSubtotal group) {
        Labels l = ctx.labels;
        return switch (group.category()) {
            case AE -> l.get("note.AE");
            case K -> l.get("note.K");
            case G -> l.get("note.G");
            case B -> l.get("note.B");
            case E -> l.format("note.E", reason(group, "tax.E"));
            case O -> l.format("note.O", reason(group, "tax.O"));
            default -> null;
        };
    }

    /**
     * A note of the terms (BT-22) with its subject (BT-21) in front: the subject's name where the
     * labels have one, else its UNTDID 4451 code.
     */
    private String coded(DocumentTerms.Note note) {
        String text = note.text().strip();
        String code = note.subjectCode();
        if (code == null) {
            return text;
        }
        return ctx.labels.format("subject.format", ctx.labels.getOrDefault("subject." + code, code), text);
    }

    /** E and O print the host's reason text, which may differ between groups. */
    private static boolean isReasoned(TaxCategory category) {
        return category == TaxCategory.E || category == TaxCategory.O;
    }

    private String reason(TaxSubtotal group, String fallbackKey) {
        String reason = group.exemptionReason();
        return reason == null || reason.isBlank() ? ctx.labels.get(fallbackKey) : reason.strip();
    }
}
