package dev.billops.einvoice;

import dev.billops.core.bank.CreditorReference;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.invoice.DocumentTerms;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.LineDetails;
import dev.billops.core.invoice.InvoiceReferences;
import dev.billops.core.invoice.PrepaymentDeduction;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.DeliverTo;
import dev.billops.core.party.PartyDetails;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.TaxRepresentative;
import dev.billops.core.tax.PriceBasis;
import dev.billops.core.tax.TaxSubtotal;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.LocalDateRange;
import dev.billops.einvoice.model.AllowanceCharge;
import dev.billops.einvoice.model.Attachment;
import dev.billops.einvoice.model.Contact;
import dev.billops.einvoice.model.CreditTransfer;
import dev.billops.einvoice.model.DirectDebit;
import dev.billops.einvoice.model.Delivery;
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
import dev.billops.einvoice.model.Totals;
import dev.billops.einvoice.model.VatBreakdown;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds the EN 16931 model of an issued BillOps invoice or credit note from the invoice, its
 * tenant (the seller) and its client (the buyer).
 *
 * <p>What BillOps stores is mapped as it is: numbers, dates, the service period (BG-14, its end
 * made inclusive), lines with their unit codes, prices, base quantities and allowances, the
 * document-level allowances and charges, the VAT breakdown with exemption reasons and VATEX codes
 * (BT-120/121), the totals including a cash-rounding amount (BT-114) and the amount paid at issue
 * (BT-113, fixed into the invoice when it was issued, never the live balance), the invoice's
 * references (BT-10 to BT-14, BT-19) and payment terms text (BT-20), notes, and the credited
 * invoice of a credit note (BG-3). Seller and buyer carry their stored
 * {@linkplain PartyDetails details}: trading name, identifier, legal and tax registration, legal
 * information, electronic address, contact and country subdivision. Without a stored electronic
 * address a party's e-mail becomes it (EAS scheme {@code EM}); without a stored contact e-mail the
 * seller's e-mail is its contact e-mail; without a buyer reference on the invoice the client's
 * default is used. The tenant's IBAN and BIC become a credit transfer (code 58, SEPA, in euros; 30
 * otherwise) whose remittance information (BT-83) is the invoice's ISO 11649 RF creditor reference
 * ({@link CreditorReference#forInvoiceNumber}, as on the PDF). An intra-community supply (K) is
 * delivered to the client's address (BG-15; its country is BT-80, which BR-IC-12 requires). The
 * document's {@link DocumentTerms} are mapped too: document type (BT-3), VAT point (BT-7/BT-8),
 * coded notes (BG-1), preceding invoice (BG-3), delivery (BG-13), payee (BG-10, else the
 * tenant's), card (BG-18) or direct debit (BG-19, with the tenant's creditor id BT-90 and the
 * client's debited account BT-91) in place of the credit transfer; the tenant's tax representative
 * is BG-11. Attachments are added by the host with the model's withers.
 *
 * <p>Amounts are written with the currency's decimals; EN 16931 allows at most two, so an amount
 * of a three-decimal currency (BHD, KWD, …) that needs the third is refused with
 * {@link AmountNotRepresentableException}. Stateless and thread-safe.
 */
public final class EInvoiceMapper {

    private EInvoiceMapper() {
    }

    /**
     * The model of an issued invoice (or of a credit note, without its credited invoice's number).
     *
     * @throws InvalidInputException if the invoice is a draft or bills another client
     * @throws AmountNotRepresentableException if an amount needs more than two decimals
     */
    public static EInvoice map(Tenant seller, Client buyer, Invoice invoice) {
        return build(seller, buyer, invoice, null);
    }

    /**
     * The model of an issued credit note that refers to the invoice it credits (BG-3).
     *
     * @throws InvalidInputException if either is a draft, {@code creditNote} is not a credit note of
     *     {@code credited}, or it bills another client
     */
    public static EInvoice creditNote(Tenant seller, Client buyer, Invoice creditNote, Invoice credited) {
        Objects.requireNonNull(credited, "credited");
        if (creditNote.type() != DocumentType.CREDIT_NOTE || !credited.id().equals(creditNote.creditedInvoiceId())) {
            throw new InvalidInputException("document " + label(creditNote) + " is not a credit note of invoice "
                    + label(credited));
        }
        if (credited.number() == null) {
            throw new InvalidInputException("credited invoice " + label(credited) + " is a draft");
        }
        return build(seller, buyer, creditNote, credited);
    }

    /** {@code invoice} with its own PDF attached (BG-24), e.g. billing-pdf's rendering of it. */
    public static EInvoice withPdf(EInvoice invoice, byte[] pdf) {
        List<Attachment> attachments = new ArrayList<>(invoice.attachments());
        attachments.add(Attachment.embedded(invoice.number(), "Invoice " + invoice.number() + " as PDF", pdf,
                "application/pdf", invoice.number() + ".pdf"));
        return invoice.withAttachments(attachments);
    }

    private static EInvoice build(Tenant tenant, Client client, Invoice inv, @Nullable Invoice credited) {
        Objects.requireNonNull(tenant, "seller");
        Objects.requireNonNull(client, "buyer");
        Objects.requireNonNull(inv, "invoice");
        if (inv.number() == null || inv.issueDate() == null) {
            throw new InvalidInputException("invoice " + label(inv) + " is a draft; only issued invoices become "
                    + "e-invoices");
        }
        if (!client.id().equals(inv.clientId())) {
            throw new InvalidInputException("invoice " + inv.number() + " bills client " + inv.clientId()
                    + ", not " + client.id());
        }
        String number = inv.number();
        PartyDetails sd = tenant.details();
        Party seller = new Party(tenant.name(), sd.tradingName(), identifiers(sd), legalRegistration(sd),
                tenant.vatId(), sd.taxRegistrationId(), sd.legalInfo(), electronicAddress(sd, tenant.email()),
                address(tenant.address(), sd), contact(sd, tenant.email()));
        PartyDetails bd = client.details();
        Party buyer = new Party(client.name(), bd.tradingName(), identifiers(bd), legalRegistration(bd),
                client.vatId(), null, null, electronicAddress(bd, client.email()), address(client.address(), bd),
                contact(bd, null));
        InvoiceReferences refs = inv.references();
        String buyerReference = refs.buyerReference() != null ? refs.buyerReference() : bd.buyerReference();
        PaymentInstructions payment = null;
        if (tenant.iban() != null) {
            String code = inv.currency().getCurrencyCode().equals("EUR") ? PaymentInstructions.SEPA_CREDIT_TRANSFER
                    : PaymentInstructions.CREDIT_TRANSFER;
            // BT-83: the RF creditor reference the PDF prints and the bank statement import matches
            payment = PaymentInstructions.creditTransfer(code,
                    new CreditTransfer(tenant.iban().replace(" ", ""), tenant.name(), tenant.bic()),
                    CreditorReference.forInvoiceNumber(number).value());
        }
        List<Note> notes = inv.notes().isBlank() ? List.of() : List.of(Note.of(inv.notes()));
        List<DocumentReference> preceding = new ArrayList<>();
        if (credited != null) {
            preceding.add(new DocumentReference(Objects.requireNonNull(credited.number()), credited.issueDate()));
        }
        // a final invoice refers to the prepayment invoices it deducts (BG-3); their amounts are in BT-113
        for (PrepaymentDeduction d : inv.prepayments()) {
            preceding.add(new DocumentReference(d.number(), d.issueDate()));
        }
        List<AllowanceCharge> docAcs = new ArrayList<>();
        boolean anyAllowance = false;
        boolean anyCharge = false;
        for (dev.billops.core.invoice.AllowanceCharge ac : inv.adjustments()) {
            TaxTreatment tax = Objects.requireNonNull(ac.tax());
            docAcs.add(allowanceCharge(ac, tax.category().code(), tax.ratePercent()));
            anyAllowance |= !ac.charge();
            anyCharge |= ac.charge();
        }
        List<VatBreakdown> breakdown = new ArrayList<>();
        Delivery delivery = null;
        for (TaxSubtotal s : inv.taxBreakdown()) {
            if (s.category() == dev.billops.core.tax.TaxCategory.K) {
                // BR-IC-12: an intra-community supply names the deliver-to country; BillOps delivers
                // to the client's address, as its tax rules assume (XRechnung's BR-DE-10/11 want all of it)
                delivery = new Delivery(null, null, null, address(client.address(), client.details()));
            }
            breakdown.add(new VatBreakdown(amount(s.taxableAmount()), amount(s.taxAmount()), s.category().code(),
                    // O has no rate; 0 is written because XRechnung requires BT-119 (BR-DE-14)
                    s.category() == dev.billops.core.tax.TaxCategory.O ? BigDecimal.ZERO : rate(s.ratePercent()),
                    s.exemptionReason(), s.exemptionReasonCode()));
        }
        dev.billops.core.tax.Totals t = inv.totals();
        // BT-113 is what was paid when the document was issued, never the live balance (BR-CO-16:
        // BT-115 = BT-112 - BT-113 + BT-114)
        Money prepaid = inv.prepaid();
        Totals totals = new Totals(amount(t.lineNetTotal()), anyAllowance ? amount(t.allowanceTotal()) : null,
                anyCharge ? amount(t.chargeTotal()) : null, amount(t.taxExclusive()), amount(t.taxTotal()),
                amount(t.taxInclusive()), prepaid.isZero() ? null : amount(prepaid),
                t.roundingAmount().isZero() ? null : amount(t.roundingAmount()), amount(t.payable().minus(prepaid)));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < inv.lines().size(); i++) {
            lines.add(line(inv.lines().get(i), inv.lineNets().get(i), inv.priceBasis()));
        }
        return withDocumentTerms(new EInvoice(null, null, number, inv.issueDate(), inv.type().code(),
                inv.currency().getCurrencyCode(), null, null, inv.dueDate(), buyerReference, refs.project(),
                refs.contract(), refs.purchaseOrder(), refs.salesOrder(), refs.buyerAccounting(), refs.paymentTerms(),
                notes, preceding, seller, buyer, null, null, delivery, period(inv.servicePeriod()), payment, docAcs,
                totals, breakdown, List.of(), lines), tenant, client, inv.terms());
    }

    /**
     * {@code e} with the document's {@link DocumentTerms} and the seller's and buyer's settings they
     * draw on: VAT point (BT-7/BT-8), coded notes after the plain one, the preceding invoice (BG-3),
     * the payee (the document's, else the tenant's), the tenant's tax representative (BG-11),
     * delivery (BG-13; an intra-community supply keeps the client's address when the terms name
     * none) and card or direct debit (BG-18/BG-19) in place of the credit transfer, with the tenant's
     * creditor id (BT-90) and the client's debited account (BT-91).
     */
    private static EInvoice withDocumentTerms(EInvoice e, Tenant tenant, Client client, DocumentTerms t) {
        List<Note> notes = new ArrayList<>(e.notes());
        for (DocumentTerms.Note n : t.notes()) {
            notes.add(new Note(n.subjectCode(), n.text()));
        }
        List<DocumentReference> preceding = new ArrayList<>(e.precedingInvoices());
        if (t.precedingInvoice() != null) {
            preceding.add(new DocumentReference(t.precedingInvoice().number(), t.precedingInvoice().issueDate()));
        }
        dev.billops.core.party.Payee payee = t.payee() != null ? t.payee() : tenant.details().payee();
        TaxRepresentative rep = tenant.details().taxRepresentative();
        return e.withTaxPoint(t.taxPointDate(), t.taxPointCode())
                .withNotes(notes)
                .withPrecedingInvoices(preceding)
                .withPayee(payee == null ? null : new Payee(payee.name(),
                        payee.identifier() == null ? null : new Identifier(payee.identifier(), payee.identifierScheme()),
                        payee.legalRegistrationId() == null ? null
                                : new Identifier(payee.legalRegistrationId(), payee.legalRegistrationScheme())))
                .withTaxRepresentative(rep == null ? null : new dev.billops.einvoice.model.TaxRepresentative(rep.name(),
                        rep.vatId(), address(rep.address(), PartyDetails.none())))
                .withDelivery(delivery(e.delivery(), t))
                .withPayment(payment(e.payment(), tenant, client, t));
    }

    private static @Nullable Delivery delivery(@Nullable Delivery mapped, DocumentTerms t) {
        DeliverTo to = t.deliverTo();
        if (to == null && t.deliveryDate() == null) {
            return mapped;
        }
        PostalAddress address = to != null && to.address() != null ? address(to.address(), PartyDetails.none())
                : mapped == null ? null : mapped.address();
        return new Delivery(to == null ? null : to.partyName(),
                to == null || to.locationId() == null ? null : new Identifier(to.locationId(), to.locationScheme()),
                t.deliveryDate(), address);
    }

    private static @Nullable PaymentInstructions payment(@Nullable PaymentInstructions transfer, Tenant tenant,
            Client client, DocumentTerms t) {
        String remittance = transfer == null ? null : transfer.remittanceInformation();
        if (t.card() != null) {
            DocumentTerms.Card c = t.card();
            return new PaymentInstructions(c.meansCode(), null, remittance, List.of(),
                    new PaymentCard(c.lastDigits(), c.holder(), null), null);
        }
        if (t.directDebit() != null) {
            DocumentTerms.DirectDebit d = t.directDebit();
            return new PaymentInstructions(d.meansCode(), null, remittance, List.of(), null,
                    new DirectDebit(d.mandate(), tenant.details().creditorId(), client.details().debitedAccount()));
        }
        return transfer;
    }

    private static Line line(InvoiceLine l, Money net, PriceBasis basis) {
        BigDecimal price = l.price().amount();
        BigDecimal baseQty = l.baseQuantity().compareTo(BigDecimal.ONE) == 0 ? null : l.baseQuantity();
        if (basis == PriceBasis.GROSS) {
            // EN 16931 prices are net: the net price that gives the line's net amount (PEPPOL-EN16931-R120 allows 0.02)
            BigDecimal raw = net.amount();
            for (dev.billops.core.invoice.AllowanceCharge ac : l.allowancesCharges()) {
                raw = raw.subtract(ac.signedAmount().amount());
            }
            price = l.quantity().signum() == 0 ? BigDecimal.ZERO
                    : raw.multiply(l.baseQuantity()).divide(l.quantity(), 6, RoundingMode.HALF_UP).stripTrailingZeros();
            if (price.scale() < 0) {
                price = price.setScale(0);
            }
        }
        List<AllowanceCharge> acs = new ArrayList<>();
        for (dev.billops.core.invoice.AllowanceCharge ac : l.allowancesCharges()) {
            acs.add(allowanceCharge(ac, null, null));
        }
        TaxTreatment tax = l.tax();
        LineDetails d = l.details();
        BigDecimal gross = null;
        BigDecimal discount = null;
        UnitPrice before = d.priceBeforeDiscount();
        if (before != null) {
            // BT-148 in the document's net terms; the discount is exactly gross - net (PEPPOL-EN16931-R046)
            if (basis == PriceBasis.GROSS && l.price().amount().signum() != 0) {
                // the tax-inclusive price before discount, scaled to the net price written above
                gross = price.multiply(before.amount()).divide(l.price().amount(), 6, RoundingMode.HALF_UP)
                        .stripTrailingZeros();
                if (gross.scale() < 0) {
                    gross = gross.setScale(0);
                }
            } else {
                gross = before.amount();
            }
            discount = gross.subtract(price);
        }
        List<ItemClassification> classes = new ArrayList<>();
        for (LineDetails.Classification c : d.classifications()) {
            classes.add(new ItemClassification(c.code(), c.listId(), c.listVersion()));
        }
        List<ItemAttribute> attributes = new ArrayList<>();
        for (LineDetails.Attribute a : d.attributes()) {
            attributes.add(new ItemAttribute(a.name(), a.value()));
        }
        return new Line(Integer.toString(l.position()), d.note(),
                d.objectId() == null ? null : new Identifier(d.objectId(), d.objectIdScheme()), l.quantity(),
                l.unit().code(), amount(net), d.orderLineReference(), d.accountingReference(), period(l.period()), acs,
                price, discount, gross, baseQty, baseQty == null ? null : l.unit().code(), tax.category().code(),
                rate(tax.ratePercent()), l.description(), null, d.sellerItemId(), d.buyerItemId(),
                d.standardItemId() == null ? null : new Identifier(d.standardItemId(), d.standardItemScheme()),
                classes, d.originCountry(), attributes);
    }

    private static AllowanceCharge allowanceCharge(dev.billops.core.invoice.AllowanceCharge ac,
            @Nullable String category, @Nullable BigDecimal rate) {
        boolean blank = ac.reason().isBlank();
        // a reason or a reason code is required (BR-33/BR-38/BR-42/BR-44): without either, 95 discount
        // (UNTDID 5189) or ZZZ mutually defined (7161)
        String code = ac.reasonCode() != null ? ac.reasonCode() : blank ? (ac.charge() ? "ZZZ" : "95") : null;
        return new AllowanceCharge(ac.charge(), amount(ac.amount()),
                ac.baseAmount() == null ? null : amount(ac.baseAmount()), ac.percent(), blank ? null : ac.reason(), code,
                category, category == null ? null : rate(rate));
    }

    private static @Nullable BigDecimal rate(@Nullable BigDecimal rate) {
        return rate;
    }

    private static @Nullable Period period(@Nullable LocalDateRange range) {
        return range == null || range.isEmpty() ? null : new Period(range.startInclusive(), range.lastDay());
    }

    private static PostalAddress address(Address a, PartyDetails d) {
        List<String> lines = a.lines();
        return new PostalAddress(lines.isEmpty() ? null : lines.get(0), lines.size() > 1 ? lines.get(1) : null,
                lines.size() > 2 ? lines.get(2) : null, a.city().isBlank() ? null : a.city(),
                a.postalCode().isBlank() ? null : a.postalCode(), d.countrySubdivision(), a.countryCode());
    }

    private static List<Identifier> identifiers(PartyDetails d) {
        return d.identifier() == null ? List.of() : List.of(new Identifier(d.identifier(), d.identifierScheme()));
    }

    private static @Nullable Identifier legalRegistration(PartyDetails d) {
        return d.legalRegistrationId() == null ? null
                : new Identifier(d.legalRegistrationId(), d.legalRegistrationScheme());
    }

    /** The stored electronic address, else the e-mail address (EAS {@code EM}), else none. */
    private static @Nullable ElectronicAddress electronicAddress(PartyDetails d, @Nullable String email) {
        if (d.electronicAddress() != null && d.electronicAddressScheme() != null) {
            return new ElectronicAddress(d.electronicAddress(), d.electronicAddressScheme());
        }
        return email == null ? null : ElectronicAddress.email(email);
    }

    /** The stored contact; a seller without a contact e-mail gets its invoice e-mail there. */
    private static @Nullable Contact contact(PartyDetails d, @Nullable String fallbackEmail) {
        String email = d.contactEmail() != null ? d.contactEmail() : fallbackEmail;
        if (d.contactName() == null && d.contactPhone() == null && email == null) {
            return null;
        }
        return new Contact(d.contactName(), d.contactPhone(), email);
    }

    /** The amount with at most two decimals, as EN 16931 requires; exact or refused. */
    static BigDecimal amount(Money money) {
        BigDecimal a = money.amount();
        if (a.scale() <= 2) {
            return a;
        }
        try {
            return a.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new AmountNotRepresentableException("amount " + money + " needs " + a.scale() + " decimals; EN 16931 "
                    + "allows at most 2 (BR-DEC rules)");
        }
    }

    private static String label(Invoice invoice) {
        return invoice.number() != null ? invoice.number() : invoice.id().value();
    }
}
