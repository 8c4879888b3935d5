package dev.billops.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Image;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Objects;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;

/**
 * Renders invoices and credit notes as PDF.
 *
 * <pre>{@code
 * InvoicePdfRenderer renderer = InvoicePdfRenderer.create(PdfOptions.defaults()
 *         .withTheme(Theme.standard().withAccent("#0B5394").withLogo(logoPng)));
 * try (OutputStream out = Files.newOutputStream(path)) {
 *     renderer.render(InvoiceDocument.of(tenant, client, invoice), out);
 * }
 * }</pre>
 *
 * <p>The document has the seller and buyer blocks, the invoice facts, the lines (header row
 * repeated on every page), the VAT breakdown, the totals, payment instructions with an optional
 * EPC QR code, notes (reverse charge and exemptions among them), "page X of Y" and a PAID, VOID,
 * DRAFT or CREDIT NOTE mark where one applies, all in the buyer's (or the options') locale.
 *
 * <p><b>Deterministic:</b> the same document and options give byte-identical PDFs. The creation
 * and modification dates are the issue date (midnight UTC; 1970-01-01 for a draft) and the file
 * identifier is derived from the invoice, so nothing depends on the clock or on chance.
 *
 * <p>Immutable and thread-safe: create one per set of options and share it. The font is parsed
 * once ({@link PdfFont}) and the logo once, when the renderer is created.
 */
public final class InvoicePdfRenderer {

    /** Margins in points: 17 mm at the sides, room for the footer at the bottom. */
    private static final float MARGIN_SIDE = 48f;
    private static final float MARGIN_TOP = 44f;
    private static final float MARGIN_BOTTOM = 64f;
    private static final float LOGO_MAX_WIDTH = 160f;
    private static final float LOGO_MAX_HEIGHT = 56f;

    private final PdfOptions options;
    private final @Nullable Image logo;

    private InvoicePdfRenderer(PdfOptions options) {
        this.options = options;
        this.logo = loadLogo(options.theme().logoBytes());
    }

    /** A renderer with {@link PdfOptions#defaults()}. */
    public static InvoicePdfRenderer create() {
        return new InvoicePdfRenderer(PdfOptions.defaults());
    }

    /**
     * A renderer with the given options.
     *
     * @throws InvalidInputException if the theme's logo is not a readable PNG or JPEG image
     */
    public static InvoicePdfRenderer create(PdfOptions options) {
        return new InvoicePdfRenderer(Objects.requireNonNull(options, "options"));
    }

    public PdfOptions options() {
        return options;
    }

    /**
     * Writes the document as PDF to {@code out}, which is left open.
     *
     * @throws InvalidInputException if the seller's IBAN is invalid while an EPC QR code is to be
     *     printed
     * @throws InvoiceRenderingFailedException if writing fails
     */
    public void render(InvoiceDocument document, OutputStream out) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(out, "out");
        RenderContext ctx = new RenderContext(document, options);
        Invoice invoice = document.invoice();
        PageFormat format = options.pageFormat();
        Document pdf = new Document(new Rectangle(format.widthPt(), format.heightPt()), MARGIN_SIDE, MARGIN_SIDE,
                MARGIN_TOP, MARGIN_BOTTOM);
        try {
            PdfWriter writer = PdfWriter.getInstance(pdf, new KeepOpen(out));
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            writer.setCompressionLevel(6);
            writer.setPageEvent(new PageDecorator(ctx));
            pdf.addTitle(ctx.title() + " " + ctx.number());
            pdf.addAuthor(document.seller().name());
            pdf.addSubject(ctx.title() + " " + ctx.number() + " – " + document.buyer().name());
            pdf.addCreator("BillOps");
            pdf.open();
            fixIdentity(writer, ctx);

            HeaderBlock header = new HeaderBlock(ctx);
            pdf.add(header.letterhead(logo == null ? null : Image.getInstance(logo)));
            pdf.add(header.title());
            pdf.add(header.partiesAndFacts());
            new LineTable(ctx).addTo(pdf);
            pdf.add(new SummaryBlock(ctx).build());
            PdfPTable payment = new PaymentBlock(ctx).build(writer.getDirectContent());
            if (payment != null) {
                pdf.add(payment);
            }
            PdfPTable notes = new NotesBlock(ctx).build();
            if (notes != null) {
                pdf.add(notes);
            }
            pdf.close();
        } catch (DocumentException e) {
            throw new InvoiceRenderingFailedException(invoice.id(), "the PDF layout failed", e);
        } catch (UncheckedIOException e) {
            throw new InvoiceRenderingFailedException(invoice.id(), "writing the PDF failed", e.getCause());
        } catch (com.lowagie.text.ExceptionConverter e) {
            throw new InvoiceRenderingFailedException(invoice.id(), "writing the PDF failed", e.getException());
        }
    }

    /** The document as PDF bytes. */
    public byte[] render(InvoiceDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        render(document, out);
        return out.toByteArray();
    }

    /**
     * The invoice of {@code buyer} from {@code seller} as PDF bytes:
     * {@code render(InvoiceDocument.of(seller, buyer, invoice))} (a credit note that should name
     * the credited invoice's number is rendered through {@link InvoiceDocument#creditNote}).
     */
    public byte[] render(Tenant seller, Client buyer, Invoice invoice) {
        return render(InvoiceDocument.of(seller, buyer, invoice));
    }

    /**
     * Pins everything OpenPDF would otherwise take from the clock or from chance: creation and
     * modification dates, and the file identifier (trailer /ID), which is derived from the
     * invoice id (first half: permanent) and its state (second half: changes with status,
     * payments and version).
     */
    private static void fixIdentity(PdfWriter writer, RenderContext ctx) {
        Invoice invoice = ctx.invoice;
        LocalDate day = invoice.issueDate() != null ? invoice.issueDate() : LocalDate.EPOCH;
        Calendar midnightUtc = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        midnightUtc.clear();
        midnightUtc.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth(), 0, 0, 0);
        PdfDictionary info = writer.getInfo();
        info.put(PdfName.CREATIONDATE, new PdfDate(midnightUtc));
        info.put(PdfName.MODDATE, new PdfDate(midnightUtc));
        byte[] permanent = md5("billops/" + ctx.seller.id().value() + "/" + invoice.id().value());
        byte[] changing = md5("billops/" + ctx.seller.id().value() + "/" + invoice.id().value() + "/"
                + invoice.status() + "/" + invoice.paid() + "/" + invoice.credited() + "/" + invoice.version());
        // OpenPDF takes the trailer /ID from this key of the info dictionary when present.
        info.put(PdfName.FILEID, PdfEncryption.createInfoId(permanent, changing));
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(ctx.locale.toLanguageTag()));
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    private static @Nullable Image loadLogo(byte @Nullable [] bytes) {
        if (bytes == null) {
            return null;
        }
        Image image;
        try {
            image = Image.getInstance(bytes);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("logo (" + bytes.length + " bytes) is not a readable PNG or JPEG image: "
                    + e.getMessage());
        }
        image.scaleToFit(LOGO_MAX_WIDTH, LOGO_MAX_HEIGHT);
        return image;
    }

    /** OpenPDF closes the stream it writes to; the caller owns {@code out}, so only flush it. */
    private static final class KeepOpen extends OutputStream {
        private final OutputStream out;

        KeepOpen(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            try {
                out.write(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
