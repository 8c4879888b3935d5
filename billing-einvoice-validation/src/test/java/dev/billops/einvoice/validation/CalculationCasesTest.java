package dev.billops.einvoice.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.AllowanceCharge;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.tax.PayableRounding;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.LocalDateRange;
import dev.billops.einvoice.EInvoiceMapper;
import dev.billops.einvoice.EInvoiceProfile;
import dev.billops.einvoice.EInvoiceReader;
import dev.billops.einvoice.EInvoiceWriter;
import dev.billops.einvoice.ReadResult;
import dev.billops.einvoice.model.Contact;
import dev.billops.einvoice.model.EInvoice;
import dev.billops.einvoice.model.ElectronicAddress;
import dev.billops.einvoice.model.Identifier;
import dev.billops.einvoice.model.Totals;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calculation cases of EN 16931 that BillOps once refused, each in a hand-made invoice whose
 * figures are written out: every profile validates it with 0 errors, reads it back without a
 * warning and writes it back byte for byte; a changed total makes the matching BR-CO rule fire.
 */
class CalculationCasesTest {

    private static final CurrencyUnit EUR = Currencies.of("EUR");
    private static final String TOTAL = "/inv:Invoice/cac:LegalMonetaryTotal";
    private static final TaxTreatment VAT19 = TaxTreatment.standard(new BigDecimal("19"));
    private static final TaxTreatment VAT7 = TaxTreatment.standard(new BigDecimal("7"));

    private static EInvoiceValidator validator;

    @BeforeAll
    static void rules() {
        validator = EInvoiceValidator.create();
    }

    /**
     * Lines 100.00 at 19 % (with a line allowance of -5.00: net 105.00) and 50.00 at 7 %; a
     * document allowance of -10.00 at 19 % and a charge of -5.00 at 7 %. BT-107 -10.00, BT-108
     * -5.00, BT-106 155.00, BT-109 155.00 - (-10.00) + (-5.00) = 160.00, 19 % of 115.00 = 21.85, 7 % of 45.00 =
     * 3.15, BT-112 185.00.
     */
    @Test
    void negativeAllowancesAndCharges_validateAndRoundTrip() {
        InvoiceLine first = InvoiceLine.of("Workshop", BigDecimal.ONE, UnitCode.HOUR, UnitPrice.of(EUR, "100.00"),
                VAT19);
        first = new InvoiceLine(1, first.description(), first.quantity(), first.unit(), first.price(),
                first.baseQuantity(), List.of(AllowanceCharge.allowance(Money.of(EUR, "-5.00"),
                        "early-booking discount withdrawn")), VAT19, null, List.of(), null, null, null, null);
        Invoice draft = draft(first, InvoiceLine.of("Books", BigDecimal.ONE, UnitCode.PIECE,
                UnitPrice.of(EUR, "50.00"), VAT7))
                .withAdjustments(List.of(AllowanceCharge.allowance(Money.of(EUR, "-10.00"), "discount reversed", VAT19),
                        AllowanceCharge.charge(Money.of(EUR, "-5.00"), "fee refunded", VAT7)));
        EInvoice e = mapped(draft);
        byte[][] docs = everyProfile(e);
        assertEquals("-10.00", Xml.value(docs[0], TOTAL + "/cbc:AllowanceTotalAmount"));
        assertEquals("-5.00", Xml.value(docs[0], TOTAL + "/cbc:ChargeTotalAmount"));
        assertEquals("160.00", Xml.value(docs[0], TOTAL + "/cbc:TaxExclusiveAmount"));
        assertEquals("185.00", Xml.value(docs[0], TOTAL + "/cbc:PayableAmount"));
        // mutation: the allowance total with the sign a by-sign classification would give
        mutated(e, t -> new Totals(t.lineNetTotal(), new BigDecimal("10.00"), t.chargeTotal(), t.taxExclusive(),
                t.taxTotal(), t.taxInclusive(), t.prepaid(), t.rounding(), t.payable()), "BR-CO-11");
    }

    /**
     * A net price with 18 decimals (BT-146 has no limit): 1,000,000 calls at 0.000123456789012345
     * = 123.456789012345 -> 123.46 (half up, within PEPPOL-EN16931-R120's 0.02), 19 % = 23.46,
     * payable 146.92; the price is written with all its decimals and read back exactly.
     */
    @Test
    void netPriceWithEighteenDecimals_validatesAndRoundTrips() {
        EInvoice e = mapped(draft(InvoiceLine.of("API calls", new BigDecimal("1000000"), UnitCode.PIECE,
                UnitPrice.of(EUR, "0.000123456789012345"), VAT19)));
        byte[][] docs = everyProfile(e);
        assertEquals("0.000123456789012345", Xml.value(docs[0], "/inv:Invoice/cac:InvoiceLine/cac:Price/cbc:PriceAmount"));
        assertEquals("123.46", Xml.value(docs[0], "/inv:Invoice/cac:InvoiceLine/cbc:LineExtensionAmount"));
        assertEquals("146.92", Xml.value(docs[0], TOTAL + "/cbc:PayableAmount"));
        mutated(e, t -> new Totals(t.lineNetTotal().add(new BigDecimal("0.01")), t.allowanceTotal(), t.chargeTotal(),
                t.taxExclusive(), t.taxTotal(), t.taxInclusive(), t.prepaid(), t.rounding(), t.payable()), "BR-CO-10");
    }

