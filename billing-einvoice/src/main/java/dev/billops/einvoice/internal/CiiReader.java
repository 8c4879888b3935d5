package dev.billops.einvoice.internal;

import dev.billops.core.error.Text;
import static dev.billops.einvoice.internal.CiiWriter.NS_QDT;
import static dev.billops.einvoice.internal.CiiWriter.NS_RAM;
import static dev.billops.einvoice.internal.CiiWriter.NS_RSM;
import static dev.billops.einvoice.internal.CiiWriter.NS_UDT;

import dev.billops.einvoice.EInvoiceNotReadableException;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/** Reads a UN/CEFACT CII D16B invoice or credit note with the EN 16931 binding into the model. */
public final class CiiReader {

    private final Dom d;

    private CiiReader(Dom dom) {
        this.d = dom;
    }

    static EInvoice read(Dom dom) {
        return new CiiReader(dom).invoice();
    }

    private Element need(@Nullable Element parent, String ns, String local) {
        Element e = parent == null ? null : d.one(parent, ns, local);
        if (e == null) {
            throw new EInvoiceNotReadableException("missing " + local + " under "
                    + (parent == null ? "?" : d.path(parent)));
        }
        return e;
    }

    private EInvoice invoice() {
        Element r = d.root();
        Element ctx = need(r, NS_RSM, "ExchangedDocumentContext");
        Element bp = d.one(ctx, NS_RAM, "BusinessProcessSpecifiedDocumentContextParameter");
        String process = d.text(bp, NS_RAM, "ID");
        String spec = d.text(d.one(ctx, NS_RAM, "GuidelineSpecifiedDocumentContextParameter"), NS_RAM, "ID");
        Element doc = need(r, NS_RSM, "ExchangedDocument");
        String number = d.required(doc, NS_RAM, "ID", "BT-1 invoice number");
        String type = d.required(doc, NS_RAM, "TypeCode", "BT-3 type code");
        LocalDate issue = dateTime(d.one(doc, NS_RAM, "IssueDateTime"));
        if (issue == null) {
            throw new EInvoiceNotReadableException("missing BT-2 issue date (IssueDateTime)");
        }
        List<Note> notes = new ArrayList<>();
        for (Element n : d.all(doc, NS_RAM, "IncludedNote")) {
            Element content = d.one(n, NS_RAM, "Content");
            notes.add(new Note(d.text(n, NS_RAM, "SubjectCode"), content == null ? "" : content.getTextContent()));
        }
        Element tx = need(r, NS_RSM, "SupplyChainTradeTransaction");
        List<Line> lines = new ArrayList<>();
        for (Element li : d.all(tx, NS_RAM, "IncludedSupplyChainTradeLineItem")) {
            lines.add(line(li));
        }
        Element ag = need(tx, NS_RAM, "ApplicableHeaderTradeAgreement");
        String buyerRef = d.text(ag, NS_RAM, "BuyerReference");
        Party seller = party(need(ag, NS_RAM, "SellerTradeParty"), true);
        Party buyer = party(need(ag, NS_RAM, "BuyerTradeParty"), false);
        TaxRepresentative rep = null;
        Element trp = d.one(ag, NS_RAM, "SellerTaxRepresentativeTradeParty");
        if (trp != null) {
            String vat = null;
            for (Element reg : d.all(trp, NS_RAM, "SpecifiedTaxRegistration")) {
                vat = d.text(reg, NS_RAM, "ID");
            }
            rep = new TaxRepresentative(d.required(trp, NS_RAM, "Name", "BT-62"),
                    vat == null ? "" : vat, address(d.one(trp, NS_RAM, "PostalTradeAddress")));
        }
        String so = d.text(d.one(ag, NS_RAM, "SellerOrderReferencedDocument"), NS_RAM, "IssuerAssignedID");
        String po = d.text(d.one(ag, NS_RAM, "BuyerOrderReferencedDocument"), NS_RAM, "IssuerAssignedID");
        String contract = d.text(d.one(ag, NS_RAM, "ContractReferencedDocument"), NS_RAM, "IssuerAssignedID");
        List<Attachment> attachments = new ArrayList<>();
        for (Element a : d.all(ag, NS_RAM, "AdditionalReferencedDocument")) {
            attachments.add(attachment(a));
        }
        String project = null;
        Element proj = d.one(ag, NS_RAM, "SpecifiedProcuringProject");
        if (proj != null) {
            project = d.text(proj, NS_RAM, "ID");
            d.one(proj, NS_RAM, "Name");
        }
        Delivery delivery = null;
        Element dl = d.one(tx, NS_RAM, "ApplicableHeaderTradeDelivery");
        if (dl != null) {
            Element st = d.one(dl, NS_RAM, "ShipToTradeParty");
            Element ev = d.one(dl, NS_RAM, "ActualDeliverySupplyChainEvent");
            LocalDate date = ev == null ? null : dateTime(d.one(ev, NS_RAM, "OccurrenceDateTime"));
            if (st != null || date != null) {
                Identifier loc = null;
                String name = null;
                PostalAddress addr = null;
                if (st != null) {
                    List<Identifier> ids = ids(st);
                    loc = ids.isEmpty() ? null : ids.get(0);
                    name = d.text(st, NS_RAM, "Name");
                    Element a = d.one(st, NS_RAM, "PostalTradeAddress");
                    addr = a == null ? null : address(a);
                }
                delivery = new Delivery(name, loc, date, addr);
            }
        }
        Element se = need(tx, NS_RAM, "ApplicableHeaderTradeSettlement");
        String creditorId = d.text(se, NS_RAM, "CreditorReferenceID");
        String remittance = d.text(se, NS_RAM, "PaymentReference");
        String currency = d.required(se, NS_RAM, "InvoiceCurrencyCode", "BT-5 currency");
        Payee payee = null;
        Element pp = d.one(se, NS_RAM, "PayeeTradeParty");
        if (pp != null) {
            List<Identifier> ids = ids(pp);
            Element lo = d.one(pp, NS_RAM, "SpecifiedLegalOrganization");
            payee = new Payee(d.required(pp, NS_RAM, "Name", "BT-59 payee name"), ids.isEmpty() ? null : ids.get(0),
                    lo == null ? null : schemed(d.one(lo, NS_RAM, "ID")));
        }
        List<Element> means = d.all(se, NS_RAM, "SpecifiedTradeSettlementPaymentMeans");
        String meansCode = null;
        String meansText = null;
        List<CreditTransfer> transfers = new ArrayList<>();
        PaymentCard card = null;
        String debited = null;
        for (Element m : means) {
            String code = d.text(m, NS_RAM, "TypeCode");
            String info = d.text(m, NS_RAM, "Information");
            if (meansCode == null) {
                meansCode = code;
                meansText = info;
            }
            Element fc = d.one(m, NS_RAM, "ApplicableTradeSettlementFinancialCard");
            if (fc != null) {
                card = new PaymentCard(d.required(fc, NS_RAM, "ID", "BT-87 card number"),
                        d.text(fc, NS_RAM, "CardholderName"), null);
            }
            Element debtor = d.one(m, NS_RAM, "PayerPartyDebtorFinancialAccount");
            if (debtor != null) {
                debited = d.text(debtor, NS_RAM, "IBANID");
            }
            Element acc = d.one(m, NS_RAM, "PayeePartyCreditorFinancialAccount");
            if (acc != null) {
                String iban = d.text(acc, NS_RAM, "IBANID");
                String name = d.text(acc, NS_RAM, "AccountName");
                String prop = d.text(acc, NS_RAM, "ProprietaryID");
                String bic = d.text(d.one(m, NS_RAM, "PayeeSpecifiedCreditorFinancialInstitution"), NS_RAM, "BICID");
                String account = iban != null ? iban : prop;
                if (account == null) {
                    throw new EInvoiceNotReadableException("missing BT-84 account identifier at " + d.path(acc));
                }
                transfers.add(new CreditTransfer(account, name, bic));
            }
        }
        List<VatBreakdown> breakdown = new ArrayList<>();
        LocalDate taxPoint = null;
        String taxPointCode = null;
        for (Element t : d.all(se, NS_RAM, "ApplicableTradeTax")) {
            d.one(t, NS_RAM, "TypeCode");
            Element tpd = d.one(t, NS_RAM, "TaxPointDate");
            if (tpd != null) {
                taxPoint = date(d.one(tpd, NS_UDT, "DateString"));
            }
            String dc = d.text(t, NS_RAM, "DueDateTypeCode");
            taxPointCode = dc == null ? taxPointCode : CiiWriter.taxPointCode(dc);
            breakdown.add(new VatBreakdown(d.requiredDecimal(t, NS_RAM, "BasisAmount", "BT-116"),
                    d.requiredDecimal(t, NS_RAM, "CalculatedAmount", "BT-117"),
                    d.required(t, NS_RAM, "CategoryCode", "BT-118"), d.decimal(t, NS_RAM, "RateApplicablePercent"),
                    d.text(t, NS_RAM, "ExemptionReason"), d.text(t, NS_RAM, "ExemptionReasonCode")));
        }
        Period period = period(d.one(se, NS_RAM, "BillingSpecifiedPeriod"));
        List<AllowanceCharge> acs = new ArrayList<>();
        for (Element ac : d.all(se, NS_RAM, "SpecifiedTradeAllowanceCharge")) {
            acs.add(allowanceCharge(ac));
        }
        String terms = null;
        LocalDate due = null;
        String mandate = null;
        Element pt = d.one(se, NS_RAM, "SpecifiedTradePaymentTerms");
        if (pt != null) {
            terms = d.text(pt, NS_RAM, "Description");
            due = dateTime(d.one(pt, NS_RAM, "DueDateDateTime"));
            mandate = d.text(pt, NS_RAM, "DirectDebitMandateID");
        }
        PaymentInstructions payment = null;
        if (meansCode != null) {
            DirectDebit dd = creditorId != null || mandate != null || debited != null
                    ? new DirectDebit(mandate, creditorId, debited) : null;
            payment = new PaymentInstructions(meansCode, meansText, remittance, transfers, card, dd);
        }
        Element sum = need(se, NS_RAM, "SpecifiedTradeSettlementHeaderMonetarySummation");
        BigDecimal taxTotal = null;
        for (Element tt : d.all(sum, NS_RAM, "TaxTotalAmount")) {
            String cur = d.attr(tt, "currencyID");
            if (cur == null || cur.equals(currency)) {
                taxTotal = d.decimal(tt);
            }
        }
        Totals totals = new Totals(d.requiredDecimal(sum, NS_RAM, "LineTotalAmount", "BT-106"),
                d.decimal(sum, NS_RAM, "AllowanceTotalAmount"), d.decimal(sum, NS_RAM, "ChargeTotalAmount"),
                d.requiredDecimal(sum, NS_RAM, "TaxBasisTotalAmount", "BT-109"), taxTotal,
                d.requiredDecimal(sum, NS_RAM, "GrandTotalAmount", "BT-112"), d.decimal(sum, NS_RAM, "TotalPrepaidAmount"),
                d.decimal(sum, NS_RAM, "RoundingAmount"), d.requiredDecimal(sum, NS_RAM, "DuePayableAmount", "BT-115"));
        List<DocumentReference> preceding = new ArrayList<>();
        for (Element ref : d.all(se, NS_RAM, "InvoiceReferencedDocument")) {
            Element f = d.one(ref, NS_RAM, "FormattedIssueDateTime");
            preceding.add(new DocumentReference(d.required(ref, NS_RAM, "IssuerAssignedID", "BT-25"),
                    f == null ? null : date(d.one(f, NS_QDT, "DateTimeString"))));
        }
        String accounting = d.text(d.one(se, NS_RAM, "ReceivableSpecifiedTradeAccountingAccount"), NS_RAM, "ID");
        return new EInvoice(spec, process, number, issue, type, currency, taxPoint, taxPointCode, due, buyerRef,
                project, contract, po, so, accounting, terms, notes, preceding, seller, buyer, payee, rep, delivery,
                period, payment, acs, totals, breakdown, attachments, lines);
    }

