package dev.billops.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.bank.CreditorReference;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.money.Money;
import dev.billops.core.id.TenantId;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.tax.TaxTreatment;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.money.CurrencyUnit;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

class InvoicePdfRendererTest {

    private static final InvoicePdfRenderer RENDERER = InvoicePdfRenderer.create();

    private static PdfText render(InvoiceDocument doc) {
        return PdfText.read(RENDERER.render(doc));
    }

    private static void assertContains(String text, String... needles) {
        for (String needle : needles) {
            assertTrue(text.contains(needle), () -> "expected '" + needle + "' in:\n" + text);
        }
    }

    @Test
    void render_germanInvoice_showsPartiesFactsEveryAmountAndPageCount() {
        PdfText pdf = render(Samples.german());
        String text = pdf.all();

        assertEquals(1, pdf.pageCount());
        assertContains(text,
                "Rechnung", "RE-2026-0042",
                // seller
                "Nordlicht Consulting GmbH", "Friedrichstraße 123", "10117 Berlin", "USt-IdNr. DE123456789",
                "rechnung@nordlicht.example",
                // buyer
                "Müller & Söhne Maschinenbau AG", "Königsallee 27", "40212 Düsseldorf", "ap@mueller.example",
                // facts
                "Rechnungsdatum 03.02.2026", "Fällig am 05.03.2026", "01.01.2026 – 31.01.2026", "PO-4711",
                "30 Tage netto",
                // lines: quantity + unit, unit price, rate, net
                "42,5 Std.", "145,00 €", "6.162,50 €", "16 Std.", "120,00 €", "1.824,00 €", "-96,00 €",
                "2 Stk.", "49,90 €", "99,80 €", "19 %", "7 %",
                // breakdown and totals
                "USt. 7 % 99,80 € 6,99 €", "USt. 19 % 7.986,50 € 1.517,44 €",
                "Zwischensumme 8.086,30 €", "Gesamtbetrag 9.610,73 €", "Offener Betrag 9.610,73 €",
                // payment instructions
                "Bitte überweisen Sie 9.610,73 € bis zum 05.03.2026", "DE89 3704 0044 0532 0130 00", "COBADEFFXXX",
                "Verwendungszweck RE-2026-0042", "RF-Referenz RF97 RE20 2600 42",
                "Seite 1 von 1");
    }

    @Test
    void render_invoiceFigures_matchTheInvoiceTotals() {
        InvoiceDocument doc = Samples.german();
        Invoice inv = doc.invoice();
        Formats formats = new Formats(Locale.GERMANY, inv.currency(), PdfFont.standard());
        String text = render(doc).all();

        List<Money> expected = new ArrayList<>(inv.lineNets());
        expected.add(inv.totals().lineNetTotal());
        expected.add(inv.totals().taxTotal().minus(inv.taxBreakdown().get(0).taxAmount()));
        inv.taxBreakdown().forEach(g -> {
            expected.add(g.taxableAmount());
            expected.add(g.taxAmount());
        });
        expected.add(inv.totals().taxInclusive());
        expected.add(inv.amountDue());
        for (Money amount : expected) {
            assertContains(text, PdfText.normalize(formats.money(amount)));
        }
    }

    @Test
    void render_sameDocumentTwice_isByteIdentical() {
        byte[] first = RENDERER.render(Samples.german());
        byte[] second = InvoicePdfRenderer.create().render(Samples.german());
        assertArrayEquals(first, second);
    }

