/** Autopay: charging a {@link dev.billops.spi.PaymentGateway} for issued invoices, and reconciling charges whose result was unknown, never charging twice. */
@NullMarked
package dev.billops.spi.runtime.autopay;

import org.jspecify.annotations.NullMarked;
