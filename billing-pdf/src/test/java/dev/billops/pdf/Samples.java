package dev.billops.pdf;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.AllowanceCharge;
import dev.billops.core.invoice.DocumentTerms;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.PrepaymentDeduction;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.DeliverTo;
import dev.billops.core.party.Payee;
import dev.billops.core.party.TaxProfile;
import dev.billops.core.party.Tenant;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.LocalDateRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.money.CurrencyUnit;

/** Sellers, buyers and issued invoices that look like real ones, for tests and sample PDFs. */
final class Samples {

    static final LocalDate ISSUED = LocalDate.of(2026, 2, 3);
    static final LocalDate DUE = LocalDate.of(2026, 3, 5);
    static final LocalDateRange JANUARY = LocalDateRange.ofMonth(YearMonth.of(2026, 1));

    private Samples() {
    }

    static Tenant germanSeller() {
        return Tenant.of(TenantId.of("nordlicht"), "Nordlicht Consulting GmbH",
                new Address(List.of("Friedrichstraße 123", "Aufgang B"), "10117", "Berlin", "DE"))
                .withVatId("DE123456789")
                .withEmail("rechnung@nordlicht.example")
                .withBankAccount("DE89 3704 0044 0532 0130 00", "COBADEFFXXX")
                .withDefaultVatRate(new BigDecimal("19"));
    }

    static Tenant frenchSeller() {
        return Tenant.of(TenantId.of("atelier"), "Atelier Numérique SARL",
                new Address(List.of("12 rue de la Paix"), "75002", "Paris", "FR"))
                .withVatId("FR40303265045")
                .withEmail("facturation@atelier.example")
                .withBankAccount("FR14 2004 1010 0505 0001 3M02 606", "PSSTFRPPPAR")
                .withDefaultVatRate(new BigDecimal("20"));
    }

    static Tenant britishSeller() {
        return Tenant.of(TenantId.of("thames"), "Thames Digital Ltd",
                new Address(List.of("221 Baker Street"), "NW1 6XE", "London", "GB"))
                .withVatId("GB123456789")
                .withEmail("accounts@thames.example")
                .withBankAccount("GB82 WEST 1234 5698 7654 32", "WESTGB2L")
                .withDefaultVatRate(new BigDecimal("20"));
    }

    static Tenant americanSeller() {
        return Tenant.of(TenantId.of("bluebird"), "Bluebird Analytics LLC",
                new Address(List.of("500 Market Street", "Suite 400"), "94105", "San Francisco", "US"))
                .withEmail("billing@bluebird.example");
    }

    static Tenant japaneseSeller() {
        return Tenant.of(TenantId.of("sakura"), "さくらシステム株式会社",
                new Address(List.of("千代田区丸の内1-1-1"), "100-0005", "東京都", "JP"))
                .withVatId("T1234567890123")
                .withEmail("seikyu@sakura.example")
                .withDefaultVatRate(new BigDecimal("10"));
    }

    static Client client(String id, String name, Address address, String currency, Locale locale) {
        return Client.of(ClientId.of(id), name, address, Currencies.of(currency))
                .withEmail("ap@" + id + ".example")
                .withLocale(locale);
    }

    static Client germanBuyer() {
        return client("mueller", "Müller & Söhne Maschinenbau AG",
                new Address(List.of("Königsallee 27"), "40212", "Düsseldorf", "DE"), "EUR", Locale.GERMANY);
    }

    static Client frenchBuyer() {
        return client("lumiere", "Société Lumière SAS", new Address(List.of("8 quai des Chartrons"), "33000",
                "Bordeaux", "FR"), "EUR", Locale.FRANCE);
    }

    static Client britishBuyer() {
        return client("harbour", "Harbour & Co. Ltd", new Address(List.of("1 Canada Square"), "E14 5AB", "London",
                "GB"), "GBP", Locale.UK);
    }

    static Client americanBuyer() {
        return client("acme", "Acme Corporation", new Address(List.of("1 Infinite Loop"), "95014", "Cupertino",
                "US"), "USD", Locale.US);
    }

    static Client japaneseBuyer() {
        return client("fuji", "富士商事株式会社", new Address(List.of("大阪市北区梅田2-4-9"), "530-0001", "大阪府",
                "JP"), "JPY", Locale.JAPAN);
    }

