package dev.billops.einvoice.internal;

import dev.billops.core.error.Text;
import static dev.billops.einvoice.internal.UblWriter.NS_CAC;
import static dev.billops.einvoice.internal.UblWriter.NS_CBC;

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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/** Reads a UBL 2.1 {@code Invoice} or {@code CreditNote} with the EN 16931 binding into the model. */
public final class UblReader {

    private final Dom d;
    private final boolean credit;
    private @Nullable String sepaCreditorId;

    private UblReader(Dom dom, boolean credit) {
        this.d = dom;
        this.credit = credit;
    }

    /** Reads the document whose root is {@code dom}'s root; returns the invoice, warnings stay in {@code dom}. */
    static EInvoice read(Dom dom) {
        boolean credit = "CreditNote".equals(dom.root().getLocalName());
        return new UblReader(dom, credit).invoice();
    }

    private EInvoice invoice() {
        Element r = d.root();
        String spec = d.text(r, NS_CBC, "CustomizationID");
        String process = d.text(r, NS_CBC, "ProfileID");
        String number = d.required(r, NS_CBC, "ID", "BT-1 invoice number");
        LocalDate issue = date(d.one(r, NS_CBC, "IssueDate"));
        if (issue == null) {
            throw new EInvoiceNotReadableException("missing BT-2 issue date (IssueDate)");
        }
        LocalDate due = date(d.one(r, NS_CBC, "DueDate"));
        String type = d.required(r, NS_CBC, credit ? "CreditNoteTypeCode" : "InvoiceTypeCode", "BT-3 type code");
        List<Note> notes = new ArrayList<>();
        for (Element n : d.all(r, NS_CBC, "Note")) {
            String t = n.getTextContent();
            if (t.startsWith("#") && t.indexOf('#', 1) > 1) {
                int end = t.indexOf('#', 1);
                notes.add(new Note(t.substring(1, end), t.substring(end + 1)));
            } else {
                notes.add(Note.of(t));
            }
        }
        LocalDate taxPoint = date(d.one(r, NS_CBC, "TaxPointDate"));
        String currency = d.required(r, NS_CBC, "DocumentCurrencyCode", "BT-5 currency");
        String accounting = d.text(r, NS_CBC, "AccountingCost");
        String buyerRef = d.text(r, NS_CBC, "BuyerReference");
        Period period = null;
        String taxPointCode = null;
        Element ip = d.one(r, NS_CAC, "InvoicePeriod");
        if (ip != null) {
            period = period(ip);
            taxPointCode = d.text(ip, NS_CBC, "DescriptionCode");
        }
        String po = null;
        String so = null;
        Element order = d.one(r, NS_CAC, "OrderReference");
        if (order != null) {
            po = d.text(order, NS_CBC, "ID");
            so = d.text(order, NS_CBC, "SalesOrderID");
            if ("NA".equals(po) && so != null) {
                po = null;
            }
        }
        List<DocumentReference> preceding = new ArrayList<>();
        for (Element br : d.all(r, NS_CAC, "BillingReference")) {
            Element ref = d.one(br, NS_CAC, "InvoiceDocumentReference");
            if (ref != null) {
                preceding.add(new DocumentReference(d.required(ref, NS_CBC, "ID", "BT-25 preceding invoice"),
                        date(d.one(ref, NS_CBC, "IssueDate"))));
            }
        }
        String contract = null;
        Element cdr = d.one(r, NS_CAC, "ContractDocumentReference");
        if (cdr != null) {
            contract = d.text(cdr, NS_CBC, "ID");
        }
        String project = null;
        List<Attachment> attachments = new ArrayList<>();
        for (Element a : d.all(r, NS_CAC, "AdditionalDocumentReference")) {
            if ("50".equals(d.text(a, NS_CBC, "DocumentTypeCode"))) {
                project = d.text(a, NS_CBC, "ID");
            } else {
                attachments.add(attachment(a));
            }
        }
        Element pr = d.one(r, NS_CAC, "ProjectReference");
        if (pr != null) {
            project = d.text(pr, NS_CBC, "ID");
        }
        Element supplierParent = d.one(r, NS_CAC, "AccountingSupplierParty");
        Element supplier = supplierParent == null ? null : d.one(supplierParent, NS_CAC, "Party");
        if (supplier == null) {
            throw new EInvoiceNotReadableException("missing BG-4 seller (AccountingSupplierParty/Party)");
        }
        Party seller = party(supplier, true);
        Element customerParent = d.one(r, NS_CAC, "AccountingCustomerParty");
        Element customer = customerParent == null ? null : d.one(customerParent, NS_CAC, "Party");
        if (customer == null) {
            throw new EInvoiceNotReadableException("missing BG-7 buyer (AccountingCustomerParty/Party)");
        }
        Party buyer = party(customer, false);
        Payee payee = null;
        Element pp = d.one(r, NS_CAC, "PayeeParty");
        if (pp != null) {
            Identifier id = null;
            for (Element pi : d.all(pp, NS_CAC, "PartyIdentification")) {
                Identifier i = id(d.one(pi, NS_CBC, "ID"));
                if (i != null && "SEPA".equals(i.scheme())) {
                    sepaCreditorId = i.value();
                } else {
                    id = i;
                }
            }
            Element ple = d.one(pp, NS_CAC, "PartyLegalEntity");
            payee = new Payee(d.required(d.one(pp, NS_CAC, "PartyName"), NS_CBC, "Name", "BT-59 payee name"), id,
                    ple == null ? null : id(d.one(ple, NS_CBC, "CompanyID")));
        }
        TaxRepresentative rep = null;
        Element trp = d.one(r, NS_CAC, "TaxRepresentativeParty");
        if (trp != null) {
            Element pts = d.one(trp, NS_CAC, "PartyTaxScheme");
            if (pts != null) {
                d.one(pts, NS_CAC, "TaxScheme");
                d.text(d.one(pts, NS_CAC, "TaxScheme"), NS_CBC, "ID");
            }
            rep = new TaxRepresentative(d.required(d.one(trp, NS_CAC, "PartyName"), NS_CBC, "Name",
                    "BT-62 tax representative name"), d.required(pts, NS_CBC, "CompanyID", "BT-63 tax representative VAT id"),
                    address(d.one(trp, NS_CAC, "PostalAddress")));
        }
        Delivery delivery = null;
        Element del = d.one(r, NS_CAC, "Delivery");
        if (del != null) {
            Element loc = d.one(del, NS_CAC, "DeliveryLocation");
            Element dp = d.one(del, NS_CAC, "DeliveryParty");
            delivery = new Delivery(dp == null ? null : d.text(d.one(dp, NS_CAC, "PartyName"), NS_CBC, "Name"),
                    loc == null ? null : id(d.one(loc, NS_CBC, "ID")), date(d.one(del, NS_CBC, "ActualDeliveryDate")),
                    loc == null || d.one(loc, NS_CAC, "Address") == null ? null : address(d.one(loc, NS_CAC, "Address")));
        }
        PaymentInstructions payment = null;
        List<Element> means = d.all(r, NS_CAC, "PaymentMeans");
        if (!means.isEmpty()) {
            Element m0 = means.get(0);
            Element code = d.one(m0, NS_CBC, "PaymentMeansCode");
            if (credit) {
                due = date(d.one(m0, NS_CBC, "PaymentDueDate"));
            }
            List<CreditTransfer> transfers = new ArrayList<>();
            PaymentCard card = null;
            String mandate = null;
            String debited = null;
            for (Element m : means) {
                d.one(m, NS_CBC, "PaymentMeansCode");
                d.one(m, NS_CBC, "PaymentID");
                if (credit) {
                    d.one(m, NS_CBC, "PaymentDueDate");
                }
                Element acc = d.one(m, NS_CAC, "PayeeFinancialAccount");
                if (acc != null) {
                    Element branch = d.one(acc, NS_CAC, "FinancialInstitutionBranch");
                    transfers.add(new CreditTransfer(d.required(acc, NS_CBC, "ID", "BT-84 account"),
                            d.text(acc, NS_CBC, "Name"), d.text(branch, NS_CBC, "ID")));
                }
                Element ca = d.one(m, NS_CAC, "CardAccount");
                if (ca != null) {
                    String network = d.text(ca, NS_CBC, "NetworkID");
                    card = new PaymentCard(d.required(ca, NS_CBC, "PrimaryAccountNumberID", "BT-87 card number"),
                            d.text(ca, NS_CBC, "HolderName"), "NA".equals(network) ? null : network);
                }
                Element pm = d.one(m, NS_CAC, "PaymentMandate");
                if (pm != null) {
                    mandate = d.text(pm, NS_CBC, "ID");
                    debited = d.text(d.one(pm, NS_CAC, "PayerFinancialAccount"), NS_CBC, "ID");
                }
            }
            DirectDebit dd = mandate != null || debited != null || sepaCreditorId != null
                    ? new DirectDebit(mandate, sepaCreditorId, debited) : null;
            payment = new PaymentInstructions(d.required(m0, NS_CBC, "PaymentMeansCode", "BT-81 payment means"),
                    d.attr(code, "name"), d.text(m0, NS_CBC, "PaymentID"), transfers, card, dd);
        }
        String terms = null;
        Element pt = d.one(r, NS_CAC, "PaymentTerms");
        if (pt != null) {
            terms = d.text(pt, NS_CBC, "Note");
        }
        List<AllowanceCharge> acs = new ArrayList<>();
        for (Element ac : d.all(r, NS_CAC, "AllowanceCharge")) {
            acs.add(allowanceCharge(ac));
        }
        BigDecimal taxTotal = null;
        List<VatBreakdown> breakdown = new ArrayList<>();
        for (Element tt : d.all(r, NS_CAC, "TaxTotal")) {
            BigDecimal amount = d.decimal(tt, NS_CBC, "TaxAmount");
            if (!currency.equals(d.attr(d.one(tt, NS_CBC, "TaxAmount"), "currencyID"))) {
                continue; // a second TaxTotal in the tax currency (BT-111) is not modelled and stays reported
            }
            taxTotal = amount;
            for (Element st : d.all(tt, NS_CAC, "TaxSubtotal")) {
                Element cat = d.one(st, NS_CAC, "TaxCategory");
                taxScheme(cat);
                breakdown.add(new VatBreakdown(d.requiredDecimal(st, NS_CBC, "TaxableAmount", "BT-116"),
                        d.requiredDecimal(st, NS_CBC, "TaxAmount", "BT-117"),
                        d.required(cat, NS_CBC, "ID", "BT-118 VAT category"), d.decimal(cat, NS_CBC, "Percent"),
                        d.text(cat, NS_CBC, "TaxExemptionReason"), d.text(cat, NS_CBC, "TaxExemptionReasonCode")));
            }
        }
        Element lmt = d.one(r, NS_CAC, "LegalMonetaryTotal");
        if (lmt == null) {
            throw new EInvoiceNotReadableException("missing BG-22 totals (LegalMonetaryTotal)");
        }
        Totals totals = new Totals(d.requiredDecimal(lmt, NS_CBC, "LineExtensionAmount", "BT-106"),
                d.decimal(lmt, NS_CBC, "AllowanceTotalAmount"), d.decimal(lmt, NS_CBC, "ChargeTotalAmount"),
                d.requiredDecimal(lmt, NS_CBC, "TaxExclusiveAmount", "BT-109"), taxTotal,
                d.requiredDecimal(lmt, NS_CBC, "TaxInclusiveAmount", "BT-112"), d.decimal(lmt, NS_CBC, "PrepaidAmount"),
                d.decimal(lmt, NS_CBC, "PayableRoundingAmount"), d.requiredDecimal(lmt, NS_CBC, "PayableAmount",
                        "BT-115"));
        List<Line> lines = new ArrayList<>();
        for (Element l : d.all(r, NS_CAC, credit ? "CreditNoteLine" : "InvoiceLine")) {
            lines.add(line(l));
        }
        return new EInvoice(spec, process, number, issue, type, currency, taxPoint, taxPointCode, due, buyerRef,
                project, contract, po, so, accounting, terms, notes, preceding, seller, buyer, payee, rep, delivery,
                period, payment, acs, totals, breakdown, attachments, lines);
    }

