/**
 * Not API: the invoice engines behind the facade.
 */
@NullMarked
package dev.billops.core.internal.invoice;

import org.jspecify.annotations.NullMarked;
