/** The entry point: {@link dev.billops.core.Billing} and its per-tenant facade. */
@NullMarked
package dev.billops.core;

import org.jspecify.annotations.NullMarked;
