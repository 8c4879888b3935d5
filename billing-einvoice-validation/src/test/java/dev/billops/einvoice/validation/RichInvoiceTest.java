package dev.billops.einvoice.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.einvoice.EInvoiceProfile;
import dev.billops.einvoice.EInvoiceReader;
import dev.billops.einvoice.EInvoiceWriter;
import dev.billops.einvoice.ReadResult;
import dev.billops.einvoice.model.AllowanceCharge;
import dev.billops.einvoice.model.Attachment;
import dev.billops.einvoice.model.Contact;
import dev.billops.einvoice.model.CreditTransfer;
import dev.billops.einvoice.model.Delivery;
import dev.billops.einvoice.model.DirectDebit;
import dev.billops.einvoice.model.DocumentReference;
import dev.billops.einvoice.model.EInvoice;
import dev.billops.einvoice.model.ElectronicAddress;
import dev.billops.einvoice.model.Identifier;
import dev.billops.einvoice.model.ItemAttribute;
import dev.billops.einvoice.model.ItemClassification;
import dev.billops.einvoice.model.Line;
import dev.billops.einvoice.model.Note;
import dev.billops.einvoice.model.Party;
import dev.billops.einvoice.model.Payee;
import dev.billops.einvoice.model.PaymentCard;
import dev.billops.einvoice.model.PaymentInstructions;
import dev.billops.einvoice.model.Period;
import dev.billops.einvoice.model.PostalAddress;
import dev.billops.einvoice.model.TaxRepresentative;
import dev.billops.einvoice.model.Totals;
import dev.billops.einvoice.model.VatBreakdown;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A document that uses every business term the model carries (beyond what BillOps stores):
 * references, notes with subject codes, payee, tax representative, delivery, attachments, item
 * details, price discounts, VATEX codes, prepaid amount and a rounding amount that is not a cash
 * increment; and the other payment means (direct debit, card). Each validates without error in
 * every profile and survives write → read → write unchanged.
 */
class RichInvoiceTest {

    private static EInvoiceValidator validator;

    @BeforeAll
    static void rules() {
        validator = EInvoiceValidator.create();
    }

