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
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the model as a UN/CEFACT Cross Industry Invoice D16B with the EN 16931 CII binding (used
 * by the EN 16931, XRechnung CII and Factur-X EN 16931 profiles), in the element order of the
 * D16B schemas.
 */
public final class CiiWriter {

    public static final String NS_RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    public static final String NS_RAM =
            "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    public static final String NS_UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    public static final String NS_QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

    static final DateTimeFormatter FORMAT_102 = DateTimeFormatter.BASIC_ISO_DATE;

    private final XmlOut x;
    private final EInvoice inv;

    private CiiWriter(OutputStream out, EInvoice inv) {
        this.inv = inv;
        Map<String, String> ns = new LinkedHashMap<>();
        ns.put("rsm", NS_RSM);
        ns.put("ram", NS_RAM);
        ns.put("udt", NS_UDT);
        ns.put("qdt", NS_QDT);
        this.x = new XmlOut(out, ns);
    }

    /** Writes {@code invoice} for {@code profile} to {@code out}, which is left open. */
    public static void write(EInvoice invoice, EInvoiceProfile profile, OutputStream out) {
        new CiiWriter(out, invoice).document(profile);
    }

    private void document(EInvoiceProfile profile) {
        x.root("rsm:CrossIndustryInvoice");
        x.open("rsm:ExchangedDocumentContext");
        if (profile.processId() != null) {
            x.open("ram:BusinessProcessSpecifiedDocumentContextParameter").leaf("ram:ID", profile.processId()).close();
        }
        x.open("ram:GuidelineSpecifiedDocumentContextParameter").leaf("ram:ID", profile.specificationId()).close();
        x.close();

        x.open("rsm:ExchangedDocument");
        x.leaf("ram:ID", inv.number());
        x.leaf("ram:TypeCode", inv.typeCode());
        dateTime("ram:IssueDateTime", inv.issueDate());
        for (Note n : inv.notes()) {
            x.open("ram:IncludedNote").leaf("ram:Content", n.text()).leaf("ram:SubjectCode", n.subjectCode()).close();
        }
        x.close();

        x.open("rsm:SupplyChainTradeTransaction");
        for (Line l : inv.lines()) {
            line(l);
        }
        agreement();
        delivery(inv.delivery());
        settlement();
        x.close();
        x.finish();
    }

    private void agreement() {
        x.open("ram:ApplicableHeaderTradeAgreement");
        x.leaf("ram:BuyerReference", inv.buyerReference());
        party("ram:SellerTradeParty", inv.seller(), true);
        party("ram:BuyerTradeParty", inv.buyer(), false);
        TaxRepresentative r = inv.taxRepresentative();
        if (r != null) {
            x.open("ram:SellerTaxRepresentativeTradeParty");
            x.leaf("ram:Name", r.name());
            address(r.address());
            x.open("ram:SpecifiedTaxRegistration").leaf("ram:ID", r.vatId(), "schemeID", "VA").close();
            x.close();
        }
        if (inv.salesOrderReference() != null) {
            x.open("ram:SellerOrderReferencedDocument").leaf("ram:IssuerAssignedID", inv.salesOrderReference()).close();
        }
        if (inv.purchaseOrderReference() != null) {
            x.open("ram:BuyerOrderReferencedDocument").leaf("ram:IssuerAssignedID", inv.purchaseOrderReference())
                    .close();
        }
        if (inv.contractReference() != null) {
            x.open("ram:ContractReferencedDocument").leaf("ram:IssuerAssignedID", inv.contractReference()).close();
        }
        for (Attachment a : inv.attachments()) {
            x.open("ram:AdditionalReferencedDocument");
            x.leaf("ram:IssuerAssignedID", a.id());
            x.leaf("ram:URIID", a.externalUri());
            x.leaf("ram:TypeCode", "916");
            x.leaf("ram:Name", a.description());
            byte[] content = a.content();
            if (content != null) {
                x.open("ram:AttachmentBinaryObject").attr("mimeCode", a.mimeCode()).attr("filename", a.filename())
                        .text(Base64.getEncoder().encodeToString(content)).close();
            }
            x.close();
        }
        if (inv.projectReference() != null) {
            // the binding requires a project name, which EN 16931 does not have
            x.open("ram:SpecifiedProcuringProject").leaf("ram:ID", inv.projectReference())
                    .leaf("ram:Name", "Project reference").close();
        }
        x.close();
    }

