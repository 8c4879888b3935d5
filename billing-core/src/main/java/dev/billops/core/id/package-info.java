/** Typed ids ({@code ClientId}, not {@code String}) for every stored entity. */
@NullMarked
package dev.billops.core.id;

import org.jspecify.annotations.NullMarked;
