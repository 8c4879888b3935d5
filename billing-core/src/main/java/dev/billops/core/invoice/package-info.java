/**
 * Invoices and credit notes: the model, generation from time, lifecycle and issue (numbers from
 * {@code dev.billops.core.numbering}).
 */
@NullMarked
package dev.billops.core.invoice;

import org.jspecify.annotations.NullMarked;
