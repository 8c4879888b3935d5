/**
 * The store ports: what a storage backend implements so that {@code Billing} can run on it (the
 * JDBC stores of billing-jdbc, the in-memory store). Hosts pass a {@link BillingStore} to
 * {@code Billing.builder().stores(..)} and call nothing else here. Every port is reached through a
 * tenant-scoped {@link StoreSession} inside one transaction.
 */
@NullMarked
package dev.billops.core.spi;

import org.jspecify.annotations.NullMarked;
