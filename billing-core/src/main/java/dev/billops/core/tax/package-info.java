/** Tax categories, treatments and the EN 16931 tax and totals engine. */
@NullMarked
package dev.billops.core.tax;

import org.jspecify.annotations.NullMarked;