    /**
     * A rounding amount (BT-114) that no cash increment produces: 1 x 1000.34 at 19 % is 1190.40
     * (tax 190.0646 -> 190.06); the amount due is rounded to 1190.00 with BT-114 = -0.40
     * (BR-CO-16: 1190.40 - 0 + (-0.40)).
     */
    @Test
    void explicitRoundingAmount_validatesAndRoundTrips() {
        EInvoice e = mapped(draft(InvoiceLine.of("Consulting", BigDecimal.ONE, UnitCode.HOUR,
                UnitPrice.of(EUR, "1000.34"), VAT19))
                .withPayableRounding(PayableRounding.amount(Money.of(EUR, "-0.40"))));
        byte[][] docs = everyProfile(e);
        assertEquals("1190.40", Xml.value(docs[0], TOTAL + "/cbc:TaxInclusiveAmount"));
        assertEquals("-0.40", Xml.value(docs[0], TOTAL + "/cbc:PayableRoundingAmount"));
        assertEquals("1190.00", Xml.value(docs[0], TOTAL + "/cbc:PayableAmount"));
        mutated(e, t -> t.withPayable(new BigDecimal("1190.40")), "BR-CO-16");
    }

    /**
     * Amounts paid (BT-113) outside 0..BT-112 and negative, as the model carries them (a
     * correction that takes back a prepayment, a prepayment larger than the invoice):
     * 1190.40 - 1500.00 + 0 = -309.60 due, and 1190.40 - (-100.00) = 1290.40 due; both validate
     * and round-trip; the reader reports nothing.
     */
    @Test
    void prepaidBeyondTotalAndNegative_validateAndRoundTrip() {
        EInvoice e = mapped(draft(InvoiceLine.of("Consulting", BigDecimal.ONE, UnitCode.HOUR,
                UnitPrice.of(EUR, "1000.34"), VAT19)));
        EInvoice over = e.withTotals(e.totals().withPrepaid(new BigDecimal("1500.00"), new BigDecimal("-309.60")));
        assertEquals("-309.60", Xml.value(everyProfile(over)[0], TOTAL + "/cbc:PayableAmount"));
        EInvoice negative = e.withTotals(e.totals().withPrepaid(new BigDecimal("-100.00"), new BigDecimal("1290.40")));
        assertEquals("-100.00", Xml.value(everyProfile(negative)[0], TOTAL + "/cbc:PrepaidAmount"));
        mutated(negative, t -> t.withPayable(new BigDecimal("1090.40")), "BR-CO-16");
    }

    /**
     * An amount declared as paid outside BillOps through {@code Invoices#prepaid}: 1500.00 on an
     * invoice of 1428.00 gives BT-113 1500.00 and BT-115 1428.00 - 1500.00 = -72.00 (BR-CO-16); both
     * documents validate on every profile and round-trip byte for byte.
     */
    @Test
    void declaredPrepaid_aboveAndBelowPayable_mapsToBt113AndBt115AndValidatesEverywhere() {
        dev.billops.core.TenantBilling t = dev.billops.core.Billing.builder()
                .stores(new dev.billops.core.memory.InMemoryBillingStore())
                .clock(java.time.Clock.fixed(java.time.Instant.parse("2026-12-20T10:00:00Z"), java.time.ZoneOffset.UTC))
                .build().tenant(dev.billops.core.id.TenantId.of("northwind"),
                        dev.billops.core.party.Actor.user("office@northwind.test"));
        t.profile().create(StoredTermsTest.seller());
        t.clients().create(StoredTermsTest.buyer());
        Invoice over = issueDeclaring(t, Money.of(EUR, "1500.00"));
        Invoice part = issueDeclaring(t, Money.of(EUR, "400.00"));
        dev.billops.core.party.Client bund = t.clients().get(ClientId.of("bund"));

        EInvoice e = EInvoiceMapper.map(t.profile().get(), bund, over);
        assertEquals(new BigDecimal("1500.00"), e.totals().prepaid());
        assertEquals(new BigDecimal("-72.00"), e.totals().payable());
        byte[][] docs = everyProfile(e);
        assertEquals("1500.00", Xml.value(docs[0], TOTAL + "/cbc:PrepaidAmount"));
        assertEquals("-72.00", Xml.value(docs[0], TOTAL + "/cbc:PayableAmount"));
        // the 72.00 beyond the first invoice is the client's credit, which the second one takes at
        // issue beside its own 400.00: BT-113 472.00, BT-115 1428.00 - 472.00 = 956.00
        assertEquals(Money.of(EUR, "472.00"), part.prepaid());
        EInvoice p = EInvoiceMapper.map(t.profile().get(), bund, part);
        assertEquals(new BigDecimal("956.00"), p.totals().payable());
        everyProfile(p);
    }

