/**
 * Implementation of the JDBC stores: one class per core port, the session that binds them to a
 * Jdbi handle, column conversions and error translation. Not API.
 */
@NullMarked
package dev.billops.jdbc.internal;

import org.jspecify.annotations.NullMarked;