    @Test
    void render_underOtherDefaultLocaleAndTimeZone_isByteIdentical() {
        byte[] reference = RENDERER.render(Samples.japanese());
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertArrayEquals(reference, InvoicePdfRenderer.create().render(Samples.japanese()));
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void render_metadata_isTakenFromTheInvoiceNotTheClock() {
        String raw = new String(RENDERER.render(Samples.german()), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertContains(raw, "/CreationDate(D:20260203000000Z)", "/ModDate(D:20260203000000Z)", "/Lang(de-DE)");
    }

    @Test
    void render_differentInvoiceState_changesTheDocument() {
        InvoiceDocument open = Samples.british();
        InvoiceDocument paid = Samples.paid();
        assertFalse(java.util.Arrays.equals(RENDERER.render(open), RENDERER.render(paid)));
    }

    @Test
    void render_concurrentlyFromManyThreads_givesTheSameBytes() throws Exception {
        List<InvoiceDocument> docs = List.of(Samples.german(), Samples.japanese(), Samples.mixedScripts(),
                Samples.french(), Samples.creditNote(), Samples.american());
        List<byte[]> sequential = new ArrayList<>();
        for (InvoiceDocument doc : docs) {
            sequential.add(RENDERER.render(doc));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (InvoiceDocument doc : docs) {
                    futures.add(pool.submit(() -> RENDERER.render(doc)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertArrayEquals(sequential.get(i % docs.size()), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void render_thousandLines_repeatsHeaderAndNumbersEveryPage() {
        InvoiceDocument doc = Samples.longInvoice(1000);
        PdfText pdf = render(doc);
        int pages = pdf.pageCount();

        assertTrue(pages > 10, "1,000 lines on " + pages + " pages");
        for (int i = 0; i < pages; i++) {
            String page = pdf.pages.get(i);
            String where = "page " + (i + 1);
            if (i < pages - 1 || page.contains("Line 1000:")) {
                assertContains(page, "# Description Period Quantity Unit price VAT Amount");
            }
            assertContains(page, "Page " + (i + 1) + " of " + pages);
            assertTrue(page.contains("Invoice RE-2026-1000"), where + " names the invoice");
        }
        for (int line = 1; line <= 1000; line++) {
            assertEquals(1, pdf.count("Line " + line + ":"), "line " + line + " printed once");
        }
        Formats formats = new Formats(Locale.UK, doc.invoice().currency(), PdfFont.standard());
        String last = pdf.pages.get(pages - 1);
        assertContains(last, PdfText.normalize("Amount due " + formats.money(doc.invoice().amountDue())));
        assertTrue(pdf.maxGlyphRight < pdf.pageSize.getWidth() - 40f,
                "long descriptions wrap inside the page, right-most glyph at " + pdf.maxGlyphRight);
    }

    @Test
    void render_thousandLinesWrittenInChunksTwice_isByteIdentical() {
        byte[] first = RENDERER.render(Samples.longInvoice(LineTable.ROWS_PER_CHUNK * 10 + 1));
        byte[] second = InvoicePdfRenderer.create().render(Samples.longInvoice(LineTable.ROWS_PER_CHUNK * 10 + 1));

        assertArrayEquals(first, second);
    }

    @Test
    void render_longDescription_wrapsOntoSeveralLines() {
        String text = render(Samples.longInvoice(10)).all();
        String[] lines = text.split("\n");
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("Line 10: on-call support")) {
                start = i;
            }
        }
        assertTrue(start >= 0, text);
        assertFalse(lines[start].contains("for the operations team"), "the description is not on one line");
        assertTrue(text.contains("operations team"), text);
    }

    @Test
    void render_longJapaneseDescriptionWithoutSpaces_wrapsInsideThePage() {
        InvoiceDocument base = Samples.japanese();
        String description = "クラウド基盤移行プロジェクトにおける要件定義書作成と既存システム調査および移行計画策定支援業務"
                .repeat(3);
        List<InvoiceLine> lines = List.of(Samples.hours(1, description, "10", base.invoice().currency(), "12000",
                Samples.vat("10")));
        Invoice invoice = Samples.issue(base.buyer(), "SK-2026-0006", lines);
        PdfText pdf = PdfText.read(RENDERER.render(InvoiceDocument.of(base.seller(), base.buyer(), invoice)));
        assertTrue(pdf.maxGlyphRight < pdf.pageSize.getWidth() - 40f, "right-most glyph at " + pdf.maxGlyphRight);
        String japaneseOnly = pdf.all().replaceAll("[^\\p{IsHan}\\p{IsKatakana}\\p{IsHiragana}ー]", "");
        // the first wrapped line shares its row with the quantity "10 時間"
        assertTrue(japaneseOnly.replace("時間", "").contains(description), "all of it is printed:\n" + pdf.all());
        assertTrue(pdf.pages.get(0).split("\n").length > 20, "the description takes several lines");
    }

    @Test
    void render_englishUs_formatsDollarsAndUsDates() {
        String text = render(Samples.american()).all();
        assertContains(text, "Invoice", "Issue date Feb 3, 2026", "Due date Mar 5, 2026", "$175.00", "$10,500.00",
                "18.75 h", "$14,437.50", "Amount due $14,437.50", "Page 1 of 1", "Cupertino 95014");
        assertFalse(text.contains("VAT 0"), "no VAT column or breakdown for a seller outside VAT:\n" + text);
        assertContains(text, "Not subject to VAT: Services not subject to sales tax");
    }

    @Test
    void render_englishGb_formatsPoundsAndBritishDates() {
        String text = render(Samples.british()).all();
        assertContains(text, "Issue date 3 Feb 2026", "Due date 5 Mar 2026", "£135.00", "£3,240.00",
                "1 Jan 2026 – 31 Jan 2026", "VAT 20% £3,720.00 £744.00", "Total £4,464.00", "1 month",
                "Harbour & Co. Ltd", "1 Canada Square", "E14 5AB");
        assertTrue(text.indexOf("\nLondon ") < text.indexOf("\nE14 5AB "), "British postcode after the town:\n" + text);
    }

    @Test
    void render_germanGermany_putsEuroAfterTheAmount() {
        String text = render(Samples.german()).all();
        assertContains(text, "9.610,73 €", "6.162,50 €");
        assertFalse(text.contains("€9"), text);
    }

    @Test
    void render_frenchFrance_groupsWithSpacesAndPutsEuroAfter() {
        String text = render(Samples.french()).all();
        assertContains(text, "Facture", "FA-2026-017", "Date d'émission 3 févr. 2026", "37,25 h", "95,00 €",
                "3 538,75 €", "15 000,00 €", "Sous-total HT 18 538,75 €", "TVA 20 % 3 707,75 €",
                "Total TTC 22 246,50 €", "Déjà payé -5 000,00 €", "Reste à payer 17 246,50 €", "Page 1 sur 1");
    }

    @Test
    void render_japaneseJapan_printsYenWithoutDecimals() {
        String text = render(Samples.japanese()).all();
        assertContains(text, "請求書", "SK-2026-0005", "発行日 2026/02/03", "お支払期限 2026/03/05",
                "さくらシステム株式会社", "富士商事株式会社", "〒530-0001", "大阪府",
                "システム設計コンサルティング（要件定義）", "32 時間", "￥15,000", "￥480,000", "￥12,960",
                "消費税 10%", "消費税 8%", "￥541,997", "ご請求残高 ￥541,997", "1 / 1 ページ");
        assertFalse(text.contains("541,997.00"), text);
        assertFalse(text.contains("480,000."), text);
    }

    @Test
    void render_japaneseAndCyrillicText_isEmbeddedAndExtractable() {
        PdfText pdf = render(Samples.mixedScripts());
        String text = pdf.all();
        assertContains(text, "ООО «Ромашка»", "ул. Тверская, д. 7", "125009 Москва",
                "Перевод технической документации (русский →", "немецкий)", "日本語マニュアルの校正",
                "Спасибо за сотрудничество! ありがとうございます。", "Korrektur der japanischen");
        assertTrue(pdf.fontsEmbedded, "fonts " + pdf.fontNames + " are embedded");
        assertTrue(pdf.fontNames.contains("CCCCCC+NotoSansCJKjp-Regular"), "Japanese face in " + pdf.fontNames);
        for (String font : pdf.fontNames) {
            assertTrue(font.matches("[A-Z]{6}\\+NotoSans(CJKjp)?-(Regular|Bold)"), "subset font " + font);
        }
    }

    @Test
    void render_textWithoutJapanese_embedsOnlyTheLatinFaces() {
        PdfText pdf = render(Samples.german());
        assertEquals(List.of("AAAAAA+NotoSans-Regular", "BBBBBB+NotoSans-Bold"),
                pdf.fontNames.stream().sorted().toList());
    }

    @Test
    void render_embedsOnlyTheGlyphsUsed_soFilesStaySmall() {
        int size = RENDERER.render(Samples.mixedScripts()).length;
        assertTrue(size < 120_000, "one-page invoice with CJK text is " + size + " bytes");
    }

    @Test
    void render_creditNote_showsMarkCreditedInvoiceAndCreditTotal() {
        String text = render(Samples.creditNote()).all();
        assertContains(text, "Rechnungskorrektur", "RECHNUNGSKORREKTUR", "GS-2026-0003", "Zu Rechnung RE-2026-0042",
                "Korrekturbetrag 571,20 €", "Diese Rechnungskorrektur bezieht sich auf Rechnung RE-2026-0042.",
                "mit Rechnung RE-2026-0042 verrechnet");
        assertFalse(text.contains("Offener Betrag"), text);
        assertFalse(text.contains("Fällig am"), text);
    }

    @Test
    void render_paidInvoice_showsPaidMarkAndNothingDue() {
        String text = render(Samples.paid()).all();
        assertContains(text, "PAID", "Paid -£4,464.00", "Amount due £0.00", "Paid in full. Thank you!");
        assertFalse(text.contains("Please transfer"), text);
    }

    @Test
    void render_voidInvoice_showsVoidMarkAndNoPaymentRequest() {
        String text = render(Samples.voided()).all();
        assertContains(text, "STORNIERT", "Diese Rechnung wurde storniert und ist nicht mehr zahlbar.",
                "Gesamtbetrag 9.610,73 €");
        assertFalse(text.contains("Bitte überweisen"), text);
        assertFalse(text.contains("Offener Betrag"), text);
    }

    @Test
    void render_openInvoice_hasNoStatusMark() {
        String text = render(Samples.german()).all();
        assertFalse(text.contains("BEZAHLT") || text.contains("STORNIERT") || text.contains("ENTWURF"), text);
    }

    @Test
    void render_draft_isMarkedAndHasNoNumberOrPaymentRequest() {
        InvoiceDocument issued = Samples.german();
        Invoice draft = Invoice.draft(InvoiceId.of("draft-1"), issued.buyer().id(), issued.invoice().currency(),
                InvoiceSource.MANUAL).withLines(issued.invoice().lines());
        String text = render(InvoiceDocument.of(issued.seller(), issued.buyer(), draft)).all();
        assertContains(text, "ENTWURF", "Rechnungsnr. nicht ausgestellt", "Entwurf: keine gültige Rechnung.");
        assertFalse(text.contains("Bitte überweisen"), text);
    }

    @Test
    void render_reverseCharge_printsNoteAndBothVatIds() {
        String text = render(Samples.reverseCharge()).all();
        assertContains(text, "Reverse charge €4,500.00 €0.00",
                "Reverse charge: the recipient is liable for the VAT (Article 196 of Council Directive 2006/112/EC).",
                "VAT ID FR40303265045", "VAT ID DE123456789", "0% AE", "France", "Germany");
    }

    @Test
    void render_splitPayment_printsItsTaxLabelAmountAndNote() {
        // 12 h x 85.00 = 1020.00 at 22 % split payment: tax 224.40, in the totals like any VAT
        Tenant seller = Tenant.of(TenantId.of("rossi"), "Studio Rossi S.r.l.",
                new Address(List.of("Via Dante 12"), "20121", "Milano", "IT")).withVatId("IT01234567897")
                .withEmail("fatture@rossi.example");
        Client buyer = Samples.client("comune", "Comune di Bergamo",
                new Address(List.of("Piazza Matteotti 27"), "24122", "Bergamo", "IT"), "EUR", Locale.UK);
        Invoice invoice = Samples.issue(buyer, "FT-2026-1", List.of(Samples.hours(1, "Consulenza", "12",
                buyer.currency(), "85.00", TaxTreatment.splitPayment(new BigDecimal("22")))));
        String text = render(InvoiceDocument.of(seller, buyer, invoice)).all();
        assertContains(text, "VAT 22% (split payment)", "224.40", "1,244.40",
                "Split payment: the buyer pays the VAT to the Italian tax authority (Article 17-ter of DPR 633/1972).");
    }

    @Test
    void render_exemptLines_printTheExemptionReason() {
        InvoiceDocument base = Samples.german();
        CurrencyUnit eur = base.invoice().currency();
        List<InvoiceLine> lines = List.of(
                Samples.hours(1, "Heilpraktische Beratung", "2", eur, "80.00",
                        TaxTreatment.exempt("Steuerfrei nach § 4 Nr. 14 UStG")),
                Samples.hours(2, "Beratung", "1", eur, "100.00", Samples.vat("19")));
        Invoice invoice = Samples.issue(base.buyer(), "RE-2026-0050", lines);
        String text = render(InvoiceDocument.of(base.seller(), base.buyer(), invoice)).all();
        assertContains(text, "Steuerbefreiung: Steuerfrei nach § 4 Nr. 14 UStG", "Steuerfrei 160,00 € 0,00 €",
                "0 % E", "USt. 19 % 19,00 €", "Offener Betrag 279,00 €");
    }

    @Test
    void render_partlyPaid_showsPaidAndRemainingAmount() {
        String text = render(Samples.french()).all();
        assertContains(text, "Déjà payé -5 000,00 €", "Reste à payer 17 246,50 €",
                "Merci de virer 17 246,50 € au plus tard le 5 mars 2026");
    }

    @Test
    void render_localeOverride_winsOverTheBuyersLocale() {
        InvoicePdfRenderer english = InvoicePdfRenderer.create(PdfOptions.defaults().withLocale(Locale.UK));
        String text = PdfText.read(english.render(Samples.german())).all();
        assertContains(text, "Invoice", "€9,610.73", "3 Feb 2026");
        assertFalse(text.contains("Rechnung "), text);
    }

    @Test
    void render_letterFormat_hasLetterPages() {
        InvoicePdfRenderer letter = InvoicePdfRenderer.create(PdfOptions.defaults().withPageFormat(PageFormat.LETTER));
        PdfText pdf = PdfText.read(letter.render(Samples.american()));
        assertEquals(612f, pdf.pageSize.getWidth(), 0.01f);
        assertEquals(792f, pdf.pageSize.getHeight(), 0.01f);
        PdfText a4 = render(Samples.american());
        assertEquals(595.28f, a4.pageSize.getWidth(), 0.01f);
    }

    @Test
    void render_withLogo_embedsTheImageOnce() throws IOException {
        InvoicePdfRenderer branded = InvoicePdfRenderer.create(PdfOptions.defaults()
                .withTheme(Theme.standard().withLogo(TestLogo.png()).withAccent("#7A1F5C")));
        byte[] pdf = branded.render(Samples.american());
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var resources = doc.getPage(0).getResources();
            int colourImages = 0;
            for (var name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image
                        && image.getColorSpace().getNumberOfComponents() == 3) {
                    colourImages++;
                    assertEquals(480, image.getWidth());
                    assertTrue(image.getCOSObject().containsKey(COSName.SMASK), "transparency is kept");
                }
            }
            assertEquals(1, colourImages);
        }
        assertContains(PdfText.read(pdf).all(), "Bluebird Analytics LLC");
    }

    @Test
    void create_logoThatIsNoImage_throwsInvalidInput() {
        PdfOptions options = PdfOptions.defaults().withTheme(Theme.standard().withLogo(new byte[] {1, 2, 3, 4}));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InvoicePdfRenderer.create(options));
        assertTrue(e.getMessage().contains("logo"), e.getMessage());
    }

    @Test
    void render_epcQrCodeOff_printsNoCode() {
        InvoicePdfRenderer noQr = InvoicePdfRenderer.create(PdfOptions.defaults().withEpcQrCode(false));
        String text = PdfText.read(noQr.render(Samples.german())).all();
        assertFalse(text.contains("Banking-App"), text);
        assertContains(render(Samples.german()).all(), "Mit der Banking-App scannen");
    }

    @Test
    void render_nonEuroInvoice_printsNoEpcCode() {
        String text = render(Samples.british()).all();
        assertContains(text, "GB82 WEST 1234 5698 7654 32");
        assertFalse(text.contains("Scan with your banking app"), text);
    }

    @Test
    void render_epcCodeOnThePage_decodesToThePaymentDetails() throws Exception {
        byte[] pdf = RENDERER.render(Samples.german());
        String decoded = QrScan.firstCode(pdf, 0);
        assertEquals("BCD\n002\n1\nSCT\nCOBADEFFXXX\nNordlicht Consulting GmbH\nDE89370400440532013000\n"
                + "EUR9610.73\n\nRF97RE20260042", decoded);
    }

    @Test
    void render_twoInvoicesAgainAndAgainOnThreads_eachCodeDecodesToItsOwnAmount() throws Exception {
        // one renderer shared by threads: each document gets its own QR code
        InvoicePdfRenderer renderer = InvoicePdfRenderer.create();
        InvoiceDocument full = Samples.german();
        Invoice partlyPaid = dev.billops.core.internal.Transitions.withSettlement(full.invoice(),
                Money.of("EUR", "1000.00"), Money.zero(full.invoice().currency()));
        InvoiceDocument rest = InvoiceDocument.of(full.seller(), full.buyer(), partlyPaid);
        List<InvoiceDocument> docs = List.of(full, rest, full, rest, rest, full);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<byte[]>> pdfs = new ArrayList<>();
            for (InvoiceDocument doc : docs) {
                pdfs.add(pool.submit(() -> renderer.render(doc)));
            }
            for (int i = 0; i < docs.size(); i++) {
                String amount = docs.get(i) == full ? "EUR9610.73" : "EUR8610.73";
                String decoded = QrScan.firstCode(pdfs.get(i).get(), 0);
                assertTrue(decoded.contains("\n" + amount + "\n"), i + ": " + decoded);
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * One renderer, eight threads released together, every sample (Latin, Japanese and mixed
     * faces, EPC codes of different sizes, marks) several times over: each PDF is byte for byte
     * the one rendered alone, so no shared state (parsed faces, QR mask tables, number formats)
     * leaks from one rendering into another, and its text names its own invoice.
     */
    @Test
    void render_manyDocumentsOnEightThreadsAtOnce_eachIsTheDocumentRenderedAlone() throws Exception {
        InvoicePdfRenderer renderer = InvoicePdfRenderer.create();
        List<InvoiceDocument> docs = new ArrayList<>(List.of(Samples.german(), Samples.french(), Samples.british(),
                Samples.american(), Samples.japanese(), Samples.mixedScripts(), Samples.reverseCharge(),
                Samples.creditNote(), Samples.paid(), Samples.voided()));
        InvoiceDocument german = Samples.german();
        for (String paid : List.of("0.01", "1000.00", "4321.98", "9000.00")) {
            Invoice partlyPaid = dev.billops.core.internal.Transitions.withSettlement(german.invoice(),
                    Money.of("EUR", paid), Money.zero(german.invoice().currency()));
            docs.add(InvoiceDocument.of(german.seller(), german.buyer(), partlyPaid));
        }
        List<byte[]> alone = new ArrayList<>();
        for (InvoiceDocument doc : docs) {
            alone.add(InvoicePdfRenderer.create().render(doc));
        }
        int threads = 8;
        int rounds = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<Future<List<byte[]>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<byte[]> mine = new ArrayList<>();
                    for (int i = 0; i < rounds * docs.size(); i++) {
                        mine.add(renderer.render(docs.get((offset + i) % docs.size())));
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (int t = 0; t < threads; t++) {
                List<byte[]> mine = results.get(t).get();
                for (int i = 0; i < mine.size(); i++) {
                    int d = (t + i) % docs.size();
                    assertArrayEquals(alone.get(d), mine.get(i), "thread " + t + ", render " + i + ", document " + d);
                }
            }
        } finally {
            pool.shutdown();
        }
        for (int d = 0; d < docs.size(); d++) {
            Invoice invoice = docs.get(d).invoice();
            String text = PdfText.read(alone.get(d)).all();
            String number = invoice.number() != null ? invoice.number() : "";
            assertContains(text, number, docs.get(d).buyer().name().substring(0, 4));
        }
    }

    @Test
    void render_issuedInvoiceWithSellerAccount_printsTheCreditorReferenceOfItsNumber() {
        for (InvoiceDocument doc : List.of(Samples.german(), Samples.british(), Samples.french())) {
            String text = render(doc).all();
            String number = doc.invoice().number();
            Matcher printed = Pattern.compile("RF[0-9]{2}( [A-Z0-9]{1,4})+").matcher(text);

            assertTrue(printed.find(), number + " shows an RF reference:\n" + text);
            assertEquals(CreditorReference.forInvoiceNumber(number), CreditorReference.parse(printed.group()),
                    number);
        }
    }

    @Test
    void render_paidInvoice_printsNoCreditorReference() {
        String text = render(Samples.paid()).all();

        assertFalse(text.matches("(?s).*RF[0-9]{2} .*"), text);
    }

    @Test
    void render_invalidSellerIbanWithQrCode_throwsNamingTheIban() {
        InvoiceDocument doc = Samples.german();
        var badIban = doc.seller().withBankAccount("DE00 1234 5678 9012 3456 78", doc.seller().bic());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RENDERER.render(InvoiceDocument.of(badIban, doc.buyer(), doc.invoice())));
        assertTrue(e.getMessage().contains("DE00123456789012345678"), e.getMessage());
    }

    @Test
    void render_leavesTheCallersStreamOpen() {
        class Tracking extends ByteArrayOutputStream {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        }
        Tracking out = new Tracking();
        RENDERER.render(Samples.german(), out);
        assertFalse(out.closed);
        assertTrue(out.size() > 1000);
    }

    @Test
    void render_failingStream_throwsRenderingFailedWithInvoiceId() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        InvoiceDocument doc = Samples.german();
        InvoiceRenderingFailedException e = assertThrows(InvoiceRenderingFailedException.class,
                () -> RENDERER.render(doc, broken));
        assertEquals(doc.invoice().id(), e.invoiceId());
        assertTrue(e.getMessage().contains(doc.invoice().id().value()), e.getMessage());
    }

    @Test
    void invoiceDocument_buyerIsNotTheInvoicesClient_throwsInvalidInput() {
        InvoiceDocument doc = Samples.german();
        Client other = Samples.client("someone-else", "Other AG", doc.buyer().address(), "EUR", Locale.GERMANY);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> InvoiceDocument.of(doc.seller(), other, doc.invoice()));
        assertTrue(e.getMessage().contains("someone-else") && e.getMessage().contains("mueller"), e.getMessage());
    }

    @Test
    void invoiceDocument_creditedNumberOnAnInvoice_throwsInvalidInput() {
        InvoiceDocument doc = Samples.german();
        assertThrows(InvalidInputException.class,
                () -> new InvoiceDocument(doc.seller(), doc.buyer(), doc.invoice(), "RE-1"));
    }

    @Test
    void theme_badAccent_throwsInvalidInputNamingIt() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Theme.standard().withAccent("navy"));
        assertTrue(e.getMessage().contains("navy"), e.getMessage());
        assertEquals("#0B5394", Theme.standard().withAccent("0b5394").accentHex());
    }

    @Test
    void clientIdsInSamples_areStable() {
        assertEquals(ClientId.of("mueller"), Samples.german().buyer().id());
    }
}