    static Client russianBuyer() {
        return client("romashka", "ООО «Ромашка»", new Address(List.of("ул. Тверская, д. 7"), "125009", "Москва",
                "DE"), "EUR", Locale.UK);
    }

    /** A reverse-charge buyer in France of a German seller. */
    static Client reverseChargeBuyer() {
        return frenchBuyer().withVatId("FR40303265045").withTaxProfile(TaxProfile.REVERSE_CHARGE)
                .withLocale(Locale.UK);
    }

    static InvoiceLine hours(int position, String description, String quantity, CurrencyUnit currency,
            String price, TaxTreatment tax) {
        return InvoiceLine.of(description, new BigDecimal(quantity), UnitCode.HOUR, UnitPrice.of(currency, price), tax);
    }

    static TaxTreatment vat(String rate) {
        return TaxTreatment.standard(new BigDecimal(rate));
    }

    /** Issued on {@link #ISSUED}, due {@link #DUE}, January 2026, with a PO reference. */
    static Invoice issue(Client buyer, String number, List<InvoiceLine> lines) {
        return issue(buyer, number, lines, "");
    }

    static Invoice issue(Client buyer, String number, List<InvoiceLine> lines, String notes) {
        return Transitions.issuedAs(Invoice.draft(InvoiceId.of("inv-" + number), buyer.id(), buyer.currency(),
                InvoiceSource.TIME_ENTRIES)
                .withLines(lines)
                .withServicePeriod(JANUARY)
                .withPurchaseOrderRef("PO-4711")
                .withNotes(notes), number, ISSUED, DUE);
    }

    /** German invoice: 19 % and 7 % lines, a line discount, periods; EUR. */
    static InvoiceDocument german() {
        Client buyer = germanBuyer();
        CurrencyUnit eur = buyer.currency();
        List<InvoiceLine> lines = List.of(
                hours(1, "Architekturberatung Förderanlagensteuerung", "42.5", eur, "145.00", vat("19"))
                        .withPeriod(JANUARY),
                hours(2, "Workshop „Größenänderung & Maßstäbe“ (Vor-Ort, 2 Tage)", "16", eur, "120.00", vat("19"))
                        .withPeriod(LocalDateRange.ofClosed(LocalDate.of(2026, 1, 14), LocalDate.of(2026, 1, 15)))
                        .withAllowancesCharges(List.of(AllowanceCharge.allowancePercent(new BigDecimal("5"),
                                Money.of(eur, "1920.00"), "Rahmenvertrag"))),
                InvoiceLine.of("Fachbuch „Steuerungstechnik in der Praxis“", new BigDecimal("2"), UnitCode.PIECE,
                        UnitPrice.of(eur, "49.90"), vat("7")));
        return InvoiceDocument.of(germanSeller(), buyer, issue(buyer, "RE-2026-0042", lines));
    }

    static InvoiceDocument french() {
        Client buyer = frenchBuyer();
        CurrencyUnit eur = buyer.currency();
        List<InvoiceLine> lines = List.of(
                hours(1, "Conception de l'interface « Espace client »", "37.25", eur, "95.00", vat("20")),
                hours(2, "Intégration et recette", "12", eur, "1250.00", vat("20")));
        Invoice invoice = issue(buyer, "FA-2026-017", lines);
        return InvoiceDocument.of(frenchSeller(), buyer,
                Transitions.withSettlement(invoice, Money.of(eur, "5000.00"), Money.zero(eur)));
    }

    static InvoiceDocument british() {
        Client buyer = britishBuyer();
        CurrencyUnit gbp = buyer.currency();
        List<InvoiceLine> lines = List.of(
                hours(1, "Data platform discovery", "24", gbp, "135.00", vat("20")),
                new InvoiceLine(2, "Cloud hosting (monthly)", BigDecimal.ONE, UnitCode.MONTH,
                        UnitPrice.of(gbp, "480.00"), BigDecimal.ONE, List.of(), vat("20"), JANUARY, List.of(), null,
                        null, null, null));
        return InvoiceDocument.of(britishSeller(), buyer, issue(buyer, "TD-1007", lines));
    }