    private List<Identifier> ids(Element party) {
        List<Identifier> ids = new ArrayList<>();
        for (Element id : d.all(party, NS_RAM, "ID")) {
            String v = d.text(id);
            if (v != null) {
                ids.add(Identifier.of(v));
            }
        }
        for (Element id : d.all(party, NS_RAM, "GlobalID")) {
            Identifier i = schemed(id);
            if (i != null) {
                ids.add(i);
            }
        }
        return ids;
    }

    private @Nullable Identifier schemed(@Nullable Element e) {
        if (e == null) {
            return null;
        }
        String v = d.text(e);
        return v == null ? null : new Identifier(v, d.attr(e, "schemeID"));
    }

    private Party party(Element p, boolean seller) {
        List<Identifier> ids = ids(p);
        String name = d.required(p, NS_RAM, "Name", seller ? "BT-27 seller name" : "BT-44 buyer name");
        String legalInfo = d.text(p, NS_RAM, "Description");
        Identifier legal = null;
        String trading = null;
        Element lo = d.one(p, NS_RAM, "SpecifiedLegalOrganization");
        if (lo != null) {
            legal = schemed(d.one(lo, NS_RAM, "ID"));
            trading = d.text(lo, NS_RAM, "TradingBusinessName");
        }
        Contact contact = null;
        Element c = d.one(p, NS_RAM, "DefinedTradeContact");
        if (c != null) {
            contact = new Contact(d.text(c, NS_RAM, "PersonName"),
                    d.text(d.one(c, NS_RAM, "TelephoneUniversalCommunication"), NS_RAM, "CompleteNumber"),
                    d.text(d.one(c, NS_RAM, "EmailURIUniversalCommunication"), NS_RAM, "URIID"));
        }
        PostalAddress address = address(d.one(p, NS_RAM, "PostalTradeAddress"));
        ElectronicAddress endpoint = null;
        Element uri = d.one(p, NS_RAM, "URIUniversalCommunication");
        if (uri != null) {
            Element id = d.one(uri, NS_RAM, "URIID");
            String v = id == null ? null : d.text(id);
            if (v != null) {
                String scheme = d.attr(id, "schemeID");
                endpoint = new ElectronicAddress(v, scheme == null ? "unknown" : scheme);
            }
        }
        String vat = null;
        String taxReg = null;
        for (Element reg : d.all(p, NS_RAM, "SpecifiedTaxRegistration")) {
            Element id = d.one(reg, NS_RAM, "ID");
            if (id != null) {
                if ("VA".equals(d.attr(id, "schemeID"))) {
                    vat = d.text(id);
                } else {
                    taxReg = d.text(id);
                }
            }
        }
        return new Party(name, trading, ids, legal, vat, taxReg, legalInfo, endpoint, address, contact);
    }

