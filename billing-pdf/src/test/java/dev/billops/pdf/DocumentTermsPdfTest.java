package dev.billops.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.InvoiceId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.DocumentTerms;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.PrepaymentDeduction;
import dev.billops.core.money.Money;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.DeliverTo;
import dev.billops.core.party.Payee;
import dev.billops.core.party.Tenant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the PDF prints of a document's EN 16931 type and terms (BT-3, BT-7/8, BG-1, BG-3, BG-10,
 * BG-13, BG-18, BG-19) and of the amount paid in advance (BT-113), read back from the PDF in
 * English and German. The invoice is the German sample (total 9,610.73 EUR) with terms set on
 * its draft before issue, as a host does through {@code Invoices.terms}.
 */
class DocumentTermsPdfTest {

    private static final InvoicePdfRenderer GERMAN = InvoicePdfRenderer.create();
    private static final InvoicePdfRenderer ENGLISH = InvoicePdfRenderer.create(
            PdfOptions.defaults().withLocale(Locale.UK));
    private static final LocalDate JAN_15 = LocalDate.of(2026, 1, 15);
    private static final LocalDate JAN_28 = LocalDate.of(2026, 1, 28);
    /** A valid IBAN other than the seller's, for the buyer's debited account. */
    private static final String BUYER_IBAN = "DE02120300000000202051";

    /** The German sample, re-issued as {@code type} with {@code terms}. */
    private static InvoiceDocument document(DocumentType type, DocumentTerms terms) {
        return document(type, terms, UnaryOperator.identity());
    }

    private static InvoiceDocument document(DocumentType type, DocumentTerms terms, UnaryOperator<Invoice> issued) {
        InvoiceDocument base = Samples.german();
        Invoice draft = Invoice.draft(InvoiceId.of("inv-RE-2026-0077"), base.buyer().id(),
                base.invoice().currency(), InvoiceSource.MANUAL)
                .withLines(base.invoice().lines())
                .withTerms(terms);
        if (type != DocumentType.INVOICE) {
            draft = Transitions.withType(draft, type);
        }
        Invoice invoice = issued.apply(Transitions.issuedAs(draft, "RE-2026-0077", Samples.ISSUED, Samples.DUE));
        return InvoiceDocument.of(base.seller(), base.buyer(), invoice);
    }

    private static String german(InvoiceDocument doc) {
        return PdfText.read(GERMAN.render(doc)).all();
    }

    private static String english(InvoiceDocument doc) {
        return PdfText.read(ENGLISH.render(doc)).all();
    }

    private static void assertContains(String text, String... needles) {
        for (String needle : needles) {
            assertTrue(text.contains(needle), () -> "expected '" + needle + "' in:\n" + text);
        }
    }

    private static void assertBefore(String text, String first, String second) {
        assertContains(text, first, second);
        assertTrue(text.indexOf(first) < text.indexOf(second), () -> "'" + first + "' before '" + second + "' in:\n"
                + text);
    }

    private static Money eur(String amount) {
        return Money.of("EUR", amount);
    }

    // 1. title per document type

