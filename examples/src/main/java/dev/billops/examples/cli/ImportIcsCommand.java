package dev.billops.examples.cli;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.error.BillingException;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.project.Project;
import dev.billops.examples.demo.CalendarFiles;
import dev.billops.integrations.ics.IcsCalendarSource;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.spi.runtime.calendar.CalendarImport;
import dev.billops.spi.runtime.calendar.ImportReport;
import dev.billops.spi.runtime.calendar.ImportWouldDeleteTooManyException;
import dev.billops.spi.runtime.calendar.ProjectMapping;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code import-ics}: imports an iCalendar file as one timekeeper's time entries, mapped to
 * projects by the project code in square brackets in each title, for {@code --from} up to
 * {@code --to} (default: now). Entries belong to a calendar source ({@code --source}, default the
 * file's absolute path): re-importing it changes nothing, a changed event updates its unbilled
 * entry, and an event gone from the file deletes only that source's unbilled entry, never more
 * than a small share without {@code --allow-mass-delete}. A malformed file imports nothing; bad
 * arguments exit 2 and failures 1, each with one short line on standard error.
 */
@Command(name = ImportIcsCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Imports the events of an .ics file (RFC 5545: Google Calendar, Outlook) as time entries of "
                + "one timekeeper. Titles name the project by its code, e.g. \"[ACME-WEB] Sprint review\".",
            "All-day, declined, cancelled and free events are skipped.",
            "Re-import: entries are keyed by the calendar source (--source, default the file's absolute path) and the "
                + "event uid. Importing the same source again is idempotent; a changed event updates its unbilled entry; "
                + "a cancelled or declined event deletes its unbilled entry; an event that is no longer in the file "
                + "deletes its unbilled entry only if that entry came from the same source and timekeeper and starts "
                + "in --from..--to. Entries of other sources, typed-in entries, billed entries and entries outside the "
                + "range are never changed. If that would delete more than "
                + CalendarImport.MASS_DELETE_MIN + " entries and more than " + CalendarImport.MASS_DELETE_PERCENT
                + "%% of the source's entries in the range, nothing is imported unless --allow-mass-delete is given."})
final class ImportIcsCommand implements Callable<Integer> {

    static final String NAME = "import-ics";

    @Spec
    @Nullable CommandSpec spec;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Parameters(index = "0", paramLabel = "FILE", description = "the .ics file")
    @Nullable Path file;

    @Option(names = "--timekeeper", required = true, paramLabel = "ID", description = "whose time the events are")
    @Nullable String timekeeper;

    @Option(names = "--tenant", paramLabel = "ID", description = "the tenant (default: the only one in the database)")
    @Nullable String tenant;

