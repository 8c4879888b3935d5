/**
 * JSON for BillOps domain values with Jackson 3 ({@code tools.jackson}):
 * {@link dev.billops.jackson3.BillOpsJackson3Module} and the shared configuration
 * {@link dev.billops.jackson3.BillOpsJson3}.
 */
@NullMarked
package dev.billops.jackson3;

import org.jspecify.annotations.NullMarked;
