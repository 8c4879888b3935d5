/**
 * Not API: the rate engines behind the facade.
 */
@NullMarked
package dev.billops.core.internal.rate;

import org.jspecify.annotations.NullMarked;