    static InvoiceDocument american() {
        Client buyer = americanBuyer();
        CurrencyUnit usd = buyer.currency();
        List<InvoiceLine> lines = List.of(
                hours(1, "Analytics retainer – January", "60", usd, "175.00", TaxTreatment.outOfScope(
                        "Services not subject to sales tax")),
                hours(2, "Dashboard design sprint", "18.75", usd, "210.00", TaxTreatment.outOfScope(
                        "Services not subject to sales tax")));
        return InvoiceDocument.of(americanSeller(), buyer, issue(buyer, "BA-2026-0108", lines));
    }

    static InvoiceDocument japanese() {
        Client buyer = japaneseBuyer();
        CurrencyUnit jpy = buyer.currency();
        List<InvoiceLine> lines = List.of(
                hours(1, "システム設計コンサルティング（要件定義）", "32", jpy, "15000", vat("10")),
                InvoiceLine.of("会議用お弁当（軽減税率対象）", new BigDecimal("12"), UnitCode.PIECE, UnitPrice.of(jpy, "1080"),
                        vat("8")));
        return InvoiceDocument.of(japaneseSeller(), buyer, issue(buyer, "SK-2026-0005", lines));
    }

    /** Japanese and Cyrillic text on one invoice, rendered in English. */
    static InvoiceDocument mixedScripts() {
        Client buyer = russianBuyer();
        CurrencyUnit eur = buyer.currency();
        List<InvoiceLine> lines = List.of(
                hours(1, "Перевод технической документации (русский → немецкий)", "20", eur, "65.00", vat("19")),
                hours(2, "日本語マニュアルの校正 – Korrektur der japanischen Anleitung", "8", eur, "80.00", vat("19")));
        return InvoiceDocument.of(germanSeller(), buyer, issue(buyer, "RE-2026-0043", lines,
                "Спасибо за сотрудничество! ありがとうございます。"));
    }

    static InvoiceDocument reverseCharge() {
        Client buyer = reverseChargeBuyer();
        CurrencyUnit eur = buyer.currency();
        List<InvoiceLine> lines = List.of(
                hours(1, "Software architecture review", "30", eur, "150.00", TaxTreatment.reverseCharge()));
        return InvoiceDocument.of(germanSeller(), buyer, issue(buyer, "RE-2026-0044", lines));
    }

    static InvoiceDocument creditNote() {
        Client buyer = germanBuyer();
        CurrencyUnit eur = buyer.currency();
        List<InvoiceLine> lines = List.of(
                hours(1, "Gutschrift: doppelt berechnete Workshopstunden", "4", eur, "120.00", vat("19")));
        Invoice note = Transitions.issuedAs(Invoice.draft(InvoiceId.of("cn-0003"), buyer.id(), eur,
                InvoiceSource.CREDIT)
                .withLines(lines)
                .asCreditNoteOf(InvoiceId.of("inv-RE-2026-0042")), "GS-2026-0003", LocalDate.of(2026, 2, 10),
                LocalDate.of(2026, 2, 10));
        return InvoiceDocument.creditNote(germanSeller(), buyer, note, "RE-2026-0042");
    }

    static InvoiceDocument paid() {
        InvoiceDocument doc = british();
        Invoice invoice = doc.invoice();
        return new InvoiceDocument(doc.seller(), doc.buyer(),
                Transitions.withSettlement(invoice, invoice.totals().payable(), Money.zero(invoice.currency())), null);
    }

    static InvoiceDocument voided() {
        InvoiceDocument doc = german();
        return new InvoiceDocument(doc.seller(), doc.buyer(),
                Transitions.withStatus(doc.invoice(), dev.billops.core.invoice.InvoiceStatus.VOID), null);
    }

