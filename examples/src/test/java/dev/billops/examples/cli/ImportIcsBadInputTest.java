package dev.billops.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.TenantId;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryQuery;
import dev.billops.core.spi.TimeEntryStore;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input catalogue of {@code import-ics}: every case exits 2 (bad arguments) or 1 (the
 * command failed), prints exactly one line on standard error, shorter than 300 characters and
 * without a stack trace, and writes no row.
 */
class ImportIcsBadInputTest {

    @TempDir
    static Path dir;

    static String url;

    @BeforeAll
    static void demo() {
        url = "jdbc:h2:file:" + dir.resolve("db/billops");
        CliRun.of("demo", "--db", url, "--out", dir.resolve("out").toString(), "--no-calendar").expect(0);
    }

    static Stream<Arguments> cases() throws IOException {
        Path good = Files.writeString(dir.resolve("good.ics"), ImportIcsCommandTest.calendar("good", 3));
        String text = ImportIcsCommandTest.calendar("latin", 2).replace("task 0", "t\u00e2che 0");
        Path latin1 = Files.write(dir.resolve("latin1.ics"), text.getBytes(StandardCharsets.ISO_8859_1));
        StringBuilder nested = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\n");
        nested.append("BEGIN:VEVENT\r\n".repeat(100_000)).append("END:VEVENT\r\n".repeat(100_000)).append("END:VCALENDAR\r\n");
        Path deep = Files.writeString(dir.resolve("nested.ics"), nested);
        Path badDate = Files.writeString(dir.resolve("bad-date.ics"), ImportIcsCommandTest.calendar("bad", 2)
                .replace("DTSTART;TZID=Europe/Berlin:20261102T080000", "DTSTART;TZID=Europe/Berlin:20261399T080000"));
        Path badZone = Files.writeString(dir.resolve("bad-zone.ics"), ImportIcsCommandTest.calendar("zone", 2)
                .replace("TZID=Europe/Berlin", "TZID=Mars/Olympus_Mons"));
        Path huge = Files.writeString(dir.resolve("huge-duration.ics"), ImportIcsCommandTest.calendar("h", 1)
                .replace("DTEND;TZID=Europe/Berlin:20261102T083000", "DURATION:P99999999999999W"));
        Path notCalendar = Files.writeString(dir.resolve("notes.ics"), "shopping list: milk, eggs\n");
        Path deepDir = Files.createDirectories(dir.resolve("d".repeat(200)).resolve("e".repeat(200)));
        Path longPath = Files.writeString(deepDir.resolve("broken.ics"), ImportIcsCommandTest.calendar("lp", 1)
                .replace("DTSTART;TZID=Europe/Berlin:20261102T080000", "DTSTART;TZID=Europe/Berlin:2026-11-02"));
        Files.createDirectories(dir.resolve("folder.ics"));
        String g = good.toString();
        String longId = "x".repeat(120 * 1024);
        List<Arguments> all = new ArrayList<>();
        all.add(Arguments.of("missing file", 1, "not found", args(dir.resolve("nowhere.ics").toString())));
        all.add(Arguments.of("directory", 1, "is a directory", args(dir.resolve("folder.ics").toString())));
        all.add(Arguments.of("latin-1 with --organized-by", 1, "is not UTF-8 text (byte 0xE2 at offset",
                args(latin1.toString(), "--organized-by", "alice@consultancy.test")));
        all.add(Arguments.of("latin-1", 1, "is not UTF-8 text", args(latin1.toString())));
        all.add(Arguments.of("100,000 nested components", 1, "nested more than 32 deep", args(deep.toString())));
        all.add(Arguments.of("impossible date", 1, "is not a valid date", args(badDate.toString())));
        all.add(Arguments.of("unknown TZID", 1, "unknown time zone TZID 'Mars/Olympus_Mons'", args(badZone.toString())));
        all.add(Arguments.of("huge DURATION", 1, "DURATION 'P99999999999999W' is longer than 10000 days", args(huge.toString())));
        all.add(Arguments.of("not a calendar", 1, "is malformed", args(notCalendar.toString())));
        all.add(Arguments.of("malformed file at a 400-character path", 1, "is malformed", args(longPath.toString())));
        all.add(Arguments.of("unknown timekeeper", 1, "timekeeper 'mallory' not found",
                new String[] {"import-ics", g, "--timekeeper", "mallory", "--to", "2026-12-01", "--db", url}));
        all.add(Arguments.of("120 KB timekeeper id", 2, "--timekeeper '",
                new String[] {"import-ics", g, "--timekeeper", longId, "--db", url}));
        all.add(Arguments.of("--to before --from", 2, "--to 2026-01-01 must be after --from 2026-02-01",
                new String[] {"import-ics", g, "--timekeeper", "carol", "--from", "2026-02-01", "--to", "2026-01-01",
                    "--db", url}));
        all.add(Arguments.of("--from not a date", 2, "unknown date format 'yesterday'", args(g, "--from", "yesterday")));
        all.add(Arguments.of("--zone unknown", 2, "unknown time zone 'Mars/Olympus_Mons'",
                args(g, "--zone", "Mars/Olympus_Mons")));
        all.add(Arguments.of("--from 120 KB", 2, "--from", args(g, "--from", longId)));
        all.add(Arguments.of("--source with |", 2, "--source: calendar source id 'a|b'", args(g, "--source", "a|b")));
        all.add(Arguments.of("--source 120 KB", 2, "--source: calendar source id '", args(g, "--source", longId)));
        all.add(Arguments.of("no --timekeeper", 2, "--timekeeper", new String[] {"import-ics", g, "--db", url}));
        all.add(Arguments.of("no file", 2, "FILE", new String[] {"import-ics", "--timekeeper", "carol", "--db", url}));
        return all.stream();
    }

    private static String[] args(String file, String... more) {
        return CliRun.concat(new String[] {"import-ics", file, "--timekeeper", "carol", "--to", "2026-12-01", "--db", url},
                more);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void importIcs_badInput_exitsWithOneShortLineAndWritesNothing(String name, int exit, String says, String[] args) {
        List<TimeEntry> before = entries();

        CliRun run = CliRun.of(args);

        assertEquals(exit, run.exitCode(), name + ": " + run.err());
        String err = run.err().strip();
        assertTrue(err.contains(says), name + ": " + err);
        assertEquals(1, err.lines().count(), name + ": " + err);
        assertTrue(err.length() < 300, name + ": " + err.length() + " characters: " + err.substring(0, Math.min(err.length(), 300)));
        assertFalse(err.contains("\tat ") || err.contains("Exception"), name + ": " + err);
        assertEquals(before, entries(), name + ": no row written");
    }

    private static List<TimeEntry> entries() {
        try (JdbcBillingStore store = JdbcStores.of(url)) {
            return store.inTransaction(TenantId.of("northwind"), s -> s.get(TimeEntryStore.class).list(
                    TimeEntryQuery.all(Set.of(), LocalDateRange.of(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1)))));
        }
    }
}
