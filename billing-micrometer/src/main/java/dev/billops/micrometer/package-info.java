/**
 * Micrometer meters for BillOps, usable with or without Spring: {@link dev.billops.micrometer.BillingMeters}
 * is a {@code MeterBinder}, an event listener plugin and a plugin call listener in one.
 */
@NullMarked
package dev.billops.micrometer;

import org.jspecify.annotations.NullMarked;
