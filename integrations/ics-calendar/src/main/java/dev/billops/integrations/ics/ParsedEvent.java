package dev.billops.integrations.ics;

import dev.billops.spi.CalendarEvent;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One VEVENT, every value interpreted and checked: a master (no RECURRENCE-ID, possibly with
 * RRULE/RDATE/EXDATE) or an override of one occurrence.
 */
record ParsedEvent(String uid, @Nullable IcsTime recurrenceId, IcsTime start, IcsTime.Nominal length,
        String summary, String description, CalendarEvent.Status status, boolean busy, boolean declined,
        List<String> categories, int sequence, List<String> rrules, List<IcsTime> rdates, Set<String> exdates) {

    boolean recurring() {
        return !rrules.isEmpty() || !rdates.isEmpty();
    }

    /** Interprets {@code vevent}; throws {@link CalendarProblem} naming the event and the value. */
    static ParsedEvent of(RawComponent vevent, ZoneResolver zones, ZoneId defaultZone, @Nullable String owner) {
        String summary = vevent.property("SUMMARY").map(RawProperty::text).orElse("");
        String uid = vevent.property("UID").map(p -> p.text().trim()).orElse("");
        if (uid.isEmpty()) {
            throw new CalendarProblem("VEVENT #" + vevent.ordinal() + " ('" + CalendarProblem.shown(summary) + "') has no UID");
        }
        String where = "event " + CalendarProblem.shown(uid);
        RawProperty dtStart = vevent.property("DTSTART").orElseThrow(
                () -> new CalendarProblem(where + " ('" + CalendarProblem.shown(summary) + "') has no DTSTART"));
        IcsTime start = IcsTime.parse(dtStart, zones, defaultZone, where);
        IcsTime.Nominal length = length(vevent, start, zones, defaultZone, where);

        IcsTime recurrenceId = vevent.property("RECURRENCE-ID")
                .map(p -> IcsTime.parse(p, zones, defaultZone, where)).orElse(null);
        List<String> rrules = vevent.all("RRULE").stream().map(p -> p.value().trim()).toList();
        List<IcsTime> rdates = new ArrayList<>();
        vevent.all("RDATE").forEach(p -> rdates.addAll(IcsTime.parseAll(p, zones, defaultZone, where)));
        Set<String> exdates = new LinkedHashSet<>();
        vevent.all("EXDATE").forEach(p -> IcsTime.parseAll(p, zones, defaultZone, where).forEach(t -> exdates.add(t.key())));

        CalendarEvent.Status status = vevent.property("STATUS").map(p -> switch (p.value().trim().toUpperCase(Locale.ROOT)) {
            case "CANCELLED" -> CalendarEvent.Status.CANCELLED;
            case "TENTATIVE" -> CalendarEvent.Status.TENTATIVE;
            default -> CalendarEvent.Status.CONFIRMED;
        }).orElse(CalendarEvent.Status.CONFIRMED);
        boolean transparent = vevent.property("TRANSP").map(p -> p.value().trim().equalsIgnoreCase("TRANSPARENT")).orElse(false);
        boolean outlookFree = vevent.property("X-MICROSOFT-CDO-BUSYSTATUS")
                .map(p -> p.value().trim().equalsIgnoreCase("FREE")).orElse(false);
        List<String> categories = new ArrayList<>();
        vevent.all("CATEGORIES").forEach(p -> categories.addAll(p.textList()));
        int sequence = vevent.property("SEQUENCE").map(p -> {
            try {
                return Integer.parseInt(p.value().trim());
            } catch (NumberFormatException e) {
                throw new CalendarProblem(where + ": SEQUENCE '" + CalendarProblem.shown(p.value()) + "' is not an integer");
            }
        }).orElse(0);
        return new ParsedEvent(uid, recurrenceId, start, length, summary,
                vevent.property("DESCRIPTION").map(RawProperty::text).orElse(""), status, !(transparent || outlookFree),
                declinedBy(vevent, owner), categories, sequence, rrules, rdates, exdates);
    }

    private static IcsTime.Nominal length(RawComponent vevent, IcsTime start, ZoneResolver zones, ZoneId defaultZone,
            String where) {
        var dtEnd = vevent.property("DTEND");
        if (dtEnd.isPresent()) {
            IcsTime end = IcsTime.parse(dtEnd.get(), zones, defaultZone, where);
            if (end.dateOnly() != start.dateOnly()) {
                throw new CalendarProblem(where + ": DTSTART and DTEND are not both dates or both date-times");
            }
            if (end.instant().isBefore(start.instant())) {
                throw new CalendarProblem(where + " ends (" + dtEnd.get().value() + ") before it starts ("
                        + vevent.property("DTSTART").map(RawProperty::value).orElse("") + ")");
            }
            return start.dateOnly()
                    ? new IcsTime.Nominal(java.time.temporal.ChronoUnit.DAYS.between(start.at().toLocalDate(), end.at().toLocalDate()), Duration.ZERO)
                    : IcsTime.Nominal.exact(Duration.between(start.instant(), end.instant()));
        }
        var duration = vevent.property("DURATION");
        if (duration.isPresent()) {
            return IcsTime.parseDuration(duration.get(), where);
        }
        return start.dateOnly() ? new IcsTime.Nominal(1, Duration.ZERO) : IcsTime.Nominal.ZERO;
    }

    private static boolean declinedBy(RawComponent vevent, @Nullable String owner) {
        if (owner == null) {
            return false;
        }
        for (RawProperty attendee : vevent.all("ATTENDEE")) {
            String address = attendee.value().trim();
            if (address.regionMatches(true, 0, "mailto:", 0, 7)) {
                address = address.substring(7);
            }
            if (address.equalsIgnoreCase(owner)
                    && attendee.parameter("PARTSTAT").map(s -> s.trim().equalsIgnoreCase("DECLINED")).orElse(false)) {
                return true;
            }
        }
        return false;
    }
}