    @Test
    void render_eachInvoiceType_printsItsTitleInEnglishAndGerman() {
        String[][] expected = {
            {"CORRECTED", "Corrected invoice", "Korrigierte Rechnung"},
            {"SELF_BILLED", "Self-billed invoice", "Gutschrift"},
            {"PARTIAL", "Partial invoice", "Teilrechnung"},
            {"PREPAYMENT", "Prepayment invoice", "Vorauszahlungsrechnung"},
        };
        DocumentTerms preceding = DocumentTerms.none().withPrecedingInvoice(
                new DocumentTerms.PrecedingInvoice("RE-2026-0042", JAN_15));
        for (String[] row : expected) {
            InvoiceDocument doc = document(DocumentType.valueOf(row[0]), preceding);
            String en = english(doc);
            String de = german(doc);
            assertTrue(en.contains("\n" + row[1] + "\n"), row[0] + ":\n" + en);
            assertTrue(de.contains("\n" + row[2] + "\n"), row[0] + ":\n" + de);
            assertFalse(en.contains("\nInvoice\n"), en);
            assertFalse(de.contains("\nRechnung\n"), de);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "fr", "ja"})
    void render_everyDocumentType_hasATitleOfItsOwnInEveryLanguage(String language) {
        InvoicePdfRenderer renderer = InvoicePdfRenderer.create(PdfOptions.defaults()
                .withLocale(Locale.forLanguageTag(language)));
        DocumentTerms preceding = DocumentTerms.none().withPrecedingInvoice(
                new DocumentTerms.PrecedingInvoice("RE-2026-0042", null));
        Set<String> titleLines = new HashSet<>();
        for (DocumentType type : DocumentType.values()) {
            InvoiceDocument doc = type == DocumentType.CREDIT_NOTE ? Samples.creditNote() : document(type, preceding);
            String[] lines = PdfText.read(renderer.render(doc)).pages.get(0).split("\n");
            // the title is the first line after the seller's letterhead: the line before "Bill to"'s row
            String title = titleLine(lines, doc);
            assertTrue(titleLines.add(title), language + ": " + type + " shares its title '" + title + "'");
        }
        assertEquals(DocumentType.values().length, titleLines.size());
    }

