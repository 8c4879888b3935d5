/**
 * Persistence of every BillOps port on Jdbi 3, for PostgreSQL (production) and an embedded H2
 * (the default): {@link dev.billops.jdbc.JdbcStores} builds a {@code BillingStore}, migrates its
 * schema and hands out the outbox dispatcher.
 */
@NullMarked
package dev.billops.jdbc;

import org.jspecify.annotations.NullMarked;
