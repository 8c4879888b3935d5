package dev.billops.einvoice;

import dev.billops.einvoice.model.AllowanceCharge;
import dev.billops.einvoice.model.Contact;
import dev.billops.einvoice.model.EInvoice;
import dev.billops.einvoice.model.Line;
import dev.billops.einvoice.model.Party;
import dev.billops.einvoice.model.PaymentInstructions;
import dev.billops.einvoice.model.VatBreakdown;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A profile (CIUS) an e-invoice is written for: its syntax, its specification identifier
 * (BT-24, UBL {@code cbc:CustomizationID}, CII {@code GuidelineSpecifiedDocumentContextParameter})
 * and business process (BT-23), and the business terms it requires beyond the document's
 * content. {@link #missingTerms} lists what an invoice lacks; the writer refuses such an invoice
 * before writing anything.
 */
public enum EInvoiceProfile {
    /** EN 16931 without a CIUS, in UBL. */
    EN16931_UBL(Syntax.UBL, Ids.EN16931, null, "EN 16931 (UBL)", "en16931-ubl"),
    /** EN 16931 without a CIUS, in CII. */
    EN16931_CII(Syntax.CII, Ids.EN16931, null, "EN 16931 (CII)", "en16931-cii"),
    /** XRechnung 3.0 (the German CIUS), in UBL. */
    XRECHNUNG_UBL(Syntax.UBL, Ids.XRECHNUNG, Ids.PEPPOL_PROCESS, "XRechnung 3.0 (UBL)", "xrechnung-ubl"),
    /** XRechnung 3.0 (the German CIUS), in CII. */
    XRECHNUNG_CII(Syntax.CII, Ids.XRECHNUNG, Ids.PEPPOL_PROCESS, "XRechnung 3.0 (CII)", "xrechnung-cii"),
    /** Peppol BIS Billing 3.0, in UBL. */
    PEPPOL_BIS(Syntax.UBL, Ids.PEPPOL, Ids.PEPPOL_PROCESS, "Peppol BIS Billing 3.0", "peppol"),
    /** Factur-X 1.0 / ZUGFeRD 2 profile EN 16931 (the XML of a Factur-X PDF), in CII. */
    FACTURX_EN16931(Syntax.CII, Ids.EN16931, null, "Factur-X EN 16931", "facturx");

    private final Syntax syntax;
    private final String specificationId;
    private final @Nullable String processId;
    private final String title;
    private final String cliName;

    EInvoiceProfile(Syntax syntax, String specificationId, @Nullable String processId, String title, String cliName) {
        this.syntax = syntax;
        this.specificationId = specificationId;
        this.processId = processId;
        this.title = title;
        this.cliName = cliName;
    }

    public Syntax syntax() {
        return syntax;
    }

    /** The specification identifier written as BT-24. */
    public String specificationId() {
        return specificationId;
    }

    /** The business process type written as BT-23, or null for none. */
    public @Nullable String processId() {
        return processId;
    }

    /** A human name, e.g. {@code "XRechnung 3.0 (UBL)"}. */
    public String title() {
        return title;
    }

    /** The short name used by the command line, e.g. {@code "xrechnung-ubl"}. */
    public String cliName() {
        return cliName;
    }

    /** The profile with {@link #cliName()} {@code name}, or null. */
    public static @Nullable EInvoiceProfile byCliName(String name) {
        for (EInvoiceProfile p : values()) {
            if (p.cliName.equals(name)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The business terms {@code invoice} lacks for this profile, each as its id and name (e.g.
     * {@code "BT-10 buyer reference"}), in a stable order; empty if none. Covers the terms the
     * EN 16931 core and the profile make mandatory, including those that depend on the VAT
     * categories used; the calculation rules are the validator's.
     */
    public List<String> missingTerms(EInvoice invoice) {
        Set<String> missing = new LinkedHashSet<>();
        Party seller = invoice.seller();
        Party buyer = invoice.buyer();
        if (invoice.lines().isEmpty()) {
            missing.add("BG-25 invoice line");
        }
        if (seller.identifiers().isEmpty() && seller.legalRegistration() == null && seller.vatId() == null) {
            missing.add("BT-29, BT-30 or BT-31 seller identifier, legal registration or VAT identifier (BR-CO-26)");
        }
        if (invoice.totals().payable().signum() > 0 && invoice.dueDate() == null && invoice.paymentTerms() == null) {
            missing.add("BT-9 payment due date or BT-20 payment terms (BR-CO-25)");
        }
        Set<String> categories = categories(invoice);
        boolean sellerTax = seller.vatId() != null || seller.taxRegistrationId() != null
                || invoice.taxRepresentative() != null;
        for (String c : List.of("S", "Z", "E", "L", "M")) {
            if (categories.contains(c) && !sellerTax) {
                missing.add("BT-31, BT-32 or BT-63 seller VAT identifier, tax registration or tax representative"
                        + " (category " + c + ")");
            }
        }
        boolean sellerVat = seller.vatId() != null || invoice.taxRepresentative() != null;
        for (String c : List.of("AE", "K", "G")) {
            if (categories.contains(c) && !sellerVat) {
                missing.add("BT-31 or BT-63 seller VAT identifier or tax representative VAT identifier (category " + c
                        + ")");
            }
        }
        if (categories.contains("AE") && buyer.vatId() == null && buyer.legalRegistration() == null) {
            missing.add("BT-48 or BT-47 buyer VAT identifier or legal registration (category AE)");
        }
        if (categories.contains("K")) {
            if (buyer.vatId() == null) {
                missing.add("BT-48 buyer VAT identifier (category K)");
            }
            boolean dated = invoice.invoicingPeriod() != null
                    || (invoice.delivery() != null && invoice.delivery().date() != null);
            if (!dated) {
                missing.add("BT-72 actual delivery date or BG-14 invoicing period (category K)");
            }
            if (invoice.delivery() == null || invoice.delivery().address() == null) {
                missing.add("BT-80 deliver-to country code (category K)");
            }
        }
        for (VatBreakdown b : invoice.vatBreakdown()) {
            boolean needsReason = switch (b.category()) {
                case "E", "AE", "K", "G", "O" -> true;
                default -> false;
            };
            if (needsReason && b.exemptionReason() == null && b.exemptionReasonCode() == null) {
                missing.add("BT-120 or BT-121 VAT exemption reason or reason code (category " + b.category() + ")");
            }
        }
        switch (this) {
            case XRECHNUNG_UBL, XRECHNUNG_CII -> xrechnung(invoice, missing);
            case PEPPOL_BIS -> peppol(invoice, missing);
            default -> {
            }
        }
        return new ArrayList<>(missing);
    }

    private static void xrechnung(EInvoice invoice, Set<String> missing) {
        Party seller = invoice.seller();
        Party buyer = invoice.buyer();
        if (invoice.buyerReference() == null) {
            missing.add("BT-10 buyer reference (BR-DE-15)");
        }
        if (seller.electronicAddress() == null) {
            missing.add("BT-34 seller electronic address (BR-DE-16)");
        }
        if (buyer.electronicAddress() == null) {
            missing.add("BT-49 buyer electronic address (BR-DE-16)");
        }
        Contact contact = seller.contact();
        if (contact == null || contact.name() == null) {
            missing.add("BT-41 seller contact point (BR-DE-5)");
        }
        if (contact == null || contact.phone() == null) {
            missing.add("BT-42 seller contact telephone number (BR-DE-6)");
        }
        if (contact == null || contact.email() == null) {
            missing.add("BT-43 seller contact e-mail address (BR-DE-7)");
        }
        if (seller.address().city() == null) {
            missing.add("BT-37 seller city (BR-DE-3)");
        }
        if (seller.address().postalCode() == null) {
            missing.add("BT-38 seller post code (BR-DE-4)");
        }
        if (buyer.address().city() == null) {
            missing.add("BT-52 buyer city (BR-DE-8)");
        }
        if (buyer.address().postalCode() == null) {
            missing.add("BT-53 buyer post code (BR-DE-9)");
        }
        PaymentInstructions payment = invoice.payment();
        if (payment == null) {
            missing.add("BG-16 payment instructions (BR-DE-1)");
        } else {
            boolean transfer = payment.meansCode().equals("30") || payment.meansCode().equals("58");
            if (transfer && payment.creditTransfers().isEmpty()) {
                missing.add("BG-17 credit transfer account (BR-DE-23)");
            }
            if (payment.meansCode().equals("59") && payment.directDebit() == null) {
                missing.add("BG-19 direct debit (BR-DE-25)");
            }
        }
    }

    private static void peppol(EInvoice invoice, Set<String> missing) {
        if (invoice.buyerReference() == null && invoice.purchaseOrderReference() == null) {
            missing.add("BT-10 buyer reference or BT-13 purchase order reference (PEPPOL-EN16931-R003)");
        }
        if (invoice.seller().electronicAddress() == null) {
            missing.add("BT-34 seller electronic address (PEPPOL-EN16931-R020)");
        } else if (invoice.seller().electronicAddress().scheme().equals("EM")) {
            missing.add("BT-34 seller electronic address in a Peppol EAS scheme; e-mail (EM) is not one"
                    + " (PEPPOL-EN16931-CL008)");
        }
        if (invoice.buyer().electronicAddress() == null) {
            missing.add("BT-49 buyer electronic address (PEPPOL-EN16931-R010)");
        } else if (invoice.buyer().electronicAddress().scheme().equals("EM")) {
            missing.add("BT-49 buyer electronic address in a Peppol EAS scheme; e-mail (EM) is not one"
                    + " (PEPPOL-EN16931-CL008)");
        }
    }

    /** Invoice and credit note type codes of Peppol BIS Billing (PEPPOL-EN16931-P0100/P0101). */
    private static final Set<String> PEPPOL_TYPE_CODES = Set.of("71", "80", "82", "84", "102", "218", "219", "326",
            "331", "380", "382", "383", "384", "386", "388", "393", "395", "553", "575", "623", "780", "817", "870",
            "875", "876", "877", "81", "83", "381", "396", "532");

    /**
     * Whether this profile allows document type code {@code typeCode} (BT-3). Peppol BIS Billing
     * allows a subset of UNTDID 1001 that leaves out, e.g., 389 self-billed (self-billing has a
     * Peppol process of its own); the other profiles take every code.
     */
    public boolean allowsTypeCode(String typeCode) {
        return this != PEPPOL_BIS || PEPPOL_TYPE_CODES.contains(typeCode);
    }

    private static Set<String> categories(EInvoice invoice) {
        Set<String> categories = new LinkedHashSet<>();
        for (Line line : invoice.lines()) {
            categories.add(line.vatCategory());
        }
        for (AllowanceCharge ac : invoice.allowancesCharges()) {
            if (ac.vatCategory() != null) {
                categories.add(ac.vatCategory());
            }
        }
        for (VatBreakdown b : invoice.vatBreakdown()) {
            categories.add(b.category());
        }
        return categories;
    }

    /** The identifiers, as constants (an enum's constructor cannot read its own static fields). */
    private static final class Ids {
        static final String EN16931 = "urn:cen.eu:en16931:2017";
        static final String XRECHNUNG = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0";
        static final String PEPPOL = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
        static final String PEPPOL_PROCESS = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    }
}