    private void party(String qname, Party p, boolean seller) {
        x.open(qname);
        for (Identifier id : p.identifiers()) {
            if (id.scheme() == null) {
                x.leaf("ram:ID", id.value());
            } else {
                x.leaf("ram:GlobalID", id.value(), "schemeID", id.scheme());
            }
        }
        x.leaf("ram:Name", p.name());
        if (seller) {
            x.leaf("ram:Description", p.legalInfo());
        }
        if (p.legalRegistration() != null || p.tradingName() != null) {
            x.open("ram:SpecifiedLegalOrganization");
            if (p.legalRegistration() != null) {
                x.leaf("ram:ID", p.legalRegistration().value(), "schemeID", p.legalRegistration().scheme());
            }
            x.leaf("ram:TradingBusinessName", p.tradingName());
            x.close();
        }
        Contact c = p.contact();
        if (c != null) {
            x.open("ram:DefinedTradeContact");
            x.leaf("ram:PersonName", c.name());
            if (c.phone() != null) {
                x.open("ram:TelephoneUniversalCommunication").leaf("ram:CompleteNumber", c.phone()).close();
            }
            if (c.email() != null) {
                x.open("ram:EmailURIUniversalCommunication").leaf("ram:URIID", c.email()).close();
            }
            x.close();
        }
        address(p.address());
        if (p.electronicAddress() != null) {
            x.open("ram:URIUniversalCommunication");
            x.leaf("ram:URIID", p.electronicAddress().value(), "schemeID", p.electronicAddress().scheme());
            x.close();
        }
        if (p.vatId() != null) {
            x.open("ram:SpecifiedTaxRegistration").leaf("ram:ID", p.vatId(), "schemeID", "VA").close();
        }
        if (seller && p.taxRegistrationId() != null) {
            x.open("ram:SpecifiedTaxRegistration").leaf("ram:ID", p.taxRegistrationId(), "schemeID", "FC").close();
        }
        x.close();
    }

    private void address(PostalAddress a) {
        x.open("ram:PostalTradeAddress");
        x.leaf("ram:PostcodeCode", a.postalCode());
        x.leaf("ram:LineOne", a.line1());
        x.leaf("ram:LineTwo", a.line2());
        x.leaf("ram:LineThree", a.line3());
        x.leaf("ram:CityName", a.city());
        x.leaf("ram:CountryID", a.countryCode());
        x.leaf("ram:CountrySubDivisionName", a.subdivision());
        x.close();
    }

    private void delivery(@Nullable Delivery d) {
        x.open("ram:ApplicableHeaderTradeDelivery");
        if (d != null) {
            if (d.partyName() != null || d.locationId() != null || d.address() != null) {
                x.open("ram:ShipToTradeParty");
                Identifier loc = d.locationId();
                if (loc != null) {
                    if (loc.scheme() == null) {
                        x.leaf("ram:ID", loc.value());
                    } else {
                        x.leaf("ram:GlobalID", loc.value(), "schemeID", loc.scheme());
                    }
                }
                x.leaf("ram:Name", d.partyName());
                if (d.address() != null) {
                    address(d.address());
                }
                x.close();
            }
            if (d.date() != null) {
                x.open("ram:ActualDeliverySupplyChainEvent");
                dateTime("ram:OccurrenceDateTime", d.date());
                x.close();
            }
        }
        x.close();
    }

