/**
 * Not API: what the facade is built from. Types here may change in any release; hosts use
 * {@code dev.billops.core.Billing} and {@code TenantBilling} instead.
 */
@NullMarked
package dev.billops.core.internal;

import org.jspecify.annotations.NullMarked;
