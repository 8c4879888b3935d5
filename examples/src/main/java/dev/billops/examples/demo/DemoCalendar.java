package dev.billops.examples.demo;

import dev.billops.core.TenantBilling;
import dev.billops.core.id.TimekeeperId;
import dev.billops.integrations.ics.IcsCalendarSource;
import dev.billops.spi.runtime.calendar.CalendarImport;
import dev.billops.spi.runtime.calendar.ImportReport;
import dev.billops.spi.runtime.calendar.ProjectMapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The demo's calendar import: the team calendar shipped as {@value #RESOURCE} (November 2026,
 * Europe/Berlin) is split by organizer ({@link CalendarFiles#organizedBy}) and each part imported
 * for its timekeeper, mapped to projects by the code in the title ({@code [ACME-WEB] ...}).
 * All-day, declined and cancelled events are skipped by the import; events without a code are
 * reported as unmapped.
 */
public final class DemoCalendar implements DemoRun.CalendarStep {

    /** Where the calendar is on the class path. */
    public static final String RESOURCE = "/demo/consultancy.ics";

    /** Whose events are whose: the organizer's address for each timekeeper. */
    static final Map<TimekeeperId, String> ORGANIZERS = organizers();

    private final String name;
    private final String ics;

    private DemoCalendar(String name, String ics) {
        this.name = Objects.requireNonNull(name, "name");
        this.ics = Objects.requireNonNull(ics, "ics");
    }

    /** The calendar shipped with the examples. */
    public static DemoCalendar fromClassPath() {
        try (InputStream in = DemoCalendar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo calendar " + RESOURCE + " is not on the class path");
            }
            return new DemoCalendar("consultancy.ics", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo calendar " + RESOURCE, e);
        }
    }

    /** The text of the calendar. */
    public String text() {
        return ics;
    }

    @Override
    public DemoReport.CalendarSummary importInto(TenantBilling tenant) {
        Instant from = Consultancy.MONTH.atDay(1).atStartOfDay(Consultancy.ZONE).toInstant();
        Instant to = Consultancy.MONTH.plusMonths(1).atDay(1).atStartOfDay(Consultancy.ZONE).toInstant();
        CalendarImport calendar = new CalendarImport(tenant, ProjectMapping.byCodeInTitle(Consultancy.PROJECT_CODES));
        int created = 0;
        int skipped = 0;
        int unmapped = 0;
        for (Map.Entry<TimekeeperId, String> e : ORGANIZERS.entrySet()) {
            IcsCalendarSource source = IcsCalendarSource.ofText(name + " (" + e.getValue() + ")",
                    CalendarFiles.organizedBy(ics, e.getValue())).withZone(Consultancy.ZONE).withOwner(e.getValue());
            ImportReport report = calendar.importEvents(source, e.getKey(), from, to);
            created += report.created().size();
            skipped += report.skipped().size() + report.invalid().size();
            unmapped += report.unmapped().size();
        }
        return new DemoReport.CalendarSummary(name, created, skipped, unmapped);
    }

    private static Map<TimekeeperId, String> organizers() {
        Map<TimekeeperId, String> m = new LinkedHashMap<>();
        m.put(Consultancy.ALICE, "alice@consultancy.test");
        m.put(Consultancy.BOB, "bob@consultancy.test");
        return Collections.unmodifiableMap(m);
    }
}