    private void settlement() {
        x.open("ram:ApplicableHeaderTradeSettlement");
        PaymentInstructions pay = inv.payment();
        DirectDebit dd = pay == null ? null : pay.directDebit();
        x.leaf("ram:CreditorReferenceID", dd == null ? null : dd.creditorId());
        x.leaf("ram:PaymentReference", pay == null ? null : pay.remittanceInformation());
        x.leaf("ram:InvoiceCurrencyCode", inv.currency());
        if (inv.payee() != null) {
            x.open("ram:PayeeTradeParty");
            Identifier id = inv.payee().identifier();
            if (id != null) {
                if (id.scheme() == null) {
                    x.leaf("ram:ID", id.value());
                } else {
                    x.leaf("ram:GlobalID", id.value(), "schemeID", id.scheme());
                }
            }
            x.leaf("ram:Name", inv.payee().name());
            if (inv.payee().legalRegistration() != null) {
                x.open("ram:SpecifiedLegalOrganization");
                x.leaf("ram:ID", inv.payee().legalRegistration().value(), "schemeID",
                        inv.payee().legalRegistration().scheme());
                x.close();
            }
            x.close();
        }
        if (pay != null) {
            int n = Math.max(1, pay.creditTransfers().size());
            for (int i = 0; i < n; i++) {
                x.open("ram:SpecifiedTradeSettlementPaymentMeans");
                x.leaf("ram:TypeCode", pay.meansCode());
                x.leaf("ram:Information", pay.meansText());
                PaymentCard card = pay.card();
                if (card != null && i == 0) {
                    x.open("ram:ApplicableTradeSettlementFinancialCard");
                    x.leaf("ram:ID", card.accountNumber());
                    x.leaf("ram:CardholderName", card.holderName());
                    x.close();
                }
                if (dd != null && dd.debitedAccountId() != null && i == 0) {
                    x.open("ram:PayerPartyDebtorFinancialAccount").leaf("ram:IBANID", dd.debitedAccountId()).close();
                }
                if (!pay.creditTransfers().isEmpty()) {
                    CreditTransfer t = pay.creditTransfers().get(i);
                    x.open("ram:PayeePartyCreditorFinancialAccount");
                    if (iban(t.accountId())) {
                        x.leaf("ram:IBANID", t.accountId());
                        x.leaf("ram:AccountName", t.accountName());
                    } else {
                        x.leaf("ram:AccountName", t.accountName());
                        x.leaf("ram:ProprietaryID", t.accountId());
                    }
                    x.close();
                    if (t.serviceProviderId() != null) {
                        x.open("ram:PayeeSpecifiedCreditorFinancialInstitution")
                                .leaf("ram:BICID", t.serviceProviderId()).close();
                    }
                }
                x.close();
            }
        }
        boolean first = true;
        for (VatBreakdown b : inv.vatBreakdown()) {
            x.open("ram:ApplicableTradeTax");
            x.leaf("ram:CalculatedAmount", b.taxAmount());
            x.leaf("ram:TypeCode", "VAT");
            x.leaf("ram:ExemptionReason", b.exemptionReason());
            x.leaf("ram:BasisAmount", b.taxableAmount());
            x.leaf("ram:CategoryCode", b.category());
            x.leaf("ram:ExemptionReasonCode", b.exemptionReasonCode());
            // BT-7 and BT-8 are document-level: on the first group only (CII-SR-461/462)
            if (first && inv.taxPointDate() != null) {
                x.open("ram:TaxPointDate");
                x.open("udt:DateString").attr("format", "102").text(FORMAT_102.format(inv.taxPointDate())).close();
                x.close();
            }
            x.leaf("ram:DueDateTypeCode", first ? dueDateTypeCode(inv.taxPointDateCode()) : null);
            x.leaf("ram:RateApplicablePercent", b.rate());
            x.close();
            first = false;
        }
        period(inv.invoicingPeriod());
        for (AllowanceCharge ac : inv.allowancesCharges()) {
            allowanceCharge(ac, true);
        }
        if (inv.paymentTerms() != null || inv.dueDate() != null || (dd != null && dd.mandateReference() != null)) {
            x.open("ram:SpecifiedTradePaymentTerms");
            x.leaf("ram:Description", inv.paymentTerms());
            if (inv.dueDate() != null) {
                dateTime("ram:DueDateDateTime", inv.dueDate());
            }
            x.leaf("ram:DirectDebitMandateID", dd == null ? null : dd.mandateReference());
            x.close();
        }
        Totals t = inv.totals();
        x.open("ram:SpecifiedTradeSettlementHeaderMonetarySummation");
        x.leaf("ram:LineTotalAmount", t.lineNetTotal());
        x.leaf("ram:ChargeTotalAmount", t.chargeTotal());
        x.leaf("ram:AllowanceTotalAmount", t.allowanceTotal());
        x.leaf("ram:TaxBasisTotalAmount", t.taxExclusive());
        x.leaf("ram:TaxTotalAmount", t.taxTotal(), "currencyID", inv.currency());
        x.leaf("ram:RoundingAmount", t.rounding());
        x.leaf("ram:GrandTotalAmount", t.taxInclusive());
        x.leaf("ram:TotalPrepaidAmount", t.prepaid());
        x.leaf("ram:DuePayableAmount", t.payable());
        x.close();
        for (DocumentReference ref : inv.precedingInvoices()) {
            x.open("ram:InvoiceReferencedDocument");
            x.leaf("ram:IssuerAssignedID", ref.id());
            if (ref.issueDate() != null) {
                x.open("ram:FormattedIssueDateTime");
                x.open("qdt:DateTimeString").attr("format", "102").text(FORMAT_102.format(ref.issueDate())).close();
                x.close();
            }
            x.close();
        }
        if (inv.buyerAccountingReference() != null) {
            x.open("ram:ReceivableSpecifiedTradeAccountingAccount").leaf("ram:ID", inv.buyerAccountingReference())
                    .close();
        }
        x.close();
    }