    private static Invoice issueDeclaring(dev.billops.core.TenantBilling t, Money prepaid) {
        Invoice draft = t.invoices().createDraft(ClientId.of("bund"));
        t.invoices().addLine(draft.id(), InvoiceLine.of("Architecture consulting", new BigDecimal("10"),
                UnitCode.HOUR, UnitPrice.of(EUR, "120.00"), TaxTreatment.standard(new BigDecimal("19"))));
        t.invoices().servicePeriod(draft.id(), LocalDateRange.ofMonth(YearMonth.of(2026, 11)));
        t.invoices().references(draft.id(), dev.billops.core.invoice.InvoiceReferences.none().withPurchaseOrder("PO-4711"));
        t.invoices().prepaid(draft.id(), prepaid);
        return t.invoices().issue(draft.id(), LocalDate.of(2026, 12, 1));
    }

    /** Validates on every profile, reads back without warnings, writes back identically; the UBL one first. */
    static byte[][] everyProfile(EInvoice e) {
        EInvoiceProfile[] profiles = {EInvoiceProfile.XRECHNUNG_UBL, EInvoiceProfile.EN16931_UBL,
                EInvoiceProfile.EN16931_CII, EInvoiceProfile.XRECHNUNG_CII, EInvoiceProfile.PEPPOL_BIS,
                EInvoiceProfile.FACTURX_EN16931};
        byte[][] out = new byte[profiles.length][];
        for (int i = 0; i < profiles.length; i++) {
            EInvoiceProfile p = profiles[i];
            byte[] doc = EInvoiceWriter.write(e, p);
            ValidationReport r = validator.validate(doc, p);
            assertTrue(r.isValid(), p + ": " + r.errors());
            ReadResult read = EInvoiceReader.standard().read(new ByteArrayInputStream(doc));
            assertEquals(List.of(), read.warnings(), p.toString());
            assertArrayEquals(doc, EInvoiceWriter.write(read.invoice(), p), p + " round trip");
            out[i] = doc;
        }
        return out;
    }

    static void mutated(EInvoice e, UnaryOperator<Totals> change, String rule) {
        EInvoice bad = e.withTotals(change.apply(e.totals()));
        for (EInvoiceProfile p : EInvoiceProfile.values()) {
            ValidationReport r = validator.validate(EInvoiceWriter.write(bad, p), p);
            assertFalse(r.isValid(), p + " accepted a changed total");
            assertTrue(r.errors().stream().anyMatch(f -> f.ruleId().equals(rule)), p + ": " + rule
                    + " did not fire; errors " + r.errors());
        }
    }

    static Invoice draft(InvoiceLine... lines) {
        return Invoice.draft(InvoiceId.of("inv-calc"), ClientId.of("acme"), EUR, InvoiceSource.MANUAL)
                .withLines(List.of(lines)).withServicePeriod(LocalDateRange.ofMonth(YearMonth.of(2026, 11)));
    }

    static EInvoice mapped(Invoice draft) {
        return mappedIssued(Issued.as(draft, "INV-CALC-1", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)));
    }

    /** The e-invoice of an issued invoice of a German seller to a French buyer, with XRechnung's terms. */
    static EInvoice mappedIssued(Invoice issued) {
        Tenant seller = Tenant.of(TenantId.of("northwind"), "Northwind Consulting GmbH",
                Address.of("Friedrichstraße 68", "10117", "Berlin", "DE")).withVatId("DE811907980")
                .withEmail("billing@northwind.test").withBankAccount("DE89370400440532013000", "COBADEFFXXX")
                .withDefaultVatRate(new BigDecimal("19"));
        Client buyer = Client.of(ClientId.of("acme"), "ACME S.A.", Address.of("12 rue de la Paix", "75002", "Paris",
                "FR"), EUR).withEmail("ap@acme.test");
        EInvoice e = EInvoiceMapper.map(seller, buyer, issued);
        return e.withBuyerReference("04011000-12345-03")
                .withSeller(e.seller().withContact(new Contact("Accounts", "+49 30 1234567", "billing@northwind.test"))
                        .withLegalRegistration(new Identifier("HRB 12345", null))
                        .withElectronicAddress(new ElectronicAddress("4000001123452", "0088")))
                .withBuyer(e.buyer().withElectronicAddress(new ElectronicAddress("FR61954506077", "9957")));
    }
}
