/**
 * The storage seam: transactions and tenant-scoped sessions. The ports themselves live beside
 * their records ({@code invoice.InvoiceStore}, {@code timeentry.TimeEntryStore}, …).
 */
@NullMarked
package dev.billops.core.store;

import org.jspecify.annotations.NullMarked;