    private void line(Line l) {
        x.open("ram:IncludedSupplyChainTradeLineItem");
        x.open("ram:AssociatedDocumentLineDocument");
        x.leaf("ram:LineID", l.id());
        if (l.note() != null) {
            x.open("ram:IncludedNote").leaf("ram:Content", l.note()).close();
        }
        x.close();
        x.open("ram:SpecifiedTradeProduct");
        if (l.standardItemId() != null) {
            x.leaf("ram:GlobalID", l.standardItemId().value(), "schemeID", l.standardItemId().scheme());
        }
        x.leaf("ram:SellerAssignedID", l.sellersItemId());
        x.leaf("ram:BuyerAssignedID", l.buyersItemId());
        x.leaf("ram:Name", l.itemName());
        x.leaf("ram:Description", l.itemDescription());
        for (ItemAttribute a : l.attributes()) {
            x.open("ram:ApplicableProductCharacteristic").leaf("ram:Description", a.name())
                    .leaf("ram:Value", a.value()).close();
        }
        for (ItemClassification c : l.classifications()) {
            x.open("ram:DesignatedProductClassification");
            x.open("ram:ClassCode").attr("listID", c.listId()).attr("listVersionID", c.listVersion()).text(c.code())
                    .close();
            x.close();
        }
        if (l.originCountry() != null) {
            x.open("ram:OriginTradeCountry").leaf("ram:ID", l.originCountry()).close();
        }
        x.close();
        x.open("ram:SpecifiedLineTradeAgreement");
        if (l.orderLineReference() != null) {
            x.open("ram:BuyerOrderReferencedDocument").leaf("ram:LineID", l.orderLineReference()).close();
        }
        if (l.grossPrice() != null || l.priceDiscount() != null) {
            x.open("ram:GrossPriceProductTradePrice");
            x.leaf("ram:ChargeAmount", l.grossPrice() == null ? l.netPrice() : l.grossPrice());
            x.leaf("ram:BasisQuantity", l.baseQuantity(), "unitCode", l.baseQuantityUnit());
            if (l.priceDiscount() != null) {
                x.open("ram:AppliedTradeAllowanceCharge");
                indicator(false);
                x.leaf("ram:ActualAmount", l.priceDiscount());
                x.close();
            }
            x.close();
        }
        x.open("ram:NetPriceProductTradePrice");
        x.leaf("ram:ChargeAmount", l.netPrice());
        x.leaf("ram:BasisQuantity", l.baseQuantity(), "unitCode", l.baseQuantityUnit());
        x.close();
        x.close();
        x.open("ram:SpecifiedLineTradeDelivery");
        x.leaf("ram:BilledQuantity", l.quantity(), "unitCode", l.unitCode());
        x.close();
        x.open("ram:SpecifiedLineTradeSettlement");
        x.open("ram:ApplicableTradeTax");
        x.leaf("ram:TypeCode", "VAT");
        x.leaf("ram:CategoryCode", l.vatCategory());
        x.leaf("ram:RateApplicablePercent", l.vatRate());
        x.close();
        period(l.period());
        for (AllowanceCharge ac : l.allowancesCharges()) {
            allowanceCharge(ac, false);
        }
        x.open("ram:SpecifiedTradeSettlementLineMonetarySummation").leaf("ram:LineTotalAmount", l.netAmount()).close();
        if (l.objectId() != null) {
            x.open("ram:AdditionalReferencedDocument");
            x.leaf("ram:IssuerAssignedID", l.objectId().value());
            x.leaf("ram:TypeCode", "130");
            x.leaf("ram:ReferenceTypeCode", l.objectId().scheme());
            x.close();
        }
        if (l.accountingReference() != null) {
            x.open("ram:ReceivableSpecifiedTradeAccountingAccount").leaf("ram:ID", l.accountingReference()).close();
        }
        x.close();
        x.close();
    }