    /**
     * The German sample as a corrected invoice with every document term (BG-1, BG-3, BG-10,
     * BG-13, BG-19, BT-7), the seller's creditor id, the buyer's debited account and 1,000.00 EUR
     * paid in advance (BT-113).
     */
    static InvoiceDocument everyTerm() {
        InvoiceDocument base = german();
        LocalDate jan28 = LocalDate.of(2026, 1, 28);
        DocumentTerms terms = DocumentTerms.none()
                .withPrecedingInvoice(new DocumentTerms.PrecedingInvoice("RE-2026-0042", LocalDate.of(2026, 1, 15)))
                .withTaxPointDate(jan28)
                .withNote("AAI", "Goods remain our property until paid in full.")
                .withNote("REG", "Registered at Amtsgericht Charlottenburg, HRB 123456 B; managing director "
                        + "Dr. Anna Nordlicht; share capital EUR 25,000.")
                .withDelivery(DeliverTo.party("Müller & Söhne Werk Nord").withLocation("4012345000009", "0088")
                        .withAddress(new Address(List.of("Hafenstraße 5"), "47119", "Duisburg", "DE")), jan28)
                .withPayee(Payee.of("Nordfactor Bank AG").withIdentifier("NF-4711", null))
                .withDirectDebit(DocumentTerms.DirectDebit.sepa("MANDAT-2026-17"));
        Invoice draft = Transitions.withType(Invoice.draft(InvoiceId.of("inv-RE-2026-0077"), base.buyer().id(),
                base.invoice().currency(), InvoiceSource.MANUAL)
                .withLines(base.invoice().lines())
                .withServicePeriod(JANUARY)
                .withPurchaseOrderRef("PO-4711")
                .withTerms(terms), DocumentType.CORRECTED);
        Money advance = Money.of("EUR", "1000.00");
        Invoice issued = Transitions.withSettlement(Transitions.withPrepaid(
                Transitions.issuedAs(draft, "RE-2026-0077", ISSUED, DUE), advance), advance, Money.of("EUR", "0.00"));
        Tenant seller = base.seller().withDetails(base.seller().details().withCreditorId("DE98ZZZ09999999999"));
        Client buyer = base.buyer().withDetails(base.buyer().details().withDebitedAccount("DE02120300000000202051"));
        return InvoiceDocument.of(seller, buyer, issued);
    }

    /**
     * The German sample as the final invoice of work billed in advance: it deducts two paid
     * prepayment invoices (3,000.00 and 1,000.00 EUR), 500.00 EUR was declared paid in cash, and
     * 2,000.00 EUR was paid since its issue.
     */
    static InvoiceDocument finalInvoice() {
        InvoiceDocument base = german();
        Invoice draft = Transitions.withPrepayments(Invoice.draft(InvoiceId.of("inv-RE-2026-0080"),
                base.buyer().id(), base.invoice().currency(), InvoiceSource.MANUAL)
                .withLines(base.invoice().lines())
                .withServicePeriod(JANUARY), List.of(
                        new PrepaymentDeduction(InvoiceId.of("adv-1"), "AR-2026-0005", LocalDate.of(2026, 1, 5),
                                Money.of("EUR", "3000.00")),
                        new PrepaymentDeduction(InvoiceId.of("adv-2"), "AR-2026-0009", LocalDate.of(2026, 1, 19),
                                Money.of("EUR", "1000.00"))));
        Invoice issued = Transitions.withSettlement(Transitions.withPrepaid(
                Transitions.issuedAs(draft, "RE-2026-0080", ISSUED, DUE), Money.of("EUR", "4500.00")),
                Money.of("EUR", "2500.00"), Money.of("EUR", "0.00"));
        return InvoiceDocument.of(base.seller(), base.buyer(), issued);
    }

    /** {@code count} lines, every tenth with a long description that wraps. */
    static InvoiceDocument longInvoice(int count) {
        Client buyer = germanBuyer().withLocale(Locale.UK);
        CurrencyUnit eur = buyer.currency();
        List<InvoiceLine> lines = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String description = i % 10 == 0
                    ? "Line " + i + ": on-call support incident review including root-cause analysis, "
                            + "remediation plan, stakeholder communication and a written post-mortem report "
                            + "for the operations team"
                    : "Line " + i + ": development work";
            LocalDate day = LocalDate.of(2026, 1, 1).plusDays(i % 31);
            lines.add(hours(i, description, (i % 8 + 1) + ".25", eur, "98.50", vat("19"))
                    .withPeriod(LocalDateRange.ofDay(day)));
        }
        return InvoiceDocument.of(germanSeller(), buyer, issue(buyer, "RE-2026-1000", lines));
    }
}