    private PostalAddress address(@Nullable Element a) {
        if (a == null) {
            throw new EInvoiceNotReadableException("missing postal address (PostalTradeAddress)");
        }
        return new PostalAddress(d.text(a, NS_RAM, "LineOne"), d.text(a, NS_RAM, "LineTwo"),
                d.text(a, NS_RAM, "LineThree"), d.text(a, NS_RAM, "CityName"), d.text(a, NS_RAM, "PostcodeCode"),
                d.text(a, NS_RAM, "CountrySubDivisionName"), d.required(a, NS_RAM, "CountryID", "country code"));
    }

    private Attachment attachment(Element a) {
        String id = d.required(a, NS_RAM, "IssuerAssignedID", "BT-122 supporting document reference");
        String uri = d.text(a, NS_RAM, "URIID");
        d.one(a, NS_RAM, "TypeCode");
        String name = d.text(a, NS_RAM, "Name");
        Element bin = d.one(a, NS_RAM, "AttachmentBinaryObject");
        byte[] content = null;
        if (bin != null) {
            String b64 = d.text(bin);
            try {
                content = b64 == null ? new byte[0] : Base64.getMimeDecoder().decode(b64);
            } catch (IllegalArgumentException e) {
                throw new EInvoiceNotReadableException("attachment " + Text.quote(id) + " is not valid base64 at " + d.path(bin));
            }
        }
        return new Attachment(id, name, uri, content, d.attr(bin, "mimeCode"), d.attr(bin, "filename"));
    }

