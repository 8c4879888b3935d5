package dev.billops.benchmarks;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.party.Tenant;
import dev.billops.pdf.InvoiceDocument;
import dev.billops.pdf.InvoicePdfRenderer;
import dev.billops.pdf.PageFormat;
import dev.billops.pdf.PdfOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Case 5: an invoice of {@code pages} pages rendered by {@link InvoicePdfRenderer} (letterhead,
 * parties, line table with locale formatting, tax summary, EPC QR code, embedded font subsets,
 * running header and page X of Y), warm. Each call renders the next of {@value #DOCUMENTS}
 * invoices that differ in number (so in QR payload and creditor reference), as a host renders each
 * invoice once; nothing keyed by a document's content can be reused from one call to the next.
 * Baseline: OpenPDF writing the same line table (same page size, margins and compression) of the
 * same rotating invoices with the built-in Helvetica and the values as plain strings, no
 * formatting logic.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PdfBenchmark {

    static final Tenant SELLER = Tenant.of(TenantId.of("bench"), "Bench Consulting GmbH", Workload.ADDRESS)
            .withVatId("DE123456789")
            .withEmail("billing@bench.example")
            .withBankAccount("DE89370400440532013000", "COBADEFFXXX")
            .withDefaultVatRate(new BigDecimal("19"));

    @Param({"1", "50"})
    public int pages;

    /** Distinct invoices rendered in turn. */
    static final int DOCUMENTS = 16;

    private InvoicePdfRenderer renderer;
    private InvoiceDocument[] documents;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        renderer = InvoicePdfRenderer.create();
        documents = new InvoiceDocument[DOCUMENTS];
        for (int i = 0; i < DOCUMENTS; i++) {
            documents[i] = document(linesFor(pages), i);
        }
    }

    @Benchmark
    public byte[] ours() {
        return renderer.render(nextDocument());
    }

    @Benchmark
    public byte[] baselineOpenPdf() {
        return plainTable(nextDocument().invoice());
    }

    private InvoiceDocument nextDocument() {
        InvoiceDocument d = documents[next];
        next = (next + 1) % DOCUMENTS;
        return d;
    }

    static InvoiceDocument document(int lines) {
        return document(lines, 0);
    }

    /** The case's invoice of {@code lines} lines, the {@code k}-th of the rotating set (its number). */
    static InvoiceDocument document(int lines, int k) {
        return InvoiceDocument.of(SELLER, Invoices.CLIENT, Invoices.issued("inv-pdf-" + k,
                String.format(java.util.Locale.ROOT, "2026-%04d", 42 + k), lines));
    }

    /** Lines of the case's one-page invoice. */
    static final int ONE_PAGE_LINES = 8;
    /**
     * Lines of the case's 50-page invoice: the most that fit 50 pages with the current layout
     * (found by {@link #calibrate}; the suite prints the page count it gets).
     */
    static final int FIFTY_PAGE_LINES = 1_234;

    static int linesFor(int pages) {
        return pages <= 1 ? ONE_PAGE_LINES : pages == 50 ? FIFTY_PAGE_LINES : calibrate(pages);
    }

    /** The most lines whose rendering has {@code pages} pages. */
    static int calibrate(int pages) {
        InvoicePdfRenderer r = InvoicePdfRenderer.create();
        int perPage = Math.max(1, 200 / Math.max(1, pageCount(r.render(document(200)))));
        int n = perPage * pages;
        while (pageCount(r.render(document(n))) > pages) {
            n -= perPage / 4 + 1;
        }
        while (pageCount(r.render(document(n + 1))) <= pages) {
            n++;
        }
        return n;
    }

    static int pageCount(byte[] pdf) {
        try (PdfReader reader = new PdfReader(pdf)) {
            return reader.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] plainTable(Invoice invoice) {
        PageFormat format = PdfOptions.defaults().pageFormat();
        Document pdf = new Document(new Rectangle(format.widthPt(), format.heightPt()), 48f, 48f, 44f, 64f);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfWriter writer = PdfWriter.getInstance(pdf, out);
        writer.setCompressionLevel(6);
        pdf.open();
        Font font = FontFactory.getFont(FontFactory.HELVETICA, 8.5f);
        PdfPTable table = new PdfPTable(new float[] {4, 40, 9, 9, 6, 12});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : new String[] {"#", "Description", "Quantity", "Price", "VAT", "Amount"}) {
            table.addCell(new PdfPCell(new Phrase(h, font)));
        }
        for (InvoiceLine l : invoice.lines()) {
            table.addCell(new PdfPCell(new Phrase(Integer.toString(l.position()), font)));
            table.addCell(new PdfPCell(new Phrase(l.description(), font)));
            table.addCell(right(l.quantity().toPlainString(), font));
            table.addCell(right(l.price().amount().toPlainString(), font));
            BigDecimal rate = l.tax().ratePercent();
            table.addCell(right(rate == null ? "" : rate.toPlainString(), font));
            table.addCell(right(l.netAmount().amount().toPlainString(), font));
        }
        pdf.add(table);
        pdf.close();
        return out.toByteArray();
    }

    private static PdfPCell right(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }
}
