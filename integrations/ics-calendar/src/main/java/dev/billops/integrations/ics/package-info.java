/**
 * A {@link dev.billops.spi.CalendarSource} reading RFC 5545 (iCalendar) files and feeds as Google
 * Calendar and Outlook export them: {@link dev.billops.integrations.ics.IcsCalendarSource}.
 *
 * <p>ical4j does the lexing (line unfolding, components, properties, parameters) and the RRULE
 * arithmetic; dates, time zones, overrides and the mapping to
 * {@link dev.billops.spi.CalendarEvent} are ours, so that every problem becomes a
 * {@link dev.billops.spi.MalformedCalendarException} naming the event and the value. ical4j's
 * network time-zone updates are off (an {@code ical4j.properties} resource in this jar, and the
 * system property when the host has not set it).
 */
@NullMarked
package dev.billops.integrations.ics;

import org.jspecify.annotations.NullMarked;
