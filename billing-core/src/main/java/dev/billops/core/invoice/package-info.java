/** Invoices and credit notes: the model, generation from time, lifecycle and numbering. */
@NullMarked
package dev.billops.core.invoice;

import org.jspecify.annotations.NullMarked;
