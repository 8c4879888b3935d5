/** Calendar import: calendar events of a {@link dev.billops.spi.CalendarSource} to time entries, idempotent by event uid. */
@NullMarked
package dev.billops.spi.runtime.calendar;

import org.jspecify.annotations.NullMarked;
