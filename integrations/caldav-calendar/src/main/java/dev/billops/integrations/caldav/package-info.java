/**
 * Calendar write-back over CalDAV (RFC 4791): {@link dev.billops.integrations.caldav.CalendarWriteBack}
 * creates, updates and deletes one event per time entry in a calendar collection, conditional on
 * the ETag it last wrote, and {@link dev.billops.integrations.caldav.CalDavCalendar} reads the
 * collection back as a {@link dev.billops.spi.CalendarSource}.
 *
 * <p>The protocol is spoken with the JDK's {@link java.net.http.HttpClient}: PUT, DELETE, PROPFIND
 * and the calendar-query REPORT, Basic authentication, no redirects. Responses are read up to a
 * bound and multistatus XML is parsed without DTDs or external entities; the calendar data in
 * them is parsed by the ICS module.
 */
@NullMarked
package dev.billops.integrations.caldav;

import org.jspecify.annotations.NullMarked;
