/** Clocks for tests: a fixed instant that a test moves by hand. */
@NullMarked
package dev.billops.testkit.clock;

import org.jspecify.annotations.NullMarked;
