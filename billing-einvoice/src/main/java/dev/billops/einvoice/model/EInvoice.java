package dev.billops.einvoice.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An EN 16931 invoice or credit note, syntax-neutral.
 *
 * <p>Build one from a BillOps invoice with {@link dev.billops.einvoice.EInvoiceMapper} and add what
 * BillOps does not store with the withers (e.g. {@link #withBuyerReference}); or read one with
 * {@link dev.billops.einvoice.EInvoiceReader}. Withers never recompute totals: the document says
 * what its issuer computed, and the validator checks it.
 *
 * @param specificationId specification identifier (BT-24) as read; writers write their profile's, or null
 * @param processId business process type (BT-23) as read; writers write their profile's, or null
 * @param number invoice number (BT-1)
 * @param issueDate issue date (BT-2)
 * @param typeCode invoice type code from UNTDID 1001 (BT-3): 380 invoice, 381 credit note, 384 corrected, 389 self-billed, 326 partial, 386 prepayment
 * @param currency invoice currency code, ISO 4217 (BT-5)
 * @param taxPointDate VAT point date (BT-7), or null
 * @param taxPointDateCode VAT point date code from UNTDID 2005 (BT-8), or null
 * @param dueDate payment due date (BT-9), or null
 * @param buyerReference buyer reference (BT-10), e.g. a German Leitweg-ID, or null
 * @param projectReference project reference (BT-11), or null
 * @param contractReference contract reference (BT-12), or null
 * @param purchaseOrderReference purchase order reference (BT-13), or null
 * @param salesOrderReference sales order reference (BT-14), or null
 * @param buyerAccountingReference buyer accounting reference (BT-19), or null
 * @param paymentTerms payment terms (BT-20), or null
 * @param notes invoice notes (BG-1)
 * @param precedingInvoices preceding invoice references (BG-3)
 * @param seller the seller (BG-4)
 * @param buyer the buyer (BG-7)
 * @param payee the payee (BG-10), or null
 * @param taxRepresentative the seller's tax representative (BG-11), or null
 * @param delivery delivery information (BG-13), or null
 * @param invoicingPeriod invoicing period (BG-14), or null
 * @param payment payment instructions (BG-16), or null
 * @param allowancesCharges document-level allowances and charges (BG-20/BG-21)
 * @param totals document totals (BG-22)
 * @param vatBreakdown VAT breakdown (BG-23)
 * @param attachments additional supporting documents (BG-24)
 * @param lines invoice lines (BG-25)
 */
public record EInvoice(
        @Nullable String specificationId,
        @Nullable String processId,
        String number,
        LocalDate issueDate,
        String typeCode,
        String currency,
        @Nullable LocalDate taxPointDate,
        @Nullable String taxPointDateCode,
        @Nullable LocalDate dueDate,
        @Nullable String buyerReference,
        @Nullable String projectReference,
        @Nullable String contractReference,
        @Nullable String purchaseOrderReference,
        @Nullable String salesOrderReference,
        @Nullable String buyerAccountingReference,
        @Nullable String paymentTerms,
        List<Note> notes,
        List<DocumentReference> precedingInvoices,
        Party seller,
        Party buyer,
        @Nullable Payee payee,
        @Nullable TaxRepresentative taxRepresentative,
        @Nullable Delivery delivery,
        @Nullable Period invoicingPeriod,
        @Nullable PaymentInstructions payment,
        List<AllowanceCharge> allowancesCharges,
        Totals totals,
        List<VatBreakdown> vatBreakdown,
        List<Attachment> attachments,
        List<Line> lines) {

    public EInvoice {
        number = Checks.text("invoice number", number);
        Objects.requireNonNull(issueDate, "issueDate");
        typeCode = Checks.text("invoice type code", typeCode);
        currency = Checks.text("invoice currency code", currency);
        taxPointDateCode = Checks.optional("VAT point date code from UNTDID 2005", taxPointDateCode);
        buyerReference = Checks.optional("buyer reference", buyerReference);
        projectReference = Checks.optional("project reference", projectReference);
        contractReference = Checks.optional("contract reference", contractReference);
        purchaseOrderReference = Checks.optional("purchase order reference", purchaseOrderReference);
        salesOrderReference = Checks.optional("sales order reference", salesOrderReference);
        buyerAccountingReference = Checks.optional("buyer accounting reference", buyerAccountingReference);
        paymentTerms = Checks.optional("payment terms", paymentTerms);
        notes = Checks.list("notes", notes);
        precedingInvoices = Checks.list("precedingInvoices", precedingInvoices);
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(buyer, "buyer");
        allowancesCharges = Checks.list("allowancesCharges", allowancesCharges);
        Objects.requireNonNull(totals, "totals");
        vatBreakdown = Checks.list("vatBreakdown", vatBreakdown);
        attachments = Checks.list("attachments", attachments);
        lines = Checks.list("lines", lines);

    }

    /** Commercial invoice (UNTDID 1001). */
    public static final String INVOICE = "380";
    /** Credit note (UNTDID 1001). */
    public static final String CREDIT_NOTE = "381";
    /** Corrected invoice (UNTDID 1001). */
    public static final String CORRECTED_INVOICE = "384";
    /** Self-billed invoice (UNTDID 1001). */
    public static final String SELF_BILLED_INVOICE = "389";
    /** Partial invoice (UNTDID 1001). */
    public static final String PARTIAL_INVOICE = "326";
    /** Prepayment invoice (UNTDID 1001). */
    public static final String PREPAYMENT_INVOICE = "386";

    /**
     * Whether this is a credit note by its type code (381, 396, 81, 83, 532), which UBL writes as a
     * {@code CreditNote} document.
     */
    public boolean isCreditNote() {
        return switch (typeCode) {
            case "381", "396", "81", "83", "532" -> true;
            default -> false;
        };
    }


    /** This document with another number (BT-1). */
    public EInvoice withNumber(String number) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with another type code (BT-3). */
    public EInvoice withTypeCode(String typeCode) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with a buyer reference (BT-10). */
    public EInvoice withBuyerReference(@Nullable String buyerReference) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with project, contract, purchase order, sales order and accounting references (BT-11 to BT-14, BT-19). */
    public EInvoice withReferences(@Nullable String projectReference, @Nullable String contractReference, @Nullable String purchaseOrderReference, @Nullable String salesOrderReference, @Nullable String buyerAccountingReference) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with a VAT point date (BT-7) or date code (BT-8). */
    public EInvoice withTaxPoint(@Nullable LocalDate taxPointDate, @Nullable String taxPointDateCode) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with a due date (BT-9). */
    public EInvoice withDueDate(@Nullable LocalDate dueDate) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with payment terms (BT-20). */
    public EInvoice withPaymentTerms(@Nullable String paymentTerms) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with its notes replaced (BG-1). */
    public EInvoice withNotes(List<Note> notes) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with its preceding invoice references replaced (BG-3). */
    public EInvoice withPrecedingInvoices(List<DocumentReference> precedingInvoices) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with another seller (BG-4). */
    public EInvoice withSeller(Party seller) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with another buyer (BG-7). */
    public EInvoice withBuyer(Party buyer) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with a payee (BG-10). */
    public EInvoice withPayee(@Nullable Payee payee) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with a tax representative (BG-11). */
    public EInvoice withTaxRepresentative(@Nullable TaxRepresentative taxRepresentative) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with delivery information (BG-13). */
    public EInvoice withDelivery(@Nullable Delivery delivery) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with an invoicing period (BG-14). */
    public EInvoice withInvoicingPeriod(@Nullable Period invoicingPeriod) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with payment instructions (BG-16). */
    public EInvoice withPayment(@Nullable PaymentInstructions payment) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with its document-level allowances and charges replaced; totals are not recomputed. */
    public EInvoice withAllowancesCharges(List<AllowanceCharge> allowancesCharges) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with other totals (BG-22); nothing is recomputed. */
    public EInvoice withTotals(Totals totals) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with another VAT breakdown (BG-23); nothing is recomputed. */
    public EInvoice withVatBreakdown(List<VatBreakdown> vatBreakdown) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with its attachments replaced (BG-24). */
    public EInvoice withAttachments(List<Attachment> attachments) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with its lines replaced; totals are not recomputed. */
    public EInvoice withLines(List<Line> lines) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

    /** This document with the specification (BT-24) and process (BT-23) identifiers as read. */
    public EInvoice withSpecification(@Nullable String specificationId, @Nullable String processId) {
        return new EInvoice(specificationId, processId, number, issueDate, typeCode, currency, taxPointDate, taxPointDateCode, dueDate, buyerReference, projectReference, contractReference, purchaseOrderReference, salesOrderReference, buyerAccountingReference, paymentTerms, notes, precedingInvoices, seller, buyer, payee, taxRepresentative, delivery, invoicingPeriod, payment, allowancesCharges, totals, vatBreakdown, attachments, lines);
    }

}
