package dev.billops.einvoice.internal;

import dev.billops.einvoice.EInvoiceProfile;
import dev.billops.einvoice.model.AllowanceCharge;
import dev.billops.einvoice.model.Attachment;
import dev.billops.einvoice.model.Contact;
import dev.billops.einvoice.model.CreditTransfer;
import dev.billops.einvoice.model.Delivery;
import dev.billops.einvoice.model.DirectDebit;
import dev.billops.einvoice.model.DocumentReference;
import dev.billops.einvoice.model.EInvoice;
import dev.billops.einvoice.model.Identifier;
import dev.billops.einvoice.model.ItemAttribute;
import dev.billops.einvoice.model.ItemClassification;
import dev.billops.einvoice.model.Line;
import dev.billops.einvoice.model.Note;
import dev.billops.einvoice.model.Party;
import dev.billops.einvoice.model.PaymentCard;
import dev.billops.einvoice.model.PaymentInstructions;
import dev.billops.einvoice.model.Period;
import dev.billops.einvoice.model.PostalAddress;
import dev.billops.einvoice.model.TaxRepresentative;
import dev.billops.einvoice.model.Totals;
import dev.billops.einvoice.model.VatBreakdown;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the model as an OASIS UBL 2.1 {@code Invoice} or {@code CreditNote}, in the element
 * order of the UBL schemas and with the EN 16931 UBL binding (the same for the EN 16931,
 * XRechnung and Peppol profiles; only BT-23/BT-24 differ).
 */
public final class UblWriter {

    public static final String NS_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    public static final String NS_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    public static final String NS_CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    public static final String NS_CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    private final XmlOut x;
    private final EInvoice inv;
    private final boolean credit;
    private final String currency;

    private UblWriter(OutputStream out, EInvoice inv) {
        this.inv = inv;
        this.credit = inv.isCreditNote();
        this.currency = inv.currency();
        Map<String, String> ns = new LinkedHashMap<>();
        ns.put("", credit ? NS_CREDIT_NOTE : NS_INVOICE);
        ns.put("cac", NS_CAC);
        ns.put("cbc", NS_CBC);
        this.x = new XmlOut(out, ns);
    }

    /** Writes {@code invoice} for {@code profile} to {@code out}, which is left open. */
    public static void write(EInvoice invoice, EInvoiceProfile profile, OutputStream out) {
        new UblWriter(out, invoice).document(profile);
    }