    private Party party(Element p, boolean seller) {
        ElectronicAddress endpoint = null;
        Element ep = d.one(p, NS_CBC, "EndpointID");
        if (ep != null) {
            String scheme = d.attr(ep, "schemeID");
            String value = d.text(ep);
            if (value != null) {
                endpoint = new ElectronicAddress(value, scheme == null ? "unknown" : scheme);
            }
        }
        List<Identifier> ids = new ArrayList<>();
        for (Element pi : d.all(p, NS_CAC, "PartyIdentification")) {
            Identifier id = id(d.one(pi, NS_CBC, "ID"));
            if (id != null && seller && "SEPA".equals(id.scheme())) {
                sepaCreditorId = id.value();
            } else if (id != null) {
                ids.add(id);
            }
        }
        String trading = null;
        Element pn = d.one(p, NS_CAC, "PartyName");
        if (pn != null) {
            trading = d.text(pn, NS_CBC, "Name");
        }
        PostalAddress address = address(d.one(p, NS_CAC, "PostalAddress"));
        String vat = null;
        String taxReg = null;
        for (Element pts : d.all(p, NS_CAC, "PartyTaxScheme")) {
            String scheme = taxScheme(pts);
            String company = d.text(pts, NS_CBC, "CompanyID");
            if ("VAT".equals(scheme)) {
                vat = company;
            } else {
                taxReg = company;
            }
        }
        Element ple = d.one(p, NS_CAC, "PartyLegalEntity");
        String name = d.required(ple, NS_CBC, "RegistrationName", seller ? "BT-27 seller name" : "BT-44 buyer name");
        Identifier legal = ple == null ? null : id(d.one(ple, NS_CBC, "CompanyID"));
        String legalInfo = ple == null ? null : d.text(ple, NS_CBC, "CompanyLegalForm");
        Contact contact = null;
        Element c = d.one(p, NS_CAC, "Contact");
        if (c != null) {
            contact = new Contact(d.text(c, NS_CBC, "Name"), d.text(c, NS_CBC, "Telephone"),
                    d.text(c, NS_CBC, "ElectronicMail"));
        }
        return new Party(name, trading, ids, legal, vat, taxReg, legalInfo, endpoint, address, contact);
    }

