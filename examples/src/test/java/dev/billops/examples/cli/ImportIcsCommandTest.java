package dev.billops.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.TenantId;
import dev.billops.core.spi.TimeEntryStore;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryQuery;
import dev.billops.examples.demo.DemoCalendar;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import-ics} on the demo's database (demo run without its own calendar import). */
class ImportIcsCommandTest {

    private static final Pattern COUNTS = Pattern.compile("created (\\d+), updated (\\d+), deleted (\\d+), "
            + "unchanged (\\d+), skipped (\\d+), unmapped (\\d+), invalid (\\d+), conflicts (\\d+)");

    @TempDir
    Path dir;

    String url;
    Path demoFile;

    @BeforeEach
    void demo() throws Exception {
        url = "jdbc:h2:file:" + dir.resolve("db/billops");
        CliRun.of("demo", "--db", url, "--out", dir.resolve("out").toString(), "--no-calendar").expect(0);
        demoFile = Files.writeString(dir.resolve("consultancy.ics"), DemoCalendar.fromClassPath().text());
    }

    @Test
    void importIcs_demoFileTwice_secondImportsNothingNew() {
        int before = entries().size();

        CliRun first = CliRun.of("import-ics", demoFile.toString(), "--timekeeper", "alice", "--organized-by",
                "alice@consultancy.test", "--db", url).expect(0);
        int afterFirst = entries().size();
        CliRun second = CliRun.of("import-ics", demoFile.toString(), "--timekeeper", "alice", "--organized-by",
                "alice@consultancy.test", "--db", url).expect(0);

        int created = counts(first)[0];
        assertTrue(created >= 10, first.out());
        assertEquals(before + created, afterFirst);
        int[] again = counts(second);
        assertEquals(0, again[0], second.out());
        assertEquals(0, again[1] + again[2], "nothing updated or deleted: " + second.out());
        assertEquals(created, again[3], "every entry unchanged: " + second.out());
        assertEquals(afterFirst, entries().size());
    }

    @Test
    void importIcs_wholeFileForOneTimekeeper_importsEveryWorkEventAndSkipsAllDayDeclinedCancelled() {
        CliRun run = CliRun.of("import-ics", demoFile.toString(), "--timekeeper", "carol", "--db", url).expect(0);

        int[] c = counts(run);
        assertTrue(c[0] >= 40, run.out());
        assertTrue(c[4] >= 2, "all-day and cancelled skipped: " + run.out());
        List<TimeEntry> carol = entries().stream().filter(e -> e.externalUid() != null).toList();
        assertEquals(c[0], carol.size());
        assertTrue(carol.stream().allMatch(e -> e.timekeeperId().value().equals("carol")));
    }