    private void document(EInvoiceProfile profile) {
        x.root(credit ? "CreditNote" : "Invoice");
        x.leaf("cbc:CustomizationID", profile.specificationId());
        x.leaf("cbc:ProfileID", profile.processId());
        x.leaf("cbc:ID", inv.number());
        x.leaf("cbc:IssueDate", inv.issueDate());
        if (credit) {
            x.leaf("cbc:TaxPointDate", inv.taxPointDate());
            x.leaf("cbc:CreditNoteTypeCode", inv.typeCode());
            notes();
        } else {
            x.leaf("cbc:DueDate", inv.dueDate());
            x.leaf("cbc:InvoiceTypeCode", inv.typeCode());
            notes();
            x.leaf("cbc:TaxPointDate", inv.taxPointDate());
        }
        x.leaf("cbc:DocumentCurrencyCode", currency);
        x.leaf("cbc:AccountingCost", inv.buyerAccountingReference());
        x.leaf("cbc:BuyerReference", inv.buyerReference());
        if (inv.invoicingPeriod() != null || inv.taxPointDateCode() != null) {
            x.open("cac:InvoicePeriod");
            Period p = inv.invoicingPeriod();
            if (p != null) {
                x.leaf("cbc:StartDate", p.start());
                x.leaf("cbc:EndDate", p.endInclusive());
            }
            x.leaf("cbc:DescriptionCode", inv.taxPointDateCode());
            x.close();
        }
        if (inv.purchaseOrderReference() != null || inv.salesOrderReference() != null) {
            x.open("cac:OrderReference");
            // cbc:ID is mandatory in UBL; "NA" stands for a sales order without purchase order
            x.leaf("cbc:ID", inv.purchaseOrderReference() == null ? "NA" : inv.purchaseOrderReference());
            x.leaf("cbc:SalesOrderID", inv.salesOrderReference());
            x.close();
        }
        for (DocumentReference ref : inv.precedingInvoices()) {
            x.open("cac:BillingReference").open("cac:InvoiceDocumentReference");
            x.leaf("cbc:ID", ref.id());
            x.leaf("cbc:IssueDate", ref.issueDate());
            x.close().close();
        }
        if (inv.contractReference() != null) {
            x.open("cac:ContractDocumentReference").leaf("cbc:ID", inv.contractReference()).close();
        }
        for (Attachment a : inv.attachments()) {
            attachment(a);
        }
        if (inv.projectReference() != null) {
            if (credit) {
                // the CreditNote schema has no ProjectReference: EN 16931 binds BT-11 to a document reference of type 50
                x.open("cac:AdditionalDocumentReference").leaf("cbc:ID", inv.projectReference())
                        .leaf("cbc:DocumentTypeCode", "50").close();
            } else {
                x.open("cac:ProjectReference").leaf("cbc:ID", inv.projectReference()).close();
            }
        }
        x.open("cac:AccountingSupplierParty");
        party(inv.seller(), true);
        x.close();
        x.open("cac:AccountingCustomerParty");
        party(inv.buyer(), false);
        x.close();
        if (inv.payee() != null) {
            x.open("cac:PayeeParty");
            if (inv.payee().identifier() != null) {
                x.open("cac:PartyIdentification");
                id("cbc:ID", inv.payee().identifier());
                x.close();
            }
            if (inv.payment() != null && inv.payment().directDebit() != null
                    && inv.payment().directDebit().creditorId() != null) {
                // BT-90 goes to the payee when there is one, else to the seller
                x.open("cac:PartyIdentification");
                x.leaf("cbc:ID", inv.payment().directDebit().creditorId(), "schemeID", "SEPA");
                x.close();
            }
            x.open("cac:PartyName").leaf("cbc:Name", inv.payee().name()).close();
            if (inv.payee().legalRegistration() != null) {
                x.open("cac:PartyLegalEntity");
                id("cbc:CompanyID", inv.payee().legalRegistration());
                x.close();
            }
            x.close();
        }
        if (inv.taxRepresentative() != null) {
            TaxRepresentative r = inv.taxRepresentative();
            x.open("cac:TaxRepresentativeParty");
            x.open("cac:PartyName").leaf("cbc:Name", r.name()).close();
            address("cac:PostalAddress", r.address());
            x.open("cac:PartyTaxScheme").leaf("cbc:CompanyID", r.vatId());
            taxScheme("VAT");
            x.close();
            x.close();
        }
        if (inv.delivery() != null) {
            delivery(inv.delivery());
        }
        if (inv.payment() != null) {
            payment(inv.payment());
        }
        if (inv.paymentTerms() != null) {
            x.open("cac:PaymentTerms").leaf("cbc:Note", inv.paymentTerms()).close();
        }
        for (AllowanceCharge ac : inv.allowancesCharges()) {
            allowanceCharge(ac, true);
        }
        taxTotal();
        totals(inv.totals());
        for (Line line : inv.lines()) {
            line(line);
        }
        x.finish();
    }

    private void notes() {
        for (Note n : inv.notes()) {
            // EN 16931's UBL binding carries the subject code (BT-21) as a "#CODE#" prefix of the text
            x.leaf("cbc:Note", n.subjectCode() == null ? n.text() : "#" + n.subjectCode() + "#" + n.text());
        }
    }

