package dev.billops.integrations.caldav;

import dev.billops.core.id.TenantId;
import dev.billops.core.timeentry.TimeEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HexFormat;

/**
 * The iCalendar object (RFC 5545) of one time entry: a VEVENT with UID, DTSTAMP, DTSTART and
 * DTEND (with a TZID and its VTIMEZONE, or in UTC for entries worked at a fixed offset),
 * SUMMARY, DESCRIPTION, and X-BILLOPS properties naming the tenant, entry and timekeeper.
 *
 * <p>Times are written to the second (the start truncated, the end too, but at least a second
 * after the start). The VTIMEZONE lists the zone's offsets from the start of the year before
 * the entry to the end of the year after it, one STANDARD or DAYLIGHT component per transition,
 * so it is exact for the event and for moves of it within that window.
 */
final class EventText {

    static final String PRODID = "-//BillOps//BillOps caldav-calendar//EN";
    static final String X_TENANT = "X-BILLOPS-TENANT";
    static final String X_ENTRY = "X-BILLOPS-ENTRY";
    static final String X_TIMEKEEPER = "X-BILLOPS-TIMEKEEPER";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    /** An object's text, and the digest of everything in it but its DTSTAMP. */
    record Rendered(String body, String digest) {
    }

    private EventText() {
    }

    static Rendered render(TenantId tenant, TimeEntry entry, String uid, String summary, Instant dtstamp) {
        ZoneId zone = entry.span().zone();
        Instant start = entry.span().start().truncatedTo(ChronoUnit.SECONDS);
        Instant end = entry.span().end().truncatedTo(ChronoUnit.SECONDS);
        if (!end.isAfter(start)) {
            end = start.plusSeconds(1);
        }
        boolean utc = zone instanceof ZoneOffset || zone.normalized().equals(ZoneOffset.UTC);
        ContentLines c = new ContentLines()
                .add("BEGIN", "VCALENDAR")
                .add("VERSION", "2.0")
                .add("PRODID", PRODID)
                .add("CALSCALE", "GREGORIAN");
        if (!utc) {
            vtimezone(c, zone, start, end);
        }
        c.add("BEGIN", "VEVENT")
                .add("UID", uid)
                .add("DTSTAMP", utc(dtstamp));
        if (utc) {
            c.add("DTSTART", utc(start)).add("DTEND", utc(end));
        } else {
            c.add("DTSTART", "TZID", zone.getId(), LOCAL.format(LocalDateTime.ofInstant(start, zone)))
                    .add("DTEND", "TZID", zone.getId(), LOCAL.format(LocalDateTime.ofInstant(end, zone)));
        }
        c.text("SUMMARY", summary);
        if (!entry.description().isEmpty()) {
            c.text("DESCRIPTION", entry.description());
        }
        c.add("STATUS", "CONFIRMED")
                .add("TRANSP", "OPAQUE")
                .add(X_TENANT, tenant.value())
                .add(X_ENTRY, entry.id().value())
                .add(X_TIMEKEEPER, entry.timekeeperId().value())
                .add("END", "VEVENT")
                .add("END", "VCALENDAR");
        return new Rendered(c.toString(), digest(c));
    }

    private static String digest(ContentLines c) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        for (String line : c.lines()) {
            if (!line.startsWith("DTSTAMP:")) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void vtimezone(ContentLines c, ZoneId zone, Instant start, Instant end) {
        ZoneRules rules = zone.getRules();
        int firstYear = Math.max(LocalDate.MIN.getYear() + 1, start.atZone(zone).getYear() - 1);
        int lastYear = Math.min(LocalDate.MAX.getYear() - 2, end.atZone(zone).getYear() + 1);
        Instant from = LocalDate.of(firstYear, 1, 1).atStartOfDay(zone).toInstant();
        Instant to = LocalDate.of(lastYear + 1, 1, 1).atStartOfDay(zone).toInstant();
        c.add("BEGIN", "VTIMEZONE").add("TZID", zone.getId());
        ZoneOffset offset = rules.getOffset(from);
        observance(c, rules.isDaylightSavings(from), LocalDateTime.ofInstant(from, offset), offset, offset);
        ZoneOffsetTransition t = rules.nextTransition(from);
        while (t != null && t.getInstant().isBefore(to)) {
            observance(c, rules.isDaylightSavings(t.getInstant()), t.getDateTimeBefore(), t.getOffsetBefore(),
                    t.getOffsetAfter());
            t = rules.nextTransition(t.getInstant());
        }
        c.add("END", "VTIMEZONE");
    }

    private static void observance(ContentLines c, boolean daylight, LocalDateTime onset, ZoneOffset from,
            ZoneOffset to) {
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        c.add("BEGIN", kind)
                .add("DTSTART", LOCAL.format(onset))
                .add("TZOFFSETFROM", offset(from))
                .add("TZOFFSETTO", offset(to))
                .add("END", kind);
    }

    /** An RFC 5545 UTC-OFFSET: {@code +hhmm}, or {@code +hhmmss} when there are seconds. */
    static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String hhmm = String.format(java.util.Locale.ROOT, "%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? hhmm : hhmm + String.format(java.util.Locale.ROOT, "%02d", abs % 60);
    }

    private static String utc(Instant instant) {
        return LOCAL.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC)) + "Z";
    }
}