    /** The line that names the document: the one after the seller's e-mail, which ends the letterhead. */
    private static String titleLine(String[] lines, InvoiceDocument doc) {
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].strip().equals(doc.seller().email())) {
                return lines[i + 1].strip();
            }
        }
        throw new AssertionError("no letterhead in " + String.join("\n", lines));
    }

    @Test
    void render_selfBilledInvoice_saysSelfBillingAsTheVatDirectiveRequires() {
        InvoiceDocument doc = document(DocumentType.SELF_BILLED, DocumentTerms.none());
        assertContains(english(doc), "Self-billing: this invoice was drawn up by the buyer");
        assertContains(german(doc), "Gutschrift: vom Leistungsempfänger im Namen und für Rechnung");
    }

    /**
     * "Gutschrift" is the mention German VAT law requires on a self-billed invoice (§ 14 (4) no. 10
     * UStG), so a German credit note (381) must not be marked or totalled with that word, or the
     * two documents read alike.
     */
    @Test
    void render_germanCreditNote_doesNotCallItselfGutschrift() {
        String text = german(Samples.creditNote());
        assertContains(text, "Rechnungskorrektur", "RECHNUNGSKORREKTUR", "Korrekturbetrag 571,20 €");
        assertFalse(text.contains("GUTSCHRIFT"), text);
        assertFalse(text.contains("Gutschriftsbetrag"), text);
    }

    // 2. preceding invoice

    @Test
    void render_correctedInvoice_namesTheInvoiceItCorrectsUnderTheTitle() {
        InvoiceDocument doc = document(DocumentType.CORRECTED, DocumentTerms.none().withPrecedingInvoice(
                new DocumentTerms.PrecedingInvoice("RE-2026-0042", JAN_15)));
        String en = english(doc);
        assertBefore(en, "Corrected invoice", "Corrects invoice RE-2026-0042 of 15 Jan 2026");
        assertBefore(en, "Corrects invoice RE-2026-0042 of 15 Jan 2026", "Bill to");
        String de = german(doc);
        assertBefore(de, "Korrigierte Rechnung", "Korrigiert Rechnung RE-2026-0042 vom 15.01.2026");
        assertBefore(de, "Korrigiert Rechnung RE-2026-0042 vom 15.01.2026", "Rechnungsempfänger");
    }

    @Test
    void render_otherTypeWithPrecedingInvoice_refersToIt() {
        InvoiceDocument dated = document(DocumentType.PARTIAL, DocumentTerms.none().withPrecedingInvoice(
                new DocumentTerms.PrecedingInvoice("RE-2026-0040", JAN_15)));
        assertContains(english(dated), "Refers to invoice RE-2026-0040 of 15 Jan 2026");
        assertContains(german(dated), "Bezieht sich auf Rechnung RE-2026-0040 vom 15.01.2026");

        InvoiceDocument undated = document(DocumentType.INVOICE, DocumentTerms.none().withPrecedingInvoice(
                new DocumentTerms.PrecedingInvoice("RE-2026-0040", null)));
        String en = english(undated);
        assertContains(en, "Refers to invoice RE-2026-0040\n");
        assertFalse(en.contains("Corrects"), en);
        assertContains(german(undated), "Bezieht sich auf Rechnung RE-2026-0040\n");
    }

    // 3. VAT point

    @Test
    void render_taxPointDate_isPrintedAmongTheFacts() {
        InvoiceDocument doc = document(DocumentType.INVOICE, DocumentTerms.none().withTaxPointDate(JAN_28));
        assertBefore(english(doc), "Issue date 3 Feb 2026", "Tax point date 28 Jan 2026");
        assertBefore(german(doc), "Rechnungsdatum 03.02.2026", "Steuerfälligkeit 28.01.2026");
    }

    @Test
    void render_taxPointCode_printsWhatTheCodeMeansNotTheCode() {
        String[][] expected = {
            {"3", "Tax point date Invoice date", "Steuerfälligkeit Rechnungsdatum"},
            {"35", "Tax point date Delivery date", "Steuerfälligkeit Lieferdatum"},
            {"432", "Tax point date Date of payment", "Steuerfälligkeit Zahlungsdatum"},
        };
        for (String[] row : expected) {
            InvoiceDocument doc = document(DocumentType.INVOICE, DocumentTerms.none().withTaxPointCode(row[0]));
            String en = english(doc);
            assertContains(en, row[1]);
            assertFalse(en.contains("Tax point date " + row[0]), en);
            assertContains(german(doc), row[2]);
        }
    }

    // 4. notes

    @Test
    void render_codedNotes_followTheInvoiceNotesWithTheirSubject() {
        DocumentTerms terms = DocumentTerms.none()
                .withNote("AAI", "Goods remain our property until paid in full.")
                .withNote(null, "Thank you for your order.")
                .withNote("ABL", "Registered at Amtsgericht Charlottenburg.");
        InvoiceDocument base = document(DocumentType.INVOICE, terms);
        Invoice withNotes = Transitions.issuedAs(Invoice.draft(base.invoice().id(), base.buyer().id(),
                base.invoice().currency(), InvoiceSource.MANUAL).withLines(base.invoice().lines())
                .withNotes("Plain note first.").withTerms(terms), "RE-2026-0077", Samples.ISSUED, Samples.DUE);
        InvoiceDocument doc = InvoiceDocument.of(base.seller(), base.buyer(), withNotes);

        String en = english(doc);
        assertBefore(en, "Notes", "Plain note first.");
        assertBefore(en, "Plain note first.", "General information: Goods remain our property until paid in full.");
        assertBefore(en, "General information: Goods remain", "\nThank you for your order.");
        // a subject without a label prints its code
        assertBefore(en, "\nThank you for your order.", "ABL: Registered at Amtsgericht Charlottenburg.");

        String de = german(doc);
        assertContains(de, "Hinweise", "Allgemeine Information: Goods remain our property until paid in full.",
                "ABL: Registered at Amtsgericht Charlottenburg.");
    }

    @Test
    void render_longNote_wrapsInsideThePage() {
        String sentence = "Delivery was made in several batches to the plant in Düsseldorf; every batch was "
                + "accepted on the day it arrived and signed for by the shift supervisor. ";
        String url = "https://portal.example/acceptance/" + "0123456789abcdef".repeat(12);
        String note = sentence.repeat(12) + url;
        InvoiceDocument doc = document(DocumentType.INVOICE, DocumentTerms.none().withNote("SUR", note));
        PdfText pdf = PdfText.read(ENGLISH.render(doc));
        String text = pdf.all();

        assertTrue(pdf.maxGlyphRight < pdf.pageSize.getWidth() - 40f, "right-most glyph at " + pdf.maxGlyphRight);
        assertContains(text, "Supplier remarks: Delivery was made", "signed for by the shift supervisor.");
        String joined = text.replace("\n", " ");
        assertEquals(12, joined.split("accepted on the day", -1).length - 1, "every sentence printed:\n" + text);
        assertContains(text.replace("\n", ""), url);
        for (String line : text.split("\n")) {
            assertFalse(line.contains("Supplier remarks") && line.contains("0123456789abcdef"),
                    "the note is not on one line: " + line);
        }
    }

    @Test
    void render_noteLongerThanAPage_continuesOnTheNextPageUnderTheNotesTitle() {
        String sentence = "Every batch was accepted on the day it arrived and signed for by the shift supervisor. ";
        InvoiceDocument doc = document(DocumentType.INVOICE, DocumentTerms.none().withNote("AAI", sentence.repeat(400)));
        PdfText pdf = PdfText.read(ENGLISH.render(doc));

        assertTrue(pdf.pageCount() >= 3, pdf.pageCount() + " pages");
        assertTrue(pdf.maxGlyphRight < pdf.pageSize.getWidth() - 40f, "right-most glyph at " + pdf.maxGlyphRight);
        String joined = pdf.all().replace("\n", " ");
        assertEquals(400, joined.split("signed for by the shift", -1).length - 1);
        for (int i = 1; i < pdf.pageCount(); i++) {
            assertContains(pdf.pages.get(i), "Notes\n", "Page " + (i + 1) + " of " + pdf.pageCount());
        }
    }

    // 5. delivery, payee, card, direct debit

    @Test
    void render_deliverTo_isPrintedUnderTheBuyer() {
        DeliverTo to = DeliverTo.party("Müller & Söhne Werk Nord").withLocation("4012345000009", "0088")
                .withAddress(new Address(List.of("Hafenstraße 5"), "47119", "Duisburg", "DE"));
        InvoiceDocument doc = document(DocumentType.INVOICE, DocumentTerms.none().withDelivery(to, JAN_28));

        String en = english(doc);
        assertBefore(en, "Bill to", "Deliver to");
        assertContains(en, "Müller & Söhne Werk Nord", "Location 4012345000009", "Hafenstraße 5", "47119 Duisburg",
                "Delivery date 28 Jan 2026");
        assertBefore(en, "Delivery date 28 Jan 2026", "Description");
        String de = german(doc);
        assertBefore(de, "Rechnungsempfänger", "Lieferanschrift");
        assertContains(de, "Lieferort 4012345000009", "Hafenstraße 5", "47119 Duisburg", "Lieferdatum 28.01.2026");
        assertFalse(de.contains("Deutschland"), "a delivery in the seller's country prints no country:\n" + de);
    }

    @Test
    void render_deliverToAbroad_printsTheCountry() {
        DeliverTo to = DeliverTo.at(new Address(List.of("Rue du Port 3"), "4000", "Liège", "BE"));
        String de = german(document(DocumentType.INVOICE, DocumentTerms.none().withDelivery(to, null)));
        assertContains(de, "Lieferanschrift", "Rue du Port 3", "4000 Liège", "Belgien");
        assertFalse(de.contains("Lieferdatum"), de);
    }

    @Test
    void render_deliveryDateWithoutPlace_isAFact() {
        InvoiceDocument doc = document(DocumentType.INVOICE, DocumentTerms.none().withDelivery(null, JAN_28));
        String en = english(doc);
        assertContains(en, "Delivery date 28 Jan 2026");
        assertFalse(en.contains("Deliver to"), en);
        assertContains(german(doc), "Lieferdatum 28.01.2026");
    }

    @Test
    void render_payeeOfTheDocument_isNamedInThePaymentBlock() {
        Payee factor = Payee.of("Nordfactor Bank AG").withIdentifier("NF-4711", null)
                .withLegalRegistration("HRB 98765", null);
        InvoiceDocument doc = document(DocumentType.INVOICE, DocumentTerms.none().withPayee(factor));
        String en = english(doc);
        assertBefore(en, "Payment", "Pay to Nordfactor Bank AG");
        assertContains(en, "Payee ID NF-4711", "Registration no. HRB 98765", "IBAN DE89 3704 0044 0532 0130 00");
        assertContains(german(doc), "Zahlungsempfänger Nordfactor Bank AG", "Kennung NF-4711", "Registernr. HRB 98765");
    }

    @Test
    void render_sellersDefaultPayee_isUsedUnlessTheDocumentNamesOne() {
        InvoiceDocument plain = document(DocumentType.INVOICE, DocumentTerms.none());
        Tenant seller = plain.seller().withDetails(plain.seller().details().withPayee(Payee.of("Default Factor GmbH")));
        String en = english(InvoiceDocument.of(seller, plain.buyer(), plain.invoice()));
        assertContains(en, "Pay to Default Factor GmbH");

        InvoiceDocument own = document(DocumentType.INVOICE, DocumentTerms.none().withPayee(Payee.of("Own Factor AG")));
        String ownText = english(InvoiceDocument.of(seller, own.buyer(), own.invoice()));
        assertContains(ownText, "Pay to Own Factor AG");
        assertFalse(ownText.contains("Default Factor"), ownText);
    }

    @Test
    void render_card_namesTheCardByItsLastDigitsInsteadOfATransfer() {
        InvoiceDocument doc = document(DocumentType.INVOICE,
                DocumentTerms.none().withCard(new DocumentTerms.Card("54", "4242", "Erika Mustermann")));
        String en = english(doc);
        assertContains(en, "Paid by credit card ending 4242.", "Card holder Erika Mustermann",
                "Reference RE-2026-0077");
        assertFalse(en.contains("Please transfer"), en);
        assertFalse(en.contains("DE89 3704"), "no account to transfer to:\n" + en);
        assertFalse(en.contains("Scan with your banking app"), en);
        assertContains(german(doc), "Bezahlt mit Kreditkarte, Endziffern 4242.", "Karteninhaber Erika Mustermann");

        InvoiceDocument bankCard = document(DocumentType.INVOICE,
                DocumentTerms.none().withCard(DocumentTerms.Card.bankCard("1234", null)));
        assertContains(english(bankCard), "Paid by card ending 1234.");
        assertContains(german(bankCard), "Bezahlt mit Karte, Endziffern 1234.");
    }

    @Test
    void render_directDebit_namesMandateCreditorIdAndTheMaskedAccount() {
        InvoiceDocument base = document(DocumentType.INVOICE,
                DocumentTerms.none().withDirectDebit(DocumentTerms.DirectDebit.sepa("MANDAT-2026-17")));
        Tenant seller = base.seller().withDetails(base.seller().details().withCreditorId("DE98ZZZ09999999999"));
        Client buyer = base.buyer().withDetails(base.buyer().details().withDebitedAccount(BUYER_IBAN));
        InvoiceDocument doc = InvoiceDocument.of(seller, buyer, base.invoice());

        String en = english(doc);
        assertContains(en, "SEPA direct debit, mandate MANDAT-2026-17", "€9,610.73 will be collected from your account.",
                "Creditor ID DE98ZZZ09999999999", "Debited account DE•• •••• •••• •••• ••20 51");
        assertFalse(en.contains("1203 0000"), "the debited account is masked:\n" + en);
        assertFalse(en.contains("Please transfer"), en);
        assertFalse(en.contains("Scan with your banking app"), en);
        String de = german(doc);
        assertContains(de, "SEPA-Lastschrift, Mandatsreferenz MANDAT-2026-17",
                "Der Betrag von 9.610,73 € wird von Ihrem Konto eingezogen.", "Gläubiger-ID DE98ZZZ09999999999",
                "Belastetes Konto DE•• •••• •••• •••• ••20 51");

        InvoiceDocument plainDebit = document(DocumentType.INVOICE,
                DocumentTerms.none().withDirectDebit(new DocumentTerms.DirectDebit("49", "M-1")));
        String withoutDetails = english(plainDebit);
        assertContains(withoutDetails, "Direct debit, mandate M-1");
        assertFalse(withoutDetails.contains("Creditor ID") || withoutDetails.contains("Debited account"),
                withoutDetails);
    }

    // 6. paid in advance (BT-113) and the document's amount due (BT-115)

    @Test
    void render_prepaid_printsPaidInAdvanceAndTheDocumentsAmountDue() {
        // issued with 1,000.00 declared paid: recorded as a payment, so paid() is 1,000.00 too
        InvoiceDocument doc = document(DocumentType.INVOICE, DocumentTerms.none(), inv -> Transitions.withSettlement(
                Transitions.withPrepaid(inv, eur("1000.00")), eur("1000.00"), eur("0.00")));
        String en = english(doc);
        assertContains(en, "Total €9,610.73\nPaid in advance -€1,000.00\nAmount due €8,610.73");
        assertFalse(en.contains("Paid -€1,000.00"), "the advance is not counted twice:\n" + en);
        assertContains(en, "Please transfer €8,610.73");
        String de = german(doc);
        assertContains(de, "Gesamtbetrag 9.610,73 €\nVorauszahlung -1.000,00 €\nOffener Betrag 8.610,73 €");
    }

    @Test
    void render_prepaidAboveThePayableAmount_printsANegativeAmountDue() {
        // 10,000.00 declared: 9,610.73 settles the invoice, the rest stays the client's credit
        InvoiceDocument doc = document(DocumentType.INVOICE, DocumentTerms.none(), inv -> Transitions.withSettlement(
                Transitions.withStatus(Transitions.withPrepaid(inv, eur("10000.00")),
                        dev.billops.core.invoice.InvoiceStatus.PAID), eur("9610.73"), eur("0.00")));
        String en = english(doc);
        assertContains(en, "Paid in advance -€10,000.00\nAmount due -€389.27", "Paid in full");
        assertFalse(en.contains("Balance due"), en);
        assertContains(german(doc), "Vorauszahlung -10.000,00 €\nOffener Betrag -389,27 €");
    }

    @Test
    void render_draftWithDeclaredPrepaid_printsTheDeclaredAmount() {
        InvoiceDocument base = Samples.german();
        Invoice draft = Transitions.withPrepaid(Invoice.draft(InvoiceId.of("draft-7"), base.buyer().id(),
                base.invoice().currency(), InvoiceSource.MANUAL).withLines(base.invoice().lines()), eur("610.73"));
        InvoiceDocument doc = InvoiceDocument.of(base.seller(), base.buyer(), draft);
        assertContains(english(doc), "Paid in advance -€610.73\nAmount due €9,000.00");
        assertContains(german(doc), "Vorauszahlung -610,73 €\nOffener Betrag 9.000,00 €");
    }

    @Test
    void render_prepaidInvoicePaidFurtherSinceIssue_keepsTheDocumentsAmountDueAndAddsTheBalance() {
        InvoiceDocument doc = document(DocumentType.INVOICE, DocumentTerms.none(), inv -> Transitions.withSettlement(
                Transitions.withPrepaid(inv, eur("1000.00")), eur("3000.00"), eur("500.00")));
        String en = english(doc);
        assertContains(en, "Paid in advance -€1,000.00\nAmount due €8,610.73\nPaid since issue -€2,000.00\n"
                + "Credited -€500.00\nBalance due €6,110.73", "Please transfer €6,110.73");
        assertContains(german(doc), "Vorauszahlung -1.000,00 €\nOffener Betrag 8.610,73 €\n"
                + "Seither bezahlt -2.000,00 €\nGutgeschrieben -500,00 €\nRestbetrag 6.110,73 €");
    }

    @Test
    void render_finalInvoiceDeductingPrepaymentInvoices_printsARowForEachAndTheRestAsPaidInAdvance() {
        // two prepayment invoices deducted (3,000.00 and 1,000.00), 500.00 declared paid in cash,
        // then 2,000.00 paid after issue
        InvoiceDocument doc = document(DocumentType.INVOICE, DocumentTerms.none(), inv -> inv);
        Invoice draft = Invoice.draft(InvoiceId.of("inv-final"), doc.buyer().id(), doc.invoice().currency(),
                InvoiceSource.MANUAL).withLines(doc.invoice().lines());
        draft = Transitions.withPrepayments(draft, List.of(
                new PrepaymentDeduction(InvoiceId.of("adv-1"), "AR-2026-0005", JAN_15, eur("3000.00")),
                new PrepaymentDeduction(InvoiceId.of("adv-2"), "AR-2026-0009", JAN_28, eur("1000.00"))));
        Invoice issued = Transitions.issuedAs(draft, "RE-2026-0078", Samples.ISSUED, Samples.DUE);
        Invoice fixed = Transitions.withSettlement(Transitions.withPrepaid(issued, eur("4500.00")), eur("2500.00"),
                eur("0.00"));
        InvoiceDocument finalDoc = InvoiceDocument.of(doc.seller(), doc.buyer(), fixed);
        String en = english(finalDoc);
        assertContains(en, "Total €9,610.73\nPrepayment AR-2026-0005 -€3,000.00\n"
                + "Prepayment AR-2026-0009 -€1,000.00\nPaid in advance -€500.00\n"
                + "Amount due €5,110.73\nPaid since issue -€2,000.00\nBalance due €3,110.73");
        assertContains(german(finalDoc), "Abschlag AR-2026-0005 -3.000,00 €\n"
                + "Abschlag AR-2026-0009 -1.000,00 €\nVorauszahlung -500,00 €\n"
                + "Offener Betrag 5.110,73 €");
    }

    @Test
    void render_negativePrepaid_printsItWithItsSignAndTheHigherAmountDue() {
        InvoiceDocument doc = document(DocumentType.INVOICE, DocumentTerms.none(), inv -> inv);
        Invoice draft = Transitions.withPrepaid(Invoice.draft(InvoiceId.of("inv-neg"), doc.buyer().id(),
                doc.invoice().currency(), InvoiceSource.MANUAL).withLines(doc.invoice().lines()), eur("-389.27"));
        Invoice issued = Transitions.issuedAs(draft, "RE-2026-0079", Samples.ISSUED, Samples.DUE);
        String en = english(InvoiceDocument.of(doc.seller(), doc.buyer(), issued));
        assertContains(en, "Total €9,610.73\nPaid in advance €389.27\nAmount due €10,000.00");
        assertFalse(en.contains("Balance due"), en);
    }

    @Test
    void render_creditNoteWithPrepaid_printsTheAdvanceAfterTheCreditTotal() {
        InvoiceDocument note = Samples.creditNote();
        Invoice prepaid = Transitions.withPrepaid(note.invoice(), eur("100.00"));
        InvoiceDocument doc = InvoiceDocument.creditNote(note.seller(), note.buyer(), prepaid, "RE-2026-0042");
        assertContains(german(doc), "Korrekturbetrag 571,20 €\nVorauszahlung -100,00 €\nOffener Betrag 471,20 €");
        assertContains(english(doc), "Total credit €571.20\nPaid in advance -€100.00\nAmount due €471.20");
    }

    @Test
    void render_creditNoteWithItsCreditedInvoiceAsPrecedingInvoice_namesItOnlyOnceUnlessDated() {
        InvoiceDocument note = Samples.creditNote();
        Invoice undated = Invoice.draft(InvoiceId.of("cn-0004"), note.buyer().id(), note.invoice().currency(),
                InvoiceSource.CREDIT).withLines(note.invoice().lines())
                .withTerms(DocumentTerms.none().withPrecedingInvoice(
                        new DocumentTerms.PrecedingInvoice("RE-2026-0042", null)))
                .asCreditNoteOf(InvoiceId.of("inv-RE-2026-0042"));
        Invoice issued = Transitions.issuedAs(undated, "GS-2026-0004", Samples.ISSUED, Samples.ISSUED);
        String text = english(InvoiceDocument.creditNote(note.seller(), note.buyer(), issued, "RE-2026-0042"));
        assertContains(text, "Credits invoice RE-2026-0042");
        assertFalse(text.contains("Refers to invoice"), text);

        Invoice dated = Transitions.issuedAs(undated.withTerms(DocumentTerms.none().withPrecedingInvoice(
                new DocumentTerms.PrecedingInvoice("RE-2026-0042", JAN_15))), "GS-2026-0004", Samples.ISSUED,
                Samples.ISSUED);
        assertContains(english(InvoiceDocument.creditNote(note.seller(), note.buyer(), dated, "RE-2026-0042")),
                "Refers to invoice RE-2026-0042 of 15 Jan 2026");
    }

    // 7. nothing changes without terms; everything at once

    @Test
    void render_invoiceWithoutTerms_printsNoneOfTheirLabels() {
        for (InvoiceDocument doc : List.of(Samples.german(), Samples.british(), Samples.paid(), Samples.creditNote())) {
            String text = PdfText.read(ENGLISH.render(doc)).all();
            for (String label : List.of("Corrects", "Refers to", "Tax point", "Deliver to", "Delivery date", "Pay to",
                    "card ending", "irect debit", "Paid in advance", "Balance due", "Self-billing")) {
                assertFalse(text.contains(label), label + " on " + doc.invoice().number() + ":\n" + text);
            }
        }
    }

    @Test
    void render_everyTermAtOnce_fitsThePageAndPrintsEachOfThem() {
        InvoiceDocument doc = Samples.everyTerm();
        PdfText en = PdfText.read(ENGLISH.render(doc));
        assertTrue(en.pageCount() <= 2, en.all());
        assertTrue(en.maxGlyphRight < en.pageSize.getWidth() - 40f, "right-most glyph at " + en.maxGlyphRight);
        // the notes' title is never left alone at the foot of a page
        for (String page : en.pages) {
            assertTrue(!page.contains("\nNotes\n") || page.contains("General information: Goods remain"), page);
        }
        assertContains(en.all(), "Corrected invoice", "Corrects invoice RE-2026-0042 of 15 Jan 2026",
                "Tax point date 28 Jan 2026", "Deliver to", "Müller & Söhne Werk Nord", "Delivery date 28 Jan 2026",
                "General information: Goods remain our property", "Pay to Nordfactor Bank AG",
                "SEPA direct debit, mandate MANDAT-2026-17", "Paid in advance -€1,000.00", "Amount due €8,610.73",
                "Page 1 of ");
        PdfText de = PdfText.read(GERMAN.render(doc));
        assertTrue(de.maxGlyphRight < de.pageSize.getWidth() - 40f, "right-most glyph at " + de.maxGlyphRight);
        assertContains(de.all(), "Korrigierte Rechnung", "Korrigiert Rechnung RE-2026-0042 vom 15.01.2026",
                "Steuerfälligkeit 28.01.2026", "Lieferanschrift", "Zahlungsempfänger Nordfactor Bank AG",
                "Vorauszahlung -1.000,00 €", "Seite 1 von ");
    }
}
