/**
 * An in-memory {@link dev.billops.core.spi.BillingStore} with every port of billing-core, for
 * tests and examples, plus snapshots that let a test prove that a failed operation stored nothing.
 */
@NullMarked
package dev.billops.testkit.store;

import org.jspecify.annotations.NullMarked;
