/**
 * JSON for BillOps domain values with Jackson: {@link dev.billops.jackson.BillOpsJacksonModule}
 * and the shared configuration {@link dev.billops.jackson.BillOpsJson}.
 */
@NullMarked
package dev.billops.jackson;

import org.jspecify.annotations.NullMarked;