    @Test
    void importIcs_malformedFile_failsClearlyAndImportsNothing() throws Exception {
        String broken = DemoCalendar.fromClassPath().text().replace("DTSTART;TZID=Europe/Berlin:20261102T093000",
                "DTSTART;TZID=Europe/Berlin:2026-11-02 nine thirty");
        Path file = Files.writeString(dir.resolve("broken.ics"), broken, StandardCharsets.UTF_8);
        int before = entries().size();

        CliRun run = CliRun.of("import-ics", file.toString(), "--timekeeper", "alice", "--db", url)
                .expect(BillOpsCli.EXIT_FAILED);

        assertTrue(run.err().startsWith("error: calendar "), run.err());
        assertTrue(run.err().contains("malformed"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertEquals(before, entries().size());
    }

    @Test
    void importIcs_notACalendar_failsAndImportsNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.ics"), "shopping list: milk, eggs\n");
        int before = entries().size();

        CliRun run = CliRun.of("import-ics", file.toString(), "--timekeeper", "alice", "--db", url)
                .expect(BillOpsCli.EXIT_FAILED);

        assertTrue(run.err().contains("malformed"), run.err());
        assertEquals(before, entries().size());
    }

    @Test
    void importIcs_unknownTimekeeper_failsListingTheKnownOnes() {
        CliRun run = CliRun.of("import-ics", demoFile.toString(), "--timekeeper", "mallory", "--db", url)
                .expect(BillOpsCli.EXIT_FAILED);

        assertTrue(run.err().contains("timekeeper 'mallory' not found in tenant northwind (it has: "), run.err());
        assertTrue(run.err().contains("alice"), run.err());
    }

    @Test
    void importIcs_oneEventFileAfterAnotherFile_leavesTheFirstFilesEntries() throws Exception {
        Path big = Files.writeString(dir.resolve("big.ics"), calendar("big", 40));
        Path one = Files.writeString(dir.resolve("one.ics"), calendar("one", 1));
        CliRun.of("import-ics", big.toString(), "--timekeeper", "carol", "--db", url).expect(0);
        int afterBig = importedEntries().size();

        CliRun second = CliRun.of("import-ics", one.toString(), "--timekeeper", "carol", "--db", url).expect(0);

        assertEquals(0, counts(second)[2], "another file's entries are not deleted: " + second.out());
        assertEquals(afterBig + 1, importedEntries().size());
    }

    @Test
    void importIcs_sameFileLosingMostEvents_refusedWithoutAllowMassDelete_nothingWritten() throws Exception {
        Path file = dir.resolve("team.ics");
        Files.writeString(file, calendar("team", 40));
        CliRun.of("import-ics", file.toString(), "--timekeeper", "carol", "--db", url).expect(0);
        List<TimeEntry> before = importedEntries();
        Files.writeString(file, calendar("other", 1));

        CliRun refused = CliRun.of("import-ics", file.toString(), "--timekeeper", "carol", "--db", url)
                .expect(BillOpsCli.EXIT_FAILED);

        assertTrue(refused.err().contains("would delete 40 of the 40 entries"), refused.err());
        assertTrue(refused.err().contains("--allow-mass-delete"), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertEquals(before, importedEntries(), "nothing written");

        CliRun allowed = CliRun.of("import-ics", file.toString(), "--timekeeper", "carol", "--allow-mass-delete",
                "--db", url).expect(0);
        assertEquals(40, counts(allowed)[2], allowed.out());
        assertEquals(1, importedEntries().size());
    }

    @Test
    void importIcs_help_saysWhatReimportDoes() {
        CliRun run = CliRun.of("import-ics", "--help").expect(0);

        assertTrue(run.out().contains("--allow-mass-delete"), run.out());
        assertTrue(run.out().contains("--source"), run.out());
        assertTrue(run.out().contains("same source"), run.out());
        assertTrue(run.out().replaceAll("\\s+", " ").contains("more than 5 entries and more than 10% of the source's "
                + "entries in the range, nothing is imported unless --allow-mass-delete is given"), run.out());
        assertTrue(run.out().contains("default: the") && run.out().contains("range ends now"), run.out());
        assertEquals("", run.err(), "no picocli format warning");
    }

    @Test
    void importIcs_withoutTo_importsNoFutureOccurrence() throws Exception {
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        java.time.LocalDateTime first = LocalDate.now(berlin).minusDays(5).atTime(10, 0);
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
                "UID:daily-around-today@test", "DTSTART;TZID=Europe/Berlin:" + first.format(
                        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")),
                "DURATION:PT30M", "RRULE:FREQ=DAILY;COUNT=10", "SUMMARY:[ACME-WEB] daily", "END:VEVENT", "END:VCALENDAR", "");
        Path file = Files.writeString(dir.resolve("daily.ics"), ics);
        java.time.Instant now = java.time.Instant.now();
        long past = java.util.stream.IntStream.range(0, 10)
                .filter(i -> first.plusDays(i).atZone(berlin).toInstant().isBefore(now)).count();

        CliRun run = CliRun.of("import-ics", file.toString(), "--timekeeper", "carol", "--from",
                LocalDate.now(berlin).minusDays(30).toString(), "--db", url).expect(0);

        assertEquals(past, counts(run)[0], run.out());
        assertTrue(importedEntries().stream().noneMatch(e -> e.span().start().isAfter(java.time.Instant.now())),
                "no future occurrence became an entry");
    }

    @Test
    void importEvents_ruleOverTheSourcesCap_reportWarnsAndCliPrintsIt() {
        java.time.Instant from = java.time.Instant.parse("2026-11-01T00:00:00Z");
        java.time.Instant to = java.time.Instant.parse("2026-12-01T00:00:00Z");
        dev.billops.spi.runtime.calendar.ImportReport report;
        try (JdbcBillingStore store = JdbcStores.of(url)) {
            dev.billops.core.TenantBilling t = dev.billops.core.Billing.builder().stores(store).build()
                    .tenant(TenantId.of("northwind"), dev.billops.core.party.Actor.system("test"));
            report = new dev.billops.spi.runtime.calendar.CalendarImport(t, dev.billops.spi.runtime.calendar.ProjectMapping.byCodeInTitle(
                    java.util.Map.of())).withSource("daily").importEvents(
                    dev.billops.integrations.ics.IcsCalendarSource.ofText("daily.ics", calendarDaily()).withMaxOccurrences(3),
                    dev.billops.core.id.TimekeeperId.of("carol"), from, to);
        }
        java.io.StringWriter out = new java.io.StringWriter();

        ImportIcsCommand.print(new java.io.PrintWriter(out), Path.of("daily.ics"), TenantId.of("northwind"),
                dev.billops.core.id.TimekeeperId.of("carol"), report);

        assertEquals(1, report.warnings().size(), report.toString());
        assertTrue(report.summary().endsWith(", warnings 1"), report.summary());
        assertTrue(out.toString().contains("  warning   event daily@test: RRULE 'FREQ=DAILY' has more than 3 occurrences "
                + "in the range; only the latest 3 (from 2026-11-28T09:00+01:00[Europe/Berlin]) were read"), out.toString());
    }

    private static String calendarDaily() {
        return String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
                "UID:daily@test", "DTSTART;TZID=Europe/Berlin:20261101T090000", "DURATION:PT15M", "RRULE:FREQ=DAILY",
                "SUMMARY:[ACME-WEB] daily", "END:VEVENT", "END:VCALENDAR", "");
    }

    /** A calendar of {@code n} one-hour "[ACME-WEB]" events in November 2026, uids prefixed with {@code name}. */
    static String calendar(String name, int n) {
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//" + name + "//EN\r\n");
        for (int i = 0; i < n; i++) {
            String day = String.format(java.util.Locale.ROOT, "202611%02d", 2 + i % 27);
            String hour = String.format(java.util.Locale.ROOT, "%02d", 8 + i / 27);
            b.append("BEGIN:VEVENT\r\nUID:").append(name).append('-').append(i).append("@test\r\n")
                    .append("DTSTAMP:20261101T000000Z\r\n")
                    .append("DTSTART;TZID=Europe/Berlin:").append(day).append('T').append(hour).append("0000\r\n")
                    .append("DTEND;TZID=Europe/Berlin:").append(day).append('T').append(hour).append("3000\r\n")
                    .append("SUMMARY:[ACME-WEB] ").append(name).append(" task ").append(i).append("\r\n")
                    .append("END:VEVENT\r\n");
        }
        return b.append("END:VCALENDAR\r\n").toString();
    }

    private List<TimeEntry> importedEntries() {
        return entries().stream().filter(e -> e.externalUid() != null).toList();
    }

    private static int[] counts(CliRun run) {
        Matcher m = COUNTS.matcher(run.out());
        assertTrue(m.find(), run.out());
        int[] c = new int[8];
        for (int i = 0; i < 8; i++) {
            c[i] = Integer.parseInt(m.group(i + 1));
        }
        return c;
    }

    private List<TimeEntry> entries() {
        try (JdbcBillingStore store = JdbcStores.of(url)) {
            return store.inTransaction(TenantId.of("northwind"), s -> s.get(TimeEntryStore.class).list(
                    TimeEntryQuery.all(Set.of(), LocalDateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1)))));
        }
    }
}
