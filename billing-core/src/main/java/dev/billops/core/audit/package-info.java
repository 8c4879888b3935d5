/** The audit log: who changed what, when, before and after. */
@NullMarked
package dev.billops.core.audit;

import org.jspecify.annotations.NullMarked;