    private void attachment(Attachment a) {
        x.open("cac:AdditionalDocumentReference");
        x.leaf("cbc:ID", a.id());
        x.leaf("cbc:DocumentDescription", a.description());
        byte[] content = a.content();
        if (content != null || a.externalUri() != null) {
            x.open("cac:Attachment");
            if (content != null) {
                x.open("cbc:EmbeddedDocumentBinaryObject").attr("mimeCode", a.mimeCode()).attr("filename", a.filename())
                        .text(Base64.getEncoder().encodeToString(content)).close();
            }
            if (a.externalUri() != null) {
                x.open("cac:ExternalReference").leaf("cbc:URI", a.externalUri()).close();
            }
            x.close();
        }
        x.close();
    }

    private void party(Party p, boolean seller) {
        x.open("cac:Party");
        if (p.electronicAddress() != null) {
            x.leaf("cbc:EndpointID", p.electronicAddress().value(), "schemeID", p.electronicAddress().scheme());
        }
        for (Identifier id : p.identifiers()) {
            x.open("cac:PartyIdentification");
            id("cbc:ID", id);
            x.close();
        }
        if (seller && inv.payment() != null && inv.payment().directDebit() != null
                && inv.payment().directDebit().creditorId() != null && inv.payee() == null) {
            x.open("cac:PartyIdentification");
            x.leaf("cbc:ID", inv.payment().directDebit().creditorId(), "schemeID", "SEPA");
            x.close();
        }
        if (p.tradingName() != null) {
            x.open("cac:PartyName").leaf("cbc:Name", p.tradingName()).close();
        }
        address("cac:PostalAddress", p.address());
        if (p.vatId() != null) {
            x.open("cac:PartyTaxScheme").leaf("cbc:CompanyID", p.vatId());
            taxScheme("VAT");
            x.close();
        }
        if (seller && p.taxRegistrationId() != null) {
            x.open("cac:PartyTaxScheme").leaf("cbc:CompanyID", p.taxRegistrationId());
            // any scheme but VAT marks BT-32; "FC" (fiscal code) is the usual one
            taxScheme("FC");
            x.close();
        }
        x.open("cac:PartyLegalEntity");
        x.leaf("cbc:RegistrationName", p.name());
        if (p.legalRegistration() != null) {
            id("cbc:CompanyID", p.legalRegistration());
        }
        if (seller) {
            x.leaf("cbc:CompanyLegalForm", p.legalInfo());
        }
        x.close();
        Contact c = p.contact();
        if (c != null) {
            x.open("cac:Contact");
            x.leaf("cbc:Name", c.name());
            x.leaf("cbc:Telephone", c.phone());
            x.leaf("cbc:ElectronicMail", c.email());
            x.close();
        }
        x.close();
    }

    private void id(String qname, @Nullable Identifier id) {
        if (id != null) {
            x.leaf(qname, id.value(), "schemeID", id.scheme());
        }
    }

    private void taxScheme(String id) {
        x.open("cac:TaxScheme").leaf("cbc:ID", id).close();
    }

    private void address(String qname, PostalAddress a) {
        x.open(qname);
        x.leaf("cbc:StreetName", a.line1());
        x.leaf("cbc:AdditionalStreetName", a.line2());
        x.leaf("cbc:CityName", a.city());
        x.leaf("cbc:PostalZone", a.postalCode());
        x.leaf("cbc:CountrySubentity", a.subdivision());
        if (a.line3() != null) {
            x.open("cac:AddressLine").leaf("cbc:Line", a.line3()).close();
        }
        x.open("cac:Country").leaf("cbc:IdentificationCode", a.countryCode()).close();
        x.close();
    }

    private void delivery(Delivery d) {
        x.open("cac:Delivery");
        x.leaf("cbc:ActualDeliveryDate", d.date());
        if (d.locationId() != null || d.address() != null) {
            x.open("cac:DeliveryLocation");
            id("cbc:ID", d.locationId());
            if (d.address() != null) {
                address("cac:Address", d.address());
            }
            x.close();
        }
        if (d.partyName() != null) {
            x.open("cac:DeliveryParty").open("cac:PartyName").leaf("cbc:Name", d.partyName()).close().close();
        }
        x.close();
    }