    @Option(names = "--organized-by", paramLabel = "EMAIL",
            description = "import only the events this address organizes (for a shared team calendar)")
    @Nullable String organizer;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = LocalDateConverter.class, defaultValue = "2000-01-01",
            description = "first day of the imported range (default: ${DEFAULT-VALUE})")
    LocalDate from = LocalDate.of(2000, 1, 1);

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = LocalDateConverter.class,
            description = "first day after the imported range (default: the range ends now, so that no future "
                    + "occurrence becomes a billable entry)")
    @Nullable LocalDate to;

    @Option(names = "--source", paramLabel = "ID",
            description = "the calendar source the entries belong to (default: file: and the file's absolute path); "
                    + "keep it when the file moves")
    @Nullable String sourceId;

    @Option(names = "--allow-mass-delete",
            description = "let events that are no longer in the file delete any number of that source's entries")
    boolean allowMassDelete;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Europe/Berlin", converter = ZoneConverter.class,
            description = "zone of the range and of floating times in the file (default: ${DEFAULT-VALUE})")
    ZoneId zone = ZoneId.of("Europe/Berlin");

    /** Parses an IANA zone id, naming the value (shortened) when it is none. */
    static final class ZoneConverter implements CommandLine.ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value.trim());
            } catch (java.time.DateTimeException e) {
                throw new CommandLine.TypeConversionException("unknown time zone '" + shown(value)
                        + "': use an IANA id such as Europe/Berlin");
            }
        }
    }

    /** Largest calendar file read (32 MiB: years of a busy calendar). */
    static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

    @Override
    public Integer call() throws IOException {
        Path ics = Objects.requireNonNull(file, "file");
        CommandLine cli = Objects.requireNonNull(spec).commandLine();
        String who0 = Objects.requireNonNull(timekeeper, "timekeeper");
        try {
            TimekeeperId.of(who0);
        } catch (BillingException e) {
            throw new CommandLine.ParameterException(cli, "--timekeeper '" + shown(who0) + "' is not an id: 1-64 "
                    + "characters of letters, digits, '.', '_', ':' or '-'");
        }
        String source0 = sourceId != null ? sourceId : defaultSource(ics);
        try {
            CalendarImport.externalUid(source0, "x");
        } catch (BillingException e) {
            throw new CommandLine.ParameterException(cli, "--source: " + e.getMessage());
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to != null ? to.atStartOfDay(zone).toInstant() : Instant.now();
        if (!end.isAfter(start)) {
            throw new CommandLine.ParameterException(cli, (to != null ? "--to " + to : "now (" + end + ")")
                    + " must be after --from " + from);
        }
        String text = readCalendar(ics);
        PrintWriter out = cli.getOut();
        try (JdbcBillingStore store = db.open()) {
            TenantId tenantId = DatabaseOptions.tenant(store, tenant, db.describe());
            TenantBilling t = Billing.builder().stores(store).build().tenant(tenantId, Actor.system("import-ics"));
            TimekeeperId who = TimekeeperId.of(who0);
            Timekeeper person = t.timekeepers().find(who).orElseThrow(() -> {
                List<String> known = t.timekeepers().list().stream().map(k -> k.id().value()).toList();
                return new CliFailure("timekeeper '" + who0 + "' not found in tenant " + tenantId.value() + " (it has: "
                        + String.join(", ", known.subList(0, Math.min(known.size(), 10)))
                        + (known.size() > 10 ? ", … " + known.size() + " in all" : "") + ")");
            });
            Map<String, ProjectId> codes = new HashMap<>();
            for (Project p : t.projects().list()) {
                if (p.code() != null) {
                    codes.put(p.code(), p.id());
                }
            }
            IcsCalendarSource source;
            if (organizer != null) {
                source = IcsCalendarSource.ofText(shown(ics) + " (" + shown(organizer) + ")",
                        CalendarFiles.organizedBy(text, organizer));
            } else {
                source = IcsCalendarSource.ofText(shown(ics), text);
            }
            source = source.withZone(zone);
            String owner = organizer != null ? organizer : person.email();
            if (owner != null) {
                source = source.withOwner(owner);
            }
            ImportReport report;
            Progress progress = Progress.on(spec.commandLine().getErr());
            Progress.Ticker ticker = progress.ticking("importing " + ics.getFileName());
            try {
                CalendarImport calendar = new CalendarImport(t, ProjectMapping.byCodeInTitle(codes)).withSource(source0);
                if (allowMassDelete) {
                    calendar = calendar.allowingMassDelete();
                }
                report = calendar.importEvents(source, who, start, end);
            } catch (StackOverflowError e) {
                throw new CliFailure("calendar file " + ics + " cannot be read: it is nested too deeply", e);
            } catch (OutOfMemoryError e) {
                throw new CliFailure("out of memory while importing " + ics + "; import a shorter range (--from, --to) "
                        + "or give Java more memory (-Xmx)", e);
            } catch (ImportWouldDeleteTooManyException e) {
                throw new CliFailure(e.getMessage() + "; run again with --allow-mass-delete if they really went away",
                        e);
            } finally {
                ticker.close();
                progress.finish();
            }
            print(out, ics, tenantId, who, report);
        }
        return BillOpsCli.EXIT_OK;
    }

    /**
     * The calendar's text: a regular file of at most {@link #MAX_FILE_BYTES}, in UTF-8 (RFC 5545);
     * anything else is refused in one line before the database is opened.
     */
    static String readCalendar(Path ics) {
        if (Files.isDirectory(ics)) {
            throw new CliFailure("calendar file " + shown(ics) + " is a directory, not an .ics file");
        }
        if (!Files.exists(ics)) {
            throw new CliFailure("calendar file " + shown(ics) + " not found");
        }
        if (!Files.isRegularFile(ics)) {
            throw new CliFailure("calendar file " + shown(ics) + " is not a regular file");
        }
        byte[] bytes;
        try {
            if (Files.size(ics) > MAX_FILE_BYTES) {
                throw new CliFailure("calendar file " + shown(ics) + " is larger than " + MAX_FILE_BYTES / 1024 / 1024
                        + " MiB");
            }
            bytes = Files.readAllBytes(ics);
        } catch (IOException e) {
            throw new CliFailure("calendar file " + shown(ics) + " cannot be read (" + e.getClass().getSimpleName() + ")",
                    e);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer chars = CharBuffer.allocate(bytes.length);
        CoderResult r = utf8.decode(in, chars, true);
        if (r.isError()) {
            throw new CliFailure(String.format(Locale.ROOT, "calendar file %s is not UTF-8 text (byte 0x%02X at offset "
                    + "%d); iCalendar files are UTF-8: save it as UTF-8", shown(ics), bytes[in.position()] & 0xFF,
                    in.position()));
        }
        utf8.flush(chars);
        String text = chars.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** A path or value as shown in a message: its last 100 characters at most. */
    private static String shown(Object value) {
        String s = String.valueOf(value).replaceAll("\\p{Cntrl}", "?");
        return s.length() <= 100 ? s : "…" + s.substring(s.length() - 99);
    }

    /** {@code file:} and the absolute path ({@code |} escaped, long paths shortened to their end). */
    static String defaultSource(Path file) {
        String path = file.toAbsolutePath().normalize().toString().replace("%", "%25").replace("|", "%7C")
                .replaceAll("\\p{Cntrl}", "?");
        int room = CalendarImport.MAX_SOURCE_ID - "file:".length();
        return "file:" + (path.length() > room ? path.substring(path.length() - room) : path);
    }

    private static String uid(String uid) {
        return uid.length() <= 100 ? uid : uid.substring(0, 100) + "…";
    }

    static void print(PrintWriter out, Path file, TenantId tenant, TimekeeperId who, ImportReport r) {
        out.printf(Locale.ROOT, "Imported %s for %s (tenant %s): %s%n", file.getFileName(), who.value(), tenant.value(),
                r.summary());
        for (String w : r.warnings()) {
            out.printf(Locale.ROOT, "  warning   %s%n", w);
        }
        list(out, "unmapped", r.unmapped());
        list(out, "invalid", r.invalid());
        for (ImportReport.Conflict c : r.conflicts()) {
            out.printf(Locale.ROOT, "  conflict  %s  entry %s: %s%n", uid(c.uid()), c.entryId().value(), c.reason());
        }
        out.flush();
    }

    private static void list(PrintWriter out, String what, List<ImportReport.Item> items) {
        for (ImportReport.Item i : items) {
            out.printf(Locale.ROOT, "  %-9s %s  \"%s\": %s%n", what, uid(i.uid()), i.summary(), i.reason());
        }
    }
}
