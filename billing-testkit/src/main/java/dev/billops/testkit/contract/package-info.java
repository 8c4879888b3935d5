/**
 * The store contract tests: abstract JUnit 5 classes that state the contract of every port of
 * billing-core once and run it against any {@link dev.billops.core.spi.BillingStore}. Start
 * with {@link dev.billops.testkit.contract.StoreContractSuite}.
 */
@NullMarked
package dev.billops.testkit.contract;

import org.jspecify.annotations.NullMarked;