    private void payment(PaymentInstructions p) {
        // one PaymentMeans per credit transfer account (BG-17 repeats), at least one
        int n = Math.max(1, p.creditTransfers().size());
        for (int i = 0; i < n; i++) {
            x.open("cac:PaymentMeans");
            x.leaf("cbc:PaymentMeansCode", p.meansCode(), "name", p.meansText());
            if (credit) {
                x.leaf("cbc:PaymentDueDate", inv.dueDate());
            }
            x.leaf("cbc:PaymentID", p.remittanceInformation());
            PaymentCard card = p.card();
            if (card != null && i == 0) {
                x.open("cac:CardAccount");
                x.leaf("cbc:PrimaryAccountNumberID", card.accountNumber());
                x.leaf("cbc:NetworkID", card.network() == null ? "NA" : card.network());
                x.leaf("cbc:HolderName", card.holderName());
                x.close();
            }
            if (!p.creditTransfers().isEmpty()) {
                CreditTransfer t = p.creditTransfers().get(i);
                x.open("cac:PayeeFinancialAccount");
                x.leaf("cbc:ID", t.accountId());
                x.leaf("cbc:Name", t.accountName());
                if (t.serviceProviderId() != null) {
                    x.open("cac:FinancialInstitutionBranch").leaf("cbc:ID", t.serviceProviderId()).close();
                }
                x.close();
            }
            DirectDebit dd = p.directDebit();
            if (dd != null && i == 0 && (dd.mandateReference() != null || dd.debitedAccountId() != null)) {
                x.open("cac:PaymentMandate");
                x.leaf("cbc:ID", dd.mandateReference());
                if (dd.debitedAccountId() != null) {
                    x.open("cac:PayerFinancialAccount").leaf("cbc:ID", dd.debitedAccountId()).close();
                }
                x.close();
            }
            x.close();
        }
    }

    private void allowanceCharge(AllowanceCharge ac, boolean documentLevel) {
        x.open("cac:AllowanceCharge");
        x.leaf("cbc:ChargeIndicator", Boolean.toString(ac.charge()));
        x.leaf("cbc:AllowanceChargeReasonCode", ac.reasonCode());
        x.leaf("cbc:AllowanceChargeReason", ac.reason());
        x.leaf("cbc:MultiplierFactorNumeric", ac.percent());
        amount("cbc:Amount", ac.amount());
        amount("cbc:BaseAmount", ac.baseAmount());
        if (documentLevel && ac.vatCategory() != null) {
            x.open("cac:TaxCategory");
            x.leaf("cbc:ID", ac.vatCategory());
            x.leaf("cbc:Percent", ac.vatRate());
            taxScheme("VAT");
            x.close();
        }
        x.close();
    }

    private void taxTotal() {
        x.open("cac:TaxTotal");
        BigDecimal taxTotal = inv.totals().taxTotal();
        amount("cbc:TaxAmount", taxTotal == null ? BigDecimal.ZERO : taxTotal);
        for (VatBreakdown b : inv.vatBreakdown()) {
            x.open("cac:TaxSubtotal");
            amount("cbc:TaxableAmount", b.taxableAmount());
            amount("cbc:TaxAmount", b.taxAmount());
            x.open("cac:TaxCategory");
            x.leaf("cbc:ID", b.category());
            x.leaf("cbc:Percent", b.rate());
            x.leaf("cbc:TaxExemptionReasonCode", b.exemptionReasonCode());
            x.leaf("cbc:TaxExemptionReason", b.exemptionReason());
            taxScheme("VAT");
            x.close();
            x.close();
        }
        x.close();
    }

