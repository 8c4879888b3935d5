/** Time entries: logging, validation, overlap detection, summaries and budgets. */
@NullMarked
package dev.billops.core.timeentry;

import org.jspecify.annotations.NullMarked;
