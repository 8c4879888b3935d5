/** Notifications from billing events: invoice issued (with its PDF), payment receipts and failures, reminders and overdue notices, sent to every {@link dev.billops.spi.Notifier}. */
@NullMarked
package dev.billops.spi.runtime.notify;

import org.jspecify.annotations.NullMarked;
