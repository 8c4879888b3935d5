/**
 * Offline validation of e-invoices against the official rule sets: the EN 16931 schematron
 * (CEN validation artefacts 1.3.16) for UBL and CII, XRechnung 3.0.2 and Peppol BIS Billing 3.0,
 * each with its XML schema, run by phive. {@link dev.billops.einvoice.validation.EInvoiceValidator}
 * reports every finding with rule id, severity, location and message. An optional module: hosts
 * that do not validate need not carry the rule sets.
 */
@NullMarked
package dev.billops.einvoice.validation;

import org.jspecify.annotations.NullMarked;
