/**
 * Factur-X / ZUGFeRD hybrid invoices: a PDF/A-3b whose embedded CII XML is the legally binding
 * invoice. Needs Apache PDFBox ({@code org.apache.pdfbox:pdfbox}) on the class path, an optional
 * dependency of billing-einvoice.
 */
@NullMarked
package dev.billops.einvoice.facturx;

import org.jspecify.annotations.NullMarked;
