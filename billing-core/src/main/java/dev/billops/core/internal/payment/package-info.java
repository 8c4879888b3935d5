/**
 * Not API: the payment engines behind the facade.
 */
@NullMarked
package dev.billops.core.internal.payment;

import org.jspecify.annotations.NullMarked;
