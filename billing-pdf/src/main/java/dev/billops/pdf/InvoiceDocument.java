package dev.billops.pdf;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything printed on one invoice or credit note.
 *
 * @param seller the issuing tenant
 * @param buyer the billed client; must be the invoice's client
 * @param invoice the invoice or credit note; a draft renders as a preview marked DRAFT
 * @param creditedInvoiceNumber for a credit note, the number of the invoice it credits (printed
 *     instead of the invoice id); null otherwise, or when unknown
 */
public record InvoiceDocument(Tenant seller, Client buyer, Invoice invoice, @Nullable String creditedInvoiceNumber) {

    public InvoiceDocument {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(invoice, "invoice");
        if (!buyer.id().equals(invoice.clientId())) {
            throw new InvalidInputException("invoice " + label(invoice) + " bills client " + invoice.clientId()
                    + ", not the buyer " + buyer.id() + " it is printed for");
        }
        if (creditedInvoiceNumber != null && invoice.type() != DocumentType.CREDIT_NOTE) {
            throw new InvalidInputException("invoice " + label(invoice) + " is not a credit note, so it credits no "
                    + "invoice (got credited invoice number '" + creditedInvoiceNumber + "')");
        }
    }

    /** An invoice, or a credit note whose credited invoice is shown by id. */
    public static InvoiceDocument of(Tenant seller, Client buyer, Invoice invoice) {
        return new InvoiceDocument(seller, buyer, invoice, null);
    }

    /** A credit note and the number of the invoice it credits. */
    public static InvoiceDocument creditNote(Tenant seller, Client buyer, Invoice creditNote,
            String creditedInvoiceNumber) {
        Objects.requireNonNull(creditedInvoiceNumber, "creditedInvoiceNumber");
        return new InvoiceDocument(seller, buyer, creditNote, creditedInvoiceNumber);
    }

    private static String label(Invoice invoice) {
        return invoice.number() != null ? invoice.number() : invoice.id().value();
    }
}
