/** Domain events and the outbox port they are written to. */
@NullMarked
package dev.billops.core.event;

import org.jspecify.annotations.NullMarked;
