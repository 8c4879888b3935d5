/** The smallest host application: the library API in one {@code main}. */
@NullMarked
package dev.billops.examples.minimal;

import org.jspecify.annotations.NullMarked;
