package dev.billops.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import dev.billops.core.bank.CreditorReference;
import dev.billops.core.invoice.DocumentTerms;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.money.Money;
import dev.billops.core.party.Payee;
import dev.billops.core.party.Tenant;
import org.jspecify.annotations.Nullable;

/**
 * How to pay: the amount and due date, the seller's account (IBAN, BIC), the reference (the invoice
 * number) and its ISO 11649 creditor reference, and an EPC QR code carrying that creditor reference
 * as its structured remittance, when the options ask for one and it can be used; the payee (BG-10)
 * when someone other than the seller is paid. A document paid by card (BG-18) names the card by its
 * last digits instead, one collected by direct debit (BG-19) its mandate, the seller's creditor id
 * and the buyer's account, masked. A paid invoice says so instead; a credit note says how its
 * amount is settled.
 */
final class PaymentBlock {

    /** Edge of the printed QR code: 2.9 cm, comfortably above the 2 cm banking apps need. */
    private static final float QR_SIZE = 82f;
    /** EPC069-12 limits the beneficiary name to 70 characters. */
    private static final int EPC_NAME_MAX = 70;

    private final RenderContext ctx;

    PaymentBlock(RenderContext ctx) {
        this.ctx = ctx;
    }

    /** The block, or null when there is nothing to say (void or draft documents). */
    @Nullable PdfPTable build(PdfContentByte canvas) {
        Invoice inv = ctx.invoice;
        if (inv.status() == InvoiceStatus.VOID || inv.status() == InvoiceStatus.DRAFT) {
            return null;
        }
        Labels l = ctx.labels;
        PdfPTable text = Cells.layout(1f);
        text.addCell(Cells.text(l.get("pay.title"), ctx.style.sectionTitle));
        Money due = inv.amountDue();
        Image qr = null;
        DocumentTerms terms = ctx.terms();
        if (ctx.creditNote()) {
            String credited = ctx.creditedInvoiceNumber();
            text.addCell(Cells.text(l.format("pay.creditNote", ctx.formats.money(inv.totals().payable()),
                    credited == null ? "" : credited), ctx.style.body));
        } else if (!due.isPositive()) {
            text.addCell(Cells.text(l.get("pay.paidInFull"), ctx.style.body));
            if (terms.card() != null) {
                text.addCell(Cells.text(card(terms.card()), ctx.style.body));
            }
        } else if (terms.card() != null) {
            DocumentTerms.Card card = terms.card();
            PdfPCell intro = Cells.text(card(card), ctx.style.body);
            intro.setPaddingBottom(5f);
            text.addCell(intro);
            PdfPTable details = Cells.layout(0.9f, 3f);
            payee(details);
            if (card.holder() != null) {
                pair(details, l.get("pay.cardHolder"), card.holder());
            }
            pair(details, l.get("pay.reference"), reference());
            text.addCell(Cells.holding(details));
        } else if (terms.directDebit() != null) {
            DocumentTerms.DirectDebit debit = terms.directDebit();
            text.addCell(Cells.text(l.format("pay.directDebit." + debit.meansCode(), debit.mandate()),
                    ctx.style.bodyBold));
            PdfPCell intro = Cells.text(l.format("pay.collect", ctx.formats.money(due)), ctx.style.body);
            intro.setPaddingBottom(5f);
            text.addCell(intro);
            PdfPTable details = Cells.layout(0.9f, 3f);
            payee(details);
            String creditorId = ctx.seller.details().creditorId();
            if (creditorId != null) {
                pair(details, l.get("pay.creditorId"), creditorId);
            }
            String debited = ctx.buyer.details().debitedAccount();
            if (debited != null) {
                pair(details, l.get("pay.debitedAccount"), Formats.maskedIban(debited));
            }
            pair(details, l.get("pay.reference"), reference());
            text.addCell(Cells.holding(details));
        } else {
            Tenant s = ctx.seller;
            String amount = ctx.formats.money(due);
            if (s.iban() == null) {
                String by = inv.dueDate() == null ? "" : ctx.formats.date(inv.dueDate());
                text.addCell(Cells.text(l.format("pay.noAccount", amount, by), ctx.style.body));
            } else {
                String key = inv.dueDate() == null ? "pay.instructionNoDate" : "pay.instruction";
                String by = inv.dueDate() == null ? "" : ctx.formats.date(inv.dueDate());
                PdfPCell intro = Cells.text(l.format(key, amount, by), ctx.style.body);
                intro.setPaddingBottom(5f);
                text.addCell(intro);
                text.addCell(Cells.holding(account(s)));
                qr = qrCode(canvas, s, due);
            }
        }
        PdfPTable table = qr == null ? Cells.layout(1f) : Cells.layout(1f, 0.32f);
        PdfPCell left = Cells.holding(text);
        table.addCell(ruledAbove(left));
        if (qr != null) {
            table.addCell(ruledAbove(qrCell(qr)));
        }
        table.setKeepTogether(true);
        table.setSpacingAfter(12f);
        return table;
    }

