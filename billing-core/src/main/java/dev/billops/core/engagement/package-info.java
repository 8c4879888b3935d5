/** Engagements and package (retainer) billing: periods, proration, the billing run, renewals. */
@NullMarked
package dev.billops.core.engagement;

import org.jspecify.annotations.NullMarked;
