package dev.billops.integrations.smtp;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import dev.billops.core.id.EventId;
import dev.billops.core.id.TenantId;
import dev.billops.spi.Attachment;
import dev.billops.spi.Notification;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Notifications and a real PDF for the SMTP tests. */
final class TestMails {

    static final String SUBJECT = "Rechnung INV-2026-00042 – Müller & Söhne, 1.234,50 € (請求書)";
    static final String BODY = "Guten Tag Frau Müller,\n\nanbei Ihre Rechnung über 1.234,50 €. Grüße aus Köln!\n"
            + "請求書を添付いたします。よろしくお願いいたします。\n";

    private TestMails() {
    }

    /** A one-page PDF rendered by OpenPDF. */
    static byte[] invoicePdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document();
        PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new Paragraph("Invoice INV-2026-00042"));
        doc.add(new Paragraph("Total EUR 1,234.50"));
        doc.close();
        return out.toByteArray();
    }

    static Notification invoiceIssued(List<String> to, byte[] pdf) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Rechnung", "INV-2026-00042");
        facts.put("Betrag", "1.234,50 €");
        facts.put("Fällig", "2026-12-31");
        return new Notification(Notification.Kind.INVOICE_ISSUED, TenantId.of("acme"), to, SUBJECT, BODY, facts,
                List.of(Attachment.pdf("INV-2026-00042.pdf", pdf)), EventId.of("evt-42"));
    }
}