    private void totals(Totals t) {
        x.open("cac:LegalMonetaryTotal");
        amount("cbc:LineExtensionAmount", t.lineNetTotal());
        amount("cbc:TaxExclusiveAmount", t.taxExclusive());
        amount("cbc:TaxInclusiveAmount", t.taxInclusive());
        amount("cbc:AllowanceTotalAmount", t.allowanceTotal());
        amount("cbc:ChargeTotalAmount", t.chargeTotal());
        amount("cbc:PrepaidAmount", t.prepaid());
        amount("cbc:PayableRoundingAmount", t.rounding());
        amount("cbc:PayableAmount", t.payable());
        x.close();
    }

    private void line(Line l) {
        x.open(credit ? "cac:CreditNoteLine" : "cac:InvoiceLine");
        x.leaf("cbc:ID", l.id());
        x.leaf("cbc:Note", l.note());
        x.leaf(credit ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity", l.quantity(), "unitCode", l.unitCode());
        amount("cbc:LineExtensionAmount", l.netAmount());
        x.leaf("cbc:AccountingCost", l.accountingReference());
        if (l.period() != null) {
            x.open("cac:InvoicePeriod");
            x.leaf("cbc:StartDate", l.period().start());
            x.leaf("cbc:EndDate", l.period().endInclusive());
            x.close();
        }
        if (l.orderLineReference() != null) {
            x.open("cac:OrderLineReference").leaf("cbc:LineID", l.orderLineReference()).close();
        }
        if (l.objectId() != null) {
            x.open("cac:DocumentReference");
            id("cbc:ID", l.objectId());
            x.leaf("cbc:DocumentTypeCode", "130");
            x.close();
        }
        for (AllowanceCharge ac : l.allowancesCharges()) {
            allowanceCharge(ac, false);
        }
        x.open("cac:Item");
        x.leaf("cbc:Description", l.itemDescription());
        x.leaf("cbc:Name", l.itemName());
        if (l.buyersItemId() != null) {
            x.open("cac:BuyersItemIdentification").leaf("cbc:ID", l.buyersItemId()).close();
        }
        if (l.sellersItemId() != null) {
            x.open("cac:SellersItemIdentification").leaf("cbc:ID", l.sellersItemId()).close();
        }
        if (l.standardItemId() != null) {
            x.open("cac:StandardItemIdentification");
            id("cbc:ID", l.standardItemId());
            x.close();
        }
        if (l.originCountry() != null) {
            x.open("cac:OriginCountry").leaf("cbc:IdentificationCode", l.originCountry()).close();
        }
        for (ItemClassification c : l.classifications()) {
            x.open("cac:CommodityClassification");
            x.open("cbc:ItemClassificationCode").attr("listID", c.listId()).attr("listVersionID", c.listVersion())
                    .text(c.code()).close();
            x.close();
        }
        x.open("cac:ClassifiedTaxCategory");
        x.leaf("cbc:ID", l.vatCategory());
        x.leaf("cbc:Percent", l.vatRate());
        taxScheme("VAT");
        x.close();
        for (ItemAttribute a : l.attributes()) {
            x.open("cac:AdditionalItemProperty").leaf("cbc:Name", a.name()).leaf("cbc:Value", a.value()).close();
        }
        x.close();
        x.open("cac:Price");
        amount("cbc:PriceAmount", l.netPrice());
        x.leaf("cbc:BaseQuantity", l.baseQuantity(), "unitCode", l.baseQuantityUnit());
        if (l.priceDiscount() != null || l.grossPrice() != null) {
            x.open("cac:AllowanceCharge");
            x.leaf("cbc:ChargeIndicator", "false");
            amount("cbc:Amount", l.priceDiscount() == null ? BigDecimal.ZERO : l.priceDiscount());
            amount("cbc:BaseAmount", l.grossPrice());
            x.close();
        }
        x.close();
        x.close();
    }

    private void amount(String qname, @Nullable BigDecimal value) {
        x.leaf(qname, value, "currencyID", currency);
    }
}
