package dev.billops.core.invoice;

import dev.billops.core.error.InvalidBusinessTermException;
import dev.billops.core.error.CodeLists;
import org.jspecify.annotations.Nullable;

/**
 * The buyer's references a document carries, and its payment terms text. Every part is optional
 * (null); a given text is never blank. Build from {@link #none()} with the withers and set on a
 * draft with {@code Invoices.references(draftId, refs)}, or on drafts from time with
 * {@link DraftOptions#withReferences}. At issue a missing buyer reference is taken from the
 * client's {@linkplain dev.billops.core.party.PartyDetails#buyerReference() default}.
 *
 * @param buyerReference buyer reference (BT-10), e.g. a German Leitweg-ID
 * @param purchaseOrder purchase order reference (BT-13)
 * @param project project reference (BT-11)
 * @param contract contract reference (BT-12)
 * @param salesOrder the seller's sales order reference (BT-14)
 * @param buyerAccounting buyer accounting reference (BT-19)
 * @param paymentTerms payment terms text (BT-20)
 */
public record InvoiceReferences(
        @Nullable String buyerReference,
        @Nullable String purchaseOrder,
        @Nullable String project,
        @Nullable String contract,
        @Nullable String salesOrder,
        @Nullable String buyerAccounting,
        @Nullable String paymentTerms) {

    private static final InvoiceReferences NONE = new InvoiceReferences(null, null, null, null, null, null, null);

    /** Longest payment terms text. */
    public static final int MAX_TERMS = 4000;

    /** @throws InvalidBusinessTermException if a given text is blank */
    public InvoiceReferences {
        int max = CodeLists.MAX_TERM;
        buyerReference = CodeLists.optionalText("BT-10 buyer reference", buyerReference, max);
        purchaseOrder = CodeLists.optionalText("BT-13 purchase order reference", purchaseOrder, max);
        project = CodeLists.optionalText("BT-11 project reference", project, max);
        contract = CodeLists.optionalText("BT-12 contract reference", contract, max);
        salesOrder = CodeLists.optionalText("BT-14 sales order reference", salesOrder, max);
        buyerAccounting = CodeLists.optionalText("BT-19 buyer accounting reference", buyerAccounting, max);
        paymentTerms = CodeLists.optionalText("BT-20 payment terms", paymentTerms, MAX_TERMS);
    }

    /** No references. */
    public static InvoiceReferences none() {
        return NONE;
    }

    /** Only buyer reference {@code reference} (BT-10). */
    public static InvoiceReferences buyer(String reference) {
        return NONE.withBuyerReference(java.util.Objects.requireNonNull(reference, "reference"));
    }

    /** Whether every part is null. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    public InvoiceReferences withBuyerReference(@Nullable String reference) {
        return new InvoiceReferences(reference, purchaseOrder, project, contract, salesOrder, buyerAccounting,
                paymentTerms);
    }

    public InvoiceReferences withPurchaseOrder(@Nullable String reference) {
        return new InvoiceReferences(buyerReference, reference, project, contract, salesOrder, buyerAccounting,
                paymentTerms);
    }

    public InvoiceReferences withProject(@Nullable String reference) {
        return new InvoiceReferences(buyerReference, purchaseOrder, reference, contract, salesOrder, buyerAccounting,
                paymentTerms);
    }

    public InvoiceReferences withContract(@Nullable String reference) {
        return new InvoiceReferences(buyerReference, purchaseOrder, project, reference, salesOrder, buyerAccounting,
                paymentTerms);
    }

    public InvoiceReferences withSalesOrder(@Nullable String reference) {
        return new InvoiceReferences(buyerReference, purchaseOrder, project, contract, reference, buyerAccounting,
                paymentTerms);
    }

    public InvoiceReferences withBuyerAccounting(@Nullable String reference) {
        return new InvoiceReferences(buyerReference, purchaseOrder, project, contract, salesOrder, reference,
                paymentTerms);
    }

    public InvoiceReferences withPaymentTerms(@Nullable String text) {
        return new InvoiceReferences(buyerReference, purchaseOrder, project, contract, salesOrder, buyerAccounting,
                text);
    }

    /** These references with every part of {@code other} that is not null put over this one's. */
    public InvoiceReferences overriddenBy(InvoiceReferences other) {
        return new InvoiceReferences(or(other.buyerReference, buyerReference), or(other.purchaseOrder, purchaseOrder),
                or(other.project, project), or(other.contract, contract), or(other.salesOrder, salesOrder),
                or(other.buyerAccounting, buyerAccounting), or(other.paymentTerms, paymentTerms));
    }

    private static @Nullable String or(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }
}
