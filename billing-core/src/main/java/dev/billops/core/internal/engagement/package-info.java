/**
 * Not API: the engagement engines behind the facade.
 */
@NullMarked
package dev.billops.core.internal.engagement;

import org.jspecify.annotations.NullMarked;
