/**
 * Invoice and credit-note PDFs: {@link dev.billops.pdf.InvoicePdfRenderer} turns an
 * {@link dev.billops.pdf.InvoiceDocument} (seller, buyer, invoice) into a localized A4 or Letter
 * PDF with an embedded Unicode font, optionally with an EPC (SEPA) payment QR code.
 *
 * <p>Rendering is deterministic: the same document and options give the same bytes, so PDFs can
 * be archived reproducibly and compared in tests.
 */
@NullMarked
package dev.billops.pdf;

import org.jspecify.annotations.NullMarked;
