/**
 * Not API: the timeentry engines behind the facade.
 */
@NullMarked
package dev.billops.core.internal.timeentry;

import org.jspecify.annotations.NullMarked;