    private @Nullable String taxScheme(@Nullable Element parent) {
        if (parent == null) {
            return null;
        }
        return d.text(d.one(parent, NS_CAC, "TaxScheme"), NS_CBC, "ID");
    }

    private PostalAddress address(@Nullable Element a) {
        if (a == null) {
            throw new EInvoiceNotReadableException("missing postal address (PostalAddress)");
        }
        String line3 = null;
        Element al = d.one(a, NS_CAC, "AddressLine");
        if (al != null) {
            line3 = d.text(al, NS_CBC, "Line");
        }
        return new PostalAddress(d.text(a, NS_CBC, "StreetName"), d.text(a, NS_CBC, "AdditionalStreetName"), line3,
                d.text(a, NS_CBC, "CityName"), d.text(a, NS_CBC, "PostalZone"), d.text(a, NS_CBC, "CountrySubentity"),
                d.required(d.one(a, NS_CAC, "Country"), NS_CBC, "IdentificationCode", "country code"));
    }

    private @Nullable Identifier id(@Nullable Element e) {
        if (e == null) {
            return null;
        }
        String v = d.text(e);
        return v == null ? null : new Identifier(v, d.attr(e, "schemeID"));
    }

    private Attachment attachment(Element a) {
        String id = d.required(a, NS_CBC, "ID", "BT-122 supporting document reference");
        String description = d.text(a, NS_CBC, "DocumentDescription");
        d.one(a, NS_CBC, "DocumentTypeCode");
        Element att = d.one(a, NS_CAC, "Attachment");
        byte[] content = null;
        String mime = null;
        String filename = null;
        String uri = null;
        if (att != null) {
            Element bin = d.one(att, NS_CBC, "EmbeddedDocumentBinaryObject");
            if (bin != null) {
                String b64 = d.text(bin);
                try {
                    content = b64 == null ? new byte[0] : Base64.getMimeDecoder().decode(b64);
                } catch (IllegalArgumentException e) {
                    throw new EInvoiceNotReadableException("attachment " + Text.quote(id) + " is not valid base64 at " + d.path(bin));
                }
                mime = d.attr(bin, "mimeCode");
                filename = d.attr(bin, "filename");
            }
            Element ext = d.one(att, NS_CAC, "ExternalReference");
            if (ext != null) {
                uri = d.text(ext, NS_CBC, "URI");
            }
        }
        return new Attachment(id, description, uri, content, mime, filename);
    }