    static EInvoice rich(PaymentInstructions payment, String typeCode) {
        Party seller = new Party("Northwind Consulting GmbH", "Northwind", List.of(new Identifier("4000001123452", "0088")),
                new Identifier("HRB 12345 B", null), "DE811907980", "37/123/45678", "Sitz Berlin, Amtsgericht Charlottenburg",
                new ElectronicAddress("DE811907980", "9930"),
                new PostalAddress("Friedrichstraße 68", "Aufgang B", "3. OG", "Berlin", "10117", "Berlin", "DE"),
                new Contact("Billing office", "+49 30 5550 1234", "billing@northwind.test"));
        Party buyer = new Party("ACME Corporation AG", "ACME", List.of(new Identifier("C-1001", null)),
                new Identifier("HRB 9876", null), "DE129273398", null, null, new ElectronicAddress("DE129273398", "9930"),
                PostalAddress.of("Königsallee 12", "40212", "Düsseldorf", "DE"),
                new Contact("Accounts payable", "+49 211 555 0", "ap@acme.test"));
        Line l1 = Line.of("1", new BigDecimal("10"), "HUR", new BigDecimal("900.00"), new BigDecimal("90.00"), "S",
                new BigDecimal("19"), "Architecture consulting")
                .withNote("Week 48")
                .withObjectId(new Identifier("TICKET-7", "AWV"))
                .withOrderLineReference("3")
                .withAccountingReference("KST-100")
                .withPeriod(new Period(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 27)))
                .withPrice(new BigDecimal("90.00"), new BigDecimal("10.00"), new BigDecimal("100.00"), null, null)
                .withItem("Senior consultant, remote", "SKU-ARCH", "B-77", new Identifier("4012345678901", "0160"),
                        List.of(new ItemClassification("72220000", "STI", null)), "DE",
                        List.of(new ItemAttribute("Seniority", "Senior")));
        Line l2 = Line.of("2", new BigDecimal("30"), "MIN", new BigDecimal("45.00"), new BigDecimal("150.00"), "S",
                new BigDecimal("19"), "Support call")
                .withPrice(new BigDecimal("150.00"), null, null, new BigDecimal("60"), "MIN")
                .withAllowancesCharges(List.of(new AllowanceCharge(false, new BigDecimal("30.00"), new BigDecimal("75.00"),
                        new BigDecimal("40"), "Goodwill", "95", null, null),
                        new AllowanceCharge(true, new BigDecimal("0.00"), null, null, "Call-out", "ZZZ", null, null)));
        Line l3 = Line.of("3", new BigDecimal("1"), "C62", new BigDecimal("200.00"), new BigDecimal("200.00"), "E",
                new BigDecimal("0"), "Training voucher");
        List<AllowanceCharge> doc = List.of(
                new AllowanceCharge(false, new BigDecimal("50.00"), new BigDecimal("1000.00"), new BigDecimal("5"),
                        "Volume rebate", "95", "S", new BigDecimal("19")),
                new AllowanceCharge(true, new BigDecimal("25.00"), null, null, "Travel costs", "FC", "S",
                        new BigDecimal("19")));
        // S: 900 + 45 - 50 + 25 = 920.00, VAT 174.80; E: 200.00
        List<VatBreakdown> breakdown = List.of(
                new VatBreakdown(new BigDecimal("920.00"), new BigDecimal("174.80"), "S", new BigDecimal("19"), null, null),
                new VatBreakdown(new BigDecimal("200.00"), new BigDecimal("0.00"), "E", new BigDecimal("0"),
                        "Exempt education service", "VATEX-EU-132-1I"));
        Totals totals = new Totals(new BigDecimal("1145.00"), new BigDecimal("50.00"), new BigDecimal("25.00"),
                new BigDecimal("1120.00"), new BigDecimal("174.80"), new BigDecimal("1294.80"), new BigDecimal("300.00"),
                new BigDecimal("0.20"), new BigDecimal("995.00"));
        return new EInvoice(null, null, "INV-2026-0815", LocalDate.of(2026, 12, 1), typeCode, "EUR",
                LocalDate.of(2026, 11, 30), null, LocalDate.of(2026, 12, 31), "04011000-12345-03", "PRJ-ARCH-2026",
                "FRAME-2025-17", "PO-4711", "SO-88", "ACC-1200", "Net 30 days",
                List.of(new Note("AAI", "Thank you for your business."), new Note("REG", "Registered in Berlin")),
                List.of(new DocumentReference("INV-2026-0700", LocalDate.of(2026, 10, 1))), seller, buyer,
                new Payee("Northwind Factoring GmbH", new Identifier("NWF-1", null), new Identifier("HRB 555", null)),
                new TaxRepresentative("Tax Rep GmbH", "DE999999999",
                        PostalAddress.of("Unter den Linden 1", "10117", "Berlin", "DE")),
                new Delivery("ACME Werk 2", new Identifier("4000001987654", "0088"), LocalDate.of(2026, 11, 27),
                        PostalAddress.of("Industriestraße 5", "40589", "Düsseldorf", "DE")),
                new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)), payment, doc, totals, breakdown,
                List.of(Attachment.embedded("TS-11", "Timesheet November", "day,hours\n2026-11-23,8\n"
                        .getBytes(StandardCharsets.UTF_8), "text/csv", "timesheet.csv"),
                        new Attachment("SPEC-1", "Specification", "https://docs.example/spec.pdf", null, null, null)),
                List.of(l1, l2, l3));
    }

    static PaymentInstructions transfer() {
        return new PaymentInstructions("58", "SEPA credit transfer", "RF18539007547034",
                List.of(new CreditTransfer("DE89370400440532013000", "Northwind Factoring GmbH", "COBADEFFXXX")), null, null);
    }

    @Test
    void write_everyTermUsed_validatesInEveryProfileAndRoundTrips() {
        check(rich(transfer(), "380"), List.of(EInvoiceProfile.values()));
    }

    @Test
    void write_directDebit_validatesAndRoundTrips() {
        PaymentInstructions debit = new PaymentInstructions("59", null, "INV-2026-0815", List.of(), null,
                new DirectDebit("MANDATE-123", "DE98ZZZ09999999999", "DE75512108001245126199"));
        EInvoice e = rich(debit, "380");
        check(e.withPayee(null), List.of(EInvoiceProfile.values()));
    }

    @Test
    void write_card_validatesAndRoundTrips() {
        PaymentInstructions card = new PaymentInstructions("48", "Card", "INV-2026-0815", List.of(),
                new PaymentCard("1234", "ACME Corporation AG", "VISA"), null);
        check(rich(card, "380"), List.of(EInvoiceProfile.EN16931_UBL, EInvoiceProfile.EN16931_CII,
                EInvoiceProfile.PEPPOL_BIS, EInvoiceProfile.FACTURX_EN16931));
    }

    @Test
    void write_otherTypeCodes_validateWhereTheProfileAllowsThem() {
        for (String type : List.of("384", "326")) {
            check(rich(transfer(), type), List.of(EInvoiceProfile.values()));
        }
        // self-billing has its own Peppol process: PEPPOL-EN16931-P0100 refuses 389 in BIS Billing
        check(rich(transfer(), "389"), List.of(EInvoiceProfile.EN16931_UBL, EInvoiceProfile.EN16931_CII,
                EInvoiceProfile.XRECHNUNG_UBL, EInvoiceProfile.XRECHNUNG_CII, EInvoiceProfile.FACTURX_EN16931));
        check(rich(transfer(), "386"), List.of(EInvoiceProfile.EN16931_UBL, EInvoiceProfile.EN16931_CII,
                EInvoiceProfile.PEPPOL_BIS));
    }

    @Test
    void write_creditNote_validatesAndRoundTrips() {
        check(rich(transfer(), "381"), List.of(EInvoiceProfile.values()));
    }

    private static void check(EInvoice e, List<EInvoiceProfile> profiles) {
        for (EInvoiceProfile p : profiles) {
            byte[] xml = EInvoiceWriter.write(e, p);
            ValidationReport report = validator.validate(xml, p);
            assertTrue(report.isValid(), e.typeCode() + " " + p + ": " + report.errors());
            ReadResult read = EInvoiceReader.standard().read(xml);
            assertEquals(List.of(), read.warnings(), e.typeCode() + " " + p);
            assertArrayEquals(xml, EInvoiceWriter.write(read.invoice(), p), e.typeCode() + " " + p);
        }
    }
}
