/**
 * A store that keeps everything in memory: {@link dev.billops.core.memory.InMemoryBillingStore}
 * implements every store port with the same contract as the JDBC stores (the testkit's store
 * contract runs against both). Hosts use it for previews ("what would this month's invoices
 * be?") and in their own tests; {@link dev.billops.core.memory.StoreSnapshot} lets a test prove
 * that a failed operation stored nothing. Nothing survives the JVM.
 */
@NullMarked
package dev.billops.core.memory;

import org.jspecify.annotations.NullMarked;
