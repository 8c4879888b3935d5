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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code import-ics} of the ics-calendar module's corpus of real-world-shaped calendars: each file
 * imports (twice: the second run changes nothing) or is refused with one short line and writes
 * nothing; a file with a custom VTIMEZONE imported in one JVM is read again in a fresh one.
 */
class ImportIcsCorpusTest {

    static final Path CORPUS = Path.of("..", "integrations", "ics-calendar", "src", "test", "resources", "ics", "corpus")
            .toAbsolutePath().normalize();
    private static final Pattern COUNTS = Pattern.compile("created (\\d+), updated (\\d+), deleted (\\d+), "
            + "unchanged (\\d+)");

    @TempDir
    static Path dir;

    static String url;

    @BeforeAll
    static void demo() {
        url = "jdbc:h2:file:" + dir.resolve("db/billops");
        CliRun.of("demo", "--db", url, "--out", dir.resolve("out").toString(), "--no-calendar").expect(0);
    }

    static Stream<String> files() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ics")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void importIcs_corpusFile_importsTwiceIdempotentlyOrIsRefusedInOneLine(String file) {
        String[] args = {"import-ics", CORPUS.resolve(file).toString(), "--timekeeper", "carol", "--from", "2026-10-01",
            "--to", "2026-12-01", "--zone", "Europe/Berlin", "--db", url};
        List<TimeEntry> before = entries();

        CliRun first = CliRun.of(args);

        if (first.exitCode() != BillOpsCli.EXIT_OK) {
            assertEquals(BillOpsCli.EXIT_FAILED, first.exitCode(), first.err());
            assertOneLine(first);
            assertEquals(before, entries(), "nothing written: " + file);
            return;
        }
        CliRun second = CliRun.of(args).expect(BillOpsCli.EXIT_OK);
        int[] c = counts(second);
        assertEquals(0, c[0] + c[1] + c[2], file + ": " + second.out());
        assertEquals(counts(first)[0], c[3], file + ": " + second.out());
    }

    @Test
    void importIcs_customZoneFileInAFreshJvmTwice_secondRunReadsTheEntriesAndChangesNothing() throws Exception {
        Path db = dir.resolve("fresh/billops");
        String freshUrl = "jdbc:h2:file:" + db;
        assertEquals(0, java("demo", "--db", freshUrl, "--out", dir.resolve("fresh-out").toString(), "--no-calendar")
                .exit, "demo");
        String[] args = {"import-ics", CORPUS.resolve("exchange-standup-custom-tz.ics").toString(), "--timekeeper",
            "carol", "--from", "2026-10-01", "--to", "2026-12-01", "--db", freshUrl};

        Child first = java(args);
        Child listed = java(ListEntries.class, freshUrl);
        Child second = java(args);

        assertEquals(0, first.exit, first.output);
        assertTrue(first.output.contains("created 8, updated 0, deleted 0"), first.output);
        assertEquals(0, listed.exit, "a JVM that never parsed a calendar reads the entries: " + listed.output);
        assertTrue(listed.output.contains("2026-10-21T07:15:00Z +02:00") && listed.output.contains(
                "2026-10-26T08:15:00Z +01:00"), listed.output);
        assertEquals(0, second.exit, second.output);
        assertTrue(second.output.contains("created 0, updated 0, deleted 0, unchanged 8"), second.output);
    }

    private record Child(int exit, String output) {
    }

    /** Prints the start and zone of every imported entry of tenant northwind in the database {@code args[0]}. */
    public static final class ListEntries {
        public static void main(String[] args) {
            try (JdbcBillingStore store = JdbcStores.of(args[0])) {
                store.inTransaction(TenantId.of("northwind"), s -> s.get(TimeEntryStore.class).list(TimeEntryQuery.all(
                        Set.of(), LocalDateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1))))).stream()
                        .filter(e -> e.externalUid() != null)
                        .forEach(e -> System.out.println(e.span().start() + " " + e.span().zone() + " "
                                + e.span().localDate()));
            }
        }
    }

    /** Runs the command line in a new JVM (fresh static state: no ical4j zone registered). */
    private static Child java(String... args) throws IOException, InterruptedException {
        return java(BillOpsCli.class, args);
    }

    private static Child java(Class<?> main, String... args) throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", cp, main.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM finished");
        return new Child(p.exitValue(), out);
    }

    static void assertOneLine(CliRun run) {
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.length() < 300, err.length() + ": " + err);
        assertFalse(err.contains("Exception"), err);
        assertEquals("", run.out().strip().isEmpty() ? "" : run.out().lines().filter(l -> l.contains("\tat ")).findAny()
                .orElse(""), run.out());
    }

    private static int[] counts(CliRun run) {
        Matcher m = COUNTS.matcher(run.out());
        assertTrue(m.find(), run.out());
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(4))};
    }

    private static List<TimeEntry> entries() {
        try (JdbcBillingStore store = JdbcStores.of(url)) {
            return store.inTransaction(TenantId.of("northwind"), s -> s.get(TimeEntryStore.class).list(
                    TimeEntryQuery.all(Set.of(), LocalDateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1)))));
        }
    }
}
