/** Payments, allocations, client credit, refunds, receivables, reminders and late fees. */
@NullMarked
package dev.billops.core.payment;

import org.jspecify.annotations.NullMarked;