    private static PdfPCell ruledAbove(PdfPCell cell) {
        cell.setBorder(Rectangle.TOP);
        cell.setBorderColor(Style.RULE);
        cell.setBorderWidth(0.75f);
        cell.setPaddingTop(6f);
        return cell;
    }

    private PdfPTable account(Tenant s) {
        Labels l = ctx.labels;
        PdfPTable t = Cells.layout(0.9f, 3f);
        payee(t);
        pair(t, l.get("pay.accountHolder"), s.name());
        pair(t, l.get("pay.iban"), Formats.iban(s.iban()));
        if (s.bic() != null) {
            pair(t, l.get("pay.bic"), s.bic());
        }
        pair(t, l.get("pay.reference"), reference());
        CreditorReference rf = creditorReference();
        if (rf != null) {
            pair(t, l.get("pay.creditorReference"), rf.printed());
        }
        return t;
    }

    /**
     * "Pay to": the payee (BG-10) of the document, else the seller's default one, as the e-invoice
     * names it; nothing when the seller is paid itself.
     */
    private void payee(PdfPTable t) {
        Payee payee = ctx.terms().payee() != null ? ctx.terms().payee() : ctx.seller.details().payee();
        if (payee == null) {
            return;
        }
        Labels l = ctx.labels;
        pair(t, l.get("pay.payee"), payee.name());
        if (payee.identifier() != null) {
            pair(t, l.get("pay.payeeId"), payee.identifier());
        }
        if (payee.legalRegistrationId() != null) {
            pair(t, l.get("pay.payeeRegistration"), payee.legalRegistrationId());
        }
    }

    /** "Paid by credit card ending 4242.": the kind of card by its payment means code (BT-81). */
    private String card(DocumentTerms.Card card) {
        return ctx.labels.format("pay.card." + card.meansCode(), card.lastDigits());
    }

    private void pair(PdfPTable t, String label, String value) {
        Cells.pair(t, label, ctx.style.label, value, ctx.style.bodyBold, Element.ALIGN_LEFT);
    }

    /** The payment reference: the invoice number (a draft has none yet, so its id). */
    private String reference() {
        String number = ctx.invoice.number();
        return number != null ? number : ctx.invoice.id().value();
    }

    /**
     * The ISO 11649 reference a payer may give instead of the number, derived from the number
     * ({@link CreditorReference#forInvoiceNumber}) so that a statement matcher recomputes it; none
     * before the invoice has a number.
     */
    private @Nullable CreditorReference creditorReference() {
        String number = ctx.invoice.number();
        return number == null ? null : CreditorReference.forInvoiceNumber(number);
    }

    private @Nullable Image qrCode(PdfContentByte canvas, Tenant s, Money due) {
        if (!ctx.options.epcQrCode() || !due.currencyCode().equals("EUR") || s.iban() == null) {
            return null;
        }
        String name = s.name().strip();
        if (name.length() > EPC_NAME_MAX) {
            name = name.substring(0, EPC_NAME_MAX).strip();
        }
        CreditorReference rf = creditorReference();
        EpcQrPayload payload = EpcQrPayload.of(name, s.iban(), s.bic(), due, rf != null ? rf.value() : reference());
        return QrCodes.image(canvas, QrCodes.encode(payload), QR_SIZE);
    }

    private PdfPCell qrCell(Image qr) {
        PdfPTable t = Cells.layout(1f);
        PdfPCell image = new PdfPCell(qr, false);
        image.setBorder(Rectangle.NO_BORDER);
        image.setHorizontalAlignment(Element.ALIGN_CENTER);
        image.setPadding(0);
        t.addCell(image);
        PdfPCell caption = Cells.text(ctx.labels.get("pay.qr"), ctx.style.smallMuted, Element.ALIGN_CENTER);
        t.addCell(caption);
        return Cells.holding(t);
    }
}