    private AllowanceCharge allowanceCharge(Element ac) {
        Element cat = d.one(ac, NS_CAC, "TaxCategory");
        taxScheme(cat);
        return new AllowanceCharge("true".equals(d.text(ac, NS_CBC, "ChargeIndicator")),
                d.requiredDecimal(ac, NS_CBC, "Amount", "allowance/charge amount"), d.decimal(ac, NS_CBC, "BaseAmount"),
                d.decimal(ac, NS_CBC, "MultiplierFactorNumeric"), d.text(ac, NS_CBC, "AllowanceChargeReason"),
                d.text(ac, NS_CBC, "AllowanceChargeReasonCode"), cat == null ? null : d.text(cat, NS_CBC, "ID"),
                cat == null ? null : d.decimal(cat, NS_CBC, "Percent"));
    }

    private Line line(Element l) {
        String id = d.required(l, NS_CBC, "ID", "BT-126 line id");
        String note = d.text(l, NS_CBC, "Note");
        Element q = d.one(l, NS_CBC, credit ? "CreditedQuantity" : "InvoicedQuantity");
        if (q == null) {
            throw new EInvoiceNotReadableException("line " + Text.quote(id) + ": missing BT-129 quantity");
        }
        BigDecimal quantity = d.decimal(q);
        String unit = d.attr(q, "unitCode");
        BigDecimal net = d.requiredDecimal(l, NS_CBC, "LineExtensionAmount", "BT-131 line net amount");
        String accounting = d.text(l, NS_CBC, "AccountingCost");
        Element ip = d.one(l, NS_CAC, "InvoicePeriod");
        Period period = ip == null ? null : period(ip);
        Element olr = d.one(l, NS_CAC, "OrderLineReference");
        String orderLine = olr == null ? null : d.text(olr, NS_CBC, "LineID");
        Identifier objectId = null;
        Element dr = d.one(l, NS_CAC, "DocumentReference");
        if (dr != null) {
            d.one(dr, NS_CBC, "DocumentTypeCode");
            objectId = id(d.one(dr, NS_CBC, "ID"));
        }
        List<AllowanceCharge> acs = new ArrayList<>();
        for (Element ac : d.all(l, NS_CAC, "AllowanceCharge")) {
            acs.add(allowanceCharge(ac));
        }
        Element item = d.one(l, NS_CAC, "Item");
        if (item == null || quantity == null || unit == null) {
            throw new EInvoiceNotReadableException("line " + Text.quote(id) + ": missing item, quantity or unit code");
        }
        String description = d.text(item, NS_CBC, "Description");
        String name = d.required(item, NS_CBC, "Name", "BT-153 item name");
        Element bi = d.one(item, NS_CAC, "BuyersItemIdentification");
        Element si = d.one(item, NS_CAC, "SellersItemIdentification");
        Element sti = d.one(item, NS_CAC, "StandardItemIdentification");
        Element oc = d.one(item, NS_CAC, "OriginCountry");
        List<ItemClassification> classes = new ArrayList<>();
        for (Element cc : d.all(item, NS_CAC, "CommodityClassification")) {
            Element code = d.one(cc, NS_CBC, "ItemClassificationCode");
            if (code != null) {
                String listId = d.attr(code, "listID");
                String v = d.text(code);
                if (v != null) {
                    classes.add(new ItemClassification(v, listId == null ? "ZZZ" : listId, d.attr(code, "listVersionID")));
                }
            }
        }
        Element ctc = d.one(item, NS_CAC, "ClassifiedTaxCategory");
        taxScheme(ctc);
        String category = d.required(ctc, NS_CBC, "ID", "BT-151 item VAT category");
        BigDecimal rate = ctc == null ? null : d.decimal(ctc, NS_CBC, "Percent");
        List<ItemAttribute> attributes = new ArrayList<>();
        for (Element aip : d.all(item, NS_CAC, "AdditionalItemProperty")) {
            attributes.add(new ItemAttribute(d.required(aip, NS_CBC, "Name", "BT-160"),
                    d.required(aip, NS_CBC, "Value", "BT-161")));
        }
        Element price = d.one(l, NS_CAC, "Price");
        BigDecimal netPrice = d.requiredDecimal(price, NS_CBC, "PriceAmount", "BT-146 item net price");
        Element bq = price == null ? null : d.one(price, NS_CBC, "BaseQuantity");
        BigDecimal baseQty = bq == null ? null : d.decimal(bq);
        String baseUnit = d.attr(bq, "unitCode");
        BigDecimal discount = null;
        BigDecimal gross = null;
        Element pac = price == null ? null : d.one(price, NS_CAC, "AllowanceCharge");
        if (pac != null) {
            d.one(pac, NS_CBC, "ChargeIndicator");
            discount = d.decimal(pac, NS_CBC, "Amount");
            gross = d.decimal(pac, NS_CBC, "BaseAmount");
        }
        return new Line(id, note, objectId, quantity, unit, net, orderLine, accounting, period, acs, netPrice, discount,
                gross, baseQty, baseUnit, category, rate, name, description, si == null ? null : d.text(si, NS_CBC, "ID"),
                bi == null ? null : d.text(bi, NS_CBC, "ID"), sti == null ? null : id(d.one(sti, NS_CBC, "ID")), classes,
                oc == null ? null : d.text(oc, NS_CBC, "IdentificationCode"), attributes);
    }

    private @Nullable Period period(Element p) {
        LocalDate start = date(d.one(p, NS_CBC, "StartDate"));
        LocalDate end = date(d.one(p, NS_CBC, "EndDate"));
        return start == null && end == null ? null : new Period(start, end);
    }

    private @Nullable LocalDate date(@Nullable Element e) {
        return e == null ? null : d.date(e, DateTimeFormatter.ISO_LOCAL_DATE);
    }
}
