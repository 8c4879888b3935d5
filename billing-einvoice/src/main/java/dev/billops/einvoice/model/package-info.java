/**
 * The EN 16931 semantic model of an invoice or credit note, independent of any syntax: the
 * business groups (BG-n) and terms (BT-n) as records. Built from a BillOps invoice by
 * {@link dev.billops.einvoice.EInvoiceMapper}, read from UBL or CII by
 * {@link dev.billops.einvoice.EInvoiceReader}, written by {@link dev.billops.einvoice.EInvoiceWriter}.
 *
 * <p>Amounts are exact {@link java.math.BigDecimal}s in the document currency (BT-5) as they
 * appear in the document; the records check presence and shape, not the EN 16931 calculation
 * rules, so that a received document that breaks them can still be read and reported by the
 * validator. Every record is immutable and thread-safe.
 */
@NullMarked
package dev.billops.einvoice.model;

import org.jspecify.annotations.NullMarked;
