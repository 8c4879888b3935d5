/**
 * EN 16931 e-invoices for BillOps: {@link dev.billops.einvoice.EInvoiceMapper} turns an invoice,
 * its tenant and client into the syntax-neutral {@link dev.billops.einvoice.model.EInvoice},
 * {@link dev.billops.einvoice.EInvoiceWriter} writes it as UBL 2.1 or UN/CEFACT CII D16B for an
 * {@link dev.billops.einvoice.EInvoiceProfile} (EN 16931, XRechnung 3.0, Peppol BIS 3.0,
 * Factur-X), and {@link dev.billops.einvoice.EInvoiceReader} reads UBL and CII back, refusing
 * hostile XML. Validation against the official rule sets is the optional module
 * {@code billing-einvoice-validation}.
 */
@NullMarked
package dev.billops.einvoice;

import org.jspecify.annotations.NullMarked;