    private AllowanceCharge allowanceCharge(Element ac) {
        Element ind = d.one(ac, NS_RAM, "ChargeIndicator");
        boolean charge = "true".equals(d.text(ind, NS_UDT, "Indicator"));
        Element cat = d.one(ac, NS_RAM, "CategoryTradeTax");
        if (cat != null) {
            d.one(cat, NS_RAM, "TypeCode");
        }
        return new AllowanceCharge(charge, d.requiredDecimal(ac, NS_RAM, "ActualAmount", "allowance/charge amount"),
                d.decimal(ac, NS_RAM, "BasisAmount"), d.decimal(ac, NS_RAM, "CalculationPercent"),
                d.text(ac, NS_RAM, "Reason"), d.text(ac, NS_RAM, "ReasonCode"),
                cat == null ? null : d.text(cat, NS_RAM, "CategoryCode"),
                cat == null ? null : d.decimal(cat, NS_RAM, "RateApplicablePercent"));
    }

    private Line line(Element li) {
        Element doc = need(li, NS_RAM, "AssociatedDocumentLineDocument");
        String id = d.required(doc, NS_RAM, "LineID", "BT-126 line id");
        String note = d.text(d.one(doc, NS_RAM, "IncludedNote"), NS_RAM, "Content");
        Element prod = need(li, NS_RAM, "SpecifiedTradeProduct");
        Identifier standard = schemed(d.one(prod, NS_RAM, "GlobalID"));
        String sellerId = d.text(prod, NS_RAM, "SellerAssignedID");
        String buyerId = d.text(prod, NS_RAM, "BuyerAssignedID");
        String name = d.required(prod, NS_RAM, "Name", "BT-153 item name");
        String description = d.text(prod, NS_RAM, "Description");
        List<ItemAttribute> attributes = new ArrayList<>();
        for (Element pc : d.all(prod, NS_RAM, "ApplicableProductCharacteristic")) {
            attributes.add(new ItemAttribute(d.required(pc, NS_RAM, "Description", "BT-160"),
                    d.required(pc, NS_RAM, "Value", "BT-161")));
        }
        List<ItemClassification> classes = new ArrayList<>();
        for (Element dc : d.all(prod, NS_RAM, "DesignatedProductClassification")) {
            Element code = d.one(dc, NS_RAM, "ClassCode");
            String v = code == null ? null : d.text(code);
            if (v != null) {
                String listId = d.attr(code, "listID");
                classes.add(new ItemClassification(v, listId == null ? "ZZZ" : listId, d.attr(code, "listVersionID")));
            }
        }
        String origin = d.text(d.one(prod, NS_RAM, "OriginTradeCountry"), NS_RAM, "ID");
        Element ag = need(li, NS_RAM, "SpecifiedLineTradeAgreement");
        String orderLine = d.text(d.one(ag, NS_RAM, "BuyerOrderReferencedDocument"), NS_RAM, "LineID");
        BigDecimal gross = null;
        BigDecimal discount = null;
        Element gp = d.one(ag, NS_RAM, "GrossPriceProductTradePrice");
        if (gp != null) {
            gross = d.decimal(gp, NS_RAM, "ChargeAmount");
            d.one(gp, NS_RAM, "BasisQuantity");
            Element atac = d.one(gp, NS_RAM, "AppliedTradeAllowanceCharge");
            if (atac != null) {
                d.one(atac, NS_RAM, "ChargeIndicator");
                d.text(d.one(atac, NS_RAM, "ChargeIndicator"), NS_UDT, "Indicator");
                discount = d.decimal(atac, NS_RAM, "ActualAmount");
            }
        }
        Element np = need(ag, NS_RAM, "NetPriceProductTradePrice");
        BigDecimal netPrice = d.requiredDecimal(np, NS_RAM, "ChargeAmount", "BT-146 item net price");
        Element bq = d.one(np, NS_RAM, "BasisQuantity");
        BigDecimal baseQty = bq == null ? null : d.decimal(bq);
        String baseUnit = d.attr(bq, "unitCode");
        Element del = need(li, NS_RAM, "SpecifiedLineTradeDelivery");
        Element q = need(del, NS_RAM, "BilledQuantity");
        BigDecimal quantity = d.decimal(q);
        String unit = d.attr(q, "unitCode");
        if (quantity == null || unit == null) {
            throw new EInvoiceNotReadableException("line " + Text.quote(id) + ": missing BT-129 quantity or BT-130 unit code");
        }
        Element st = need(li, NS_RAM, "SpecifiedLineTradeSettlement");
        Element tax = need(st, NS_RAM, "ApplicableTradeTax");
        d.one(tax, NS_RAM, "TypeCode");
        String category = d.required(tax, NS_RAM, "CategoryCode", "BT-151");
        BigDecimal rate = d.decimal(tax, NS_RAM, "RateApplicablePercent");
        Period period = period(d.one(st, NS_RAM, "BillingSpecifiedPeriod"));
        List<AllowanceCharge> acs = new ArrayList<>();
        for (Element ac : d.all(st, NS_RAM, "SpecifiedTradeAllowanceCharge")) {
            acs.add(allowanceCharge(ac));
        }
        BigDecimal net = d.requiredDecimal(need(st, NS_RAM, "SpecifiedTradeSettlementLineMonetarySummation"), NS_RAM,
                "LineTotalAmount", "BT-131");
        Identifier objectId = null;
        Element ard = d.one(st, NS_RAM, "AdditionalReferencedDocument");
        if (ard != null) {
            d.one(ard, NS_RAM, "TypeCode");
            String v = d.text(ard, NS_RAM, "IssuerAssignedID");
            objectId = v == null ? null : new Identifier(v, d.text(ard, NS_RAM, "ReferenceTypeCode"));
        }
        String accounting = d.text(d.one(st, NS_RAM, "ReceivableSpecifiedTradeAccountingAccount"), NS_RAM, "ID");
        return new Line(id, note, objectId, quantity, unit, net, orderLine, accounting, period, acs, netPrice, discount,
                gross, baseQty, baseUnit, category, rate, name, description, sellerId, buyerId, standard, classes,
                origin, attributes);
    }

    private @Nullable Period period(@Nullable Element p) {
        if (p == null) {
            return null;
        }
        LocalDate start = dateTime(d.one(p, NS_RAM, "StartDateTime"));
        LocalDate end = dateTime(d.one(p, NS_RAM, "EndDateTime"));
        return start == null && end == null ? null : new Period(start, end);
    }

    private @Nullable LocalDate dateTime(@Nullable Element parent) {
        return parent == null ? null : date(d.one(parent, NS_UDT, "DateTimeString"));
    }

    private @Nullable LocalDate date(@Nullable Element e) {
        if (e == null) {
            return null;
        }
        String format = d.attr(e, "format");
        if (format != null && !format.equals("102")) {
            throw new EInvoiceNotReadableException("date format " + Text.quote(format) + " at " + d.path(e)
                    + " is not supported (EN 16931 uses 102, CCYYMMDD)");
        }
        return d.date(e, CiiWriter.FORMAT_102);
    }
}
