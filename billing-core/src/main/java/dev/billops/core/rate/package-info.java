/** Rate rules and their resolution: which price applies to a piece of work on a date. */
@NullMarked
package dev.billops.core.rate;

import org.jspecify.annotations.NullMarked;