    private void period(@Nullable Period p) {
        if (p != null) {
            x.open("ram:BillingSpecifiedPeriod");
            if (p.start() != null) {
                dateTime("ram:StartDateTime", p.start());
            }
            if (p.endInclusive() != null) {
                dateTime("ram:EndDateTime", p.endInclusive());
            }
            x.close();
        }
    }

    private void allowanceCharge(AllowanceCharge ac, boolean documentLevel) {
        x.open("ram:SpecifiedTradeAllowanceCharge");
        indicator(ac.charge());
        x.leaf("ram:CalculationPercent", ac.percent());
        x.leaf("ram:BasisAmount", ac.baseAmount());
        x.leaf("ram:ActualAmount", ac.amount());
        x.leaf("ram:ReasonCode", ac.reasonCode());
        x.leaf("ram:Reason", ac.reason());
        if (documentLevel && ac.vatCategory() != null) {
            x.open("ram:CategoryTradeTax");
            x.leaf("ram:TypeCode", "VAT");
            x.leaf("ram:CategoryCode", ac.vatCategory());
            x.leaf("ram:RateApplicablePercent", ac.vatRate());
            x.close();
        }
        x.close();
    }

    private void indicator(boolean value) {
        x.open("ram:ChargeIndicator").leaf("udt:Indicator", Boolean.toString(value)).close();
    }

    private void dateTime(String qname, LocalDate date) {
        x.open(qname);
        x.open("udt:DateTimeString").attr("format", "102").text(FORMAT_102.format(date)).close();
        x.close();
    }

    private static boolean iban(String account) {
        return account.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{8,30}");
    }

    /**
     * BT-8 as CII writes it: the model holds the UNTDID 2005 code of EN 16931 (3 invoice date, 35
     * delivery date, 432 payment date), CII the UNTDID 2475 code of the same event (5, 29, 72;
     * BR-CL-06 of the CII rules). Another code is written as it is.
     */
    static @Nullable String dueDateTypeCode(@Nullable String code2005) {
        if (code2005 == null) {
            return null;
        }
        return switch (code2005) {
            case "3" -> "5";
            case "35" -> "29";
            case "432" -> "72";
            default -> code2005;
        };
    }

    /** The UNTDID 2005 code of a CII BT-8 (UNTDID 2475), the inverse of {@link #dueDateTypeCode}. */
    static @Nullable String taxPointCode(@Nullable String code2475) {
        if (code2475 == null) {
            return null;
        }
        return switch (code2475) {
            case "5" -> "3";
            case "29" -> "35";
            case "72" -> "432";
            default -> code2475;
        };
    }
}
