package dev.billops.examples.cli;

import dev.billops.core.party.Actor;
import dev.billops.core.Packages;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.billops.core.Billing;
import dev.billops.core.engagement.PackageRunOptions;
import dev.billops.core.engagement.PackageRunResult;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.TenantId;
import dev.billops.core.money.Money;
import dev.billops.jdbc.JdbcBillingStore;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code package-invoices}: the package (retainer) billing run for a date. Idempotent: a second
 * run for the same date skips every period the first one invoiced. {@code --workers N} bills with
 * N threads; started several times at once (processes) it splits the engagements the same way.
 */
@Command(name = "package-invoices", mixinStandardHelpOptions = true,
        description = {"Issues the package (retainer) invoices due on a date for PACKAGE and MIXED engagements: "
                + "monthly, quarterly, annual and one-time periods, at most one invoice per engagement and period.",
            "Prints what was created, skipped (already invoiced, or due but older than the catch-up window and so "
                + "not billed without --bill-missed) and failed; exit status 1 when any failed.",
            "Safe to start several times for one date: the runs (and the --workers threads of one run) claim "
                + "engagements in chunks, so each is billed by one of them; one that dies leaves its engagements "
                + "to the others or to the next run."})
final class PackageInvoicesCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    @Spec
    @Nullable CommandSpec spec;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", converter = LocalDateConverter.class,
            description = "the run date: periods billed on or before it (with catch-up) are invoiced")
    @Nullable LocalDate date;

    @Option(names = "--tenant", paramLabel = "ID", converter = IdConverter.Tenant.class,
            description = "only this tenant (default: every tenant)")
    @Nullable String tenant;

    @Option(names = "--engagement", paramLabel = "ID", converter = IdConverter.Engagement.class,
            description = "only this engagement")
    @Nullable String engagement;

    @Option(names = "--dry-run", description = "show what would be invoiced, store nothing")
    boolean dryRun;

    @Option(names = "--bill-missed", description = "also invoice due periods older than the catch-up window "
            + "(otherwise they are reported as skipped: OUTSIDE_CATCH_UP)")
    boolean billMissed;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1", converter = Workers.class,
            description = "bill with N threads side by side (1 to " + PackageRunOptions.MAX_WORKERS + "; default: "
                    + "${DEFAULT-VALUE}); the command started N times for one date shares the work the same way, "
                    + "each engagement billed once")
    int workers = 1;

    @Option(names = "--chunk-size", paramLabel = "N", defaultValue = "" + PackageRunOptions.DEFAULT_CHUNK_SIZE,
            converter = ChunkSize.class, description = "engagements billed per transaction (1 to "
                    + PackageRunOptions.MAX_CHUNK_SIZE + "; default: ${DEFAULT-VALUE})")
    int chunkSize = PackageRunOptions.DEFAULT_CHUNK_SIZE;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format = Format.text;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = Objects.requireNonNull(spec).commandLine().getOut();
        Progress progress = Progress.on(spec.commandLine().getErr());
        LocalDate runDate = Objects.requireNonNull(date, "date");
        PackageRunResult result;
        try (JdbcBillingStore store = db.open()) {
            PackageRunOptions options = PackageRunOptions.all().dryRun(dryRun).billMissedPeriods(billMissed)
                    .withWorkers(workers).withChunkSize(chunkSize);
            if (tenant != null) {
                options = options.forTenant(DatabaseOptions.tenant(store, tenant, db.describe()));
            }
            if (engagement != null) {
                options = options.forEngagement(EngagementId.of(engagement));
            }
            Packages job = Billing.builder().stores(store).build().packages(Actor.system("package-run"));
            Progress.Ticker ticker = progress.ticking("package run for " + runDate);
            try {
                result = job.run(runDate, options);
            } finally {
                ticker.close();
            }
        } finally {
            progress.finish();
        }
        if (format == Format.json) {
            out.println(json(result));
        } else {
            text(out, result);
        }
        out.flush();
        return result.succeeded() ? BillOpsCli.EXIT_OK : BillOpsCli.EXIT_FAILED;
    }

    /** A whole number from 1 to {@code max}; anything else is a usage error naming the value. */
    private static int bounded(String value, int max) {
        String refusal = "'" + value + "' is not a whole number from 1 to " + max;
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException(refusal);
        }
        if (n < 1 || n > max) {
            throw new TypeConversionException(refusal);
        }
        return n;
    }

    /** {@code --workers}: 1 to {@link PackageRunOptions#MAX_WORKERS}. */
    static final class Workers implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return bounded(value, PackageRunOptions.MAX_WORKERS);
        }
    }

    /** {@code --chunk-size}: 1 to {@link PackageRunOptions#MAX_CHUNK_SIZE}. */
    static final class ChunkSize implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return bounded(value, PackageRunOptions.MAX_CHUNK_SIZE);
        }
    }

    static void text(PrintWriter out, PackageRunResult r) {
        out.printf(Locale.ROOT, "Package run for %s%s: %d created, %d skipped, %d failed%n", r.date(),
                r.dryRun() ? " (dry run, nothing stored)" : "", r.created().size(), r.skipped().size(),
                r.failed().size());
        for (PackageRunResult.Created c : r.created()) {
            out.printf(Locale.ROOT, "  created  %-12s %-20s %-36s period %s..%s  %s%n", c.tenant().value(),
                    c.engagementId().value(), c.number(), c.period().start(), c.period().lastDay(), Text.money(c.total()));
        }
        for (PackageRunResult.Skipped s : r.skipped()) {
            out.printf(Locale.ROOT, "  skipped  %-12s %-20s period %s  %s%n", s.tenant().value(),
                    s.engagementId().value(), s.periodStart() == null ? "-" : s.periodStart(), reason(s));
        }
        for (PackageRunResult.Failed f : r.failed()) {
            out.printf(Locale.ROOT, "  FAILED   %-12s %-20s period %s  %s: %s%n", f.tenant().value(),
                    f.engagementId() == null ? "-" : f.engagementId().value(),
                    f.periodStart() == null ? "-" : f.periodStart(), f.errorType(), f.reason());
        }
    }

    /** Why a period was skipped, in words. */
    static String reason(PackageRunResult.Skipped s) {
        return switch (s.reason()) {
            case ALREADY_INVOICED -> "already invoiced" + (s.existingNumber() == null ? "" : " (" + s.existingNumber()
                    + ")");
            case NOT_A_PACKAGE -> "not a package engagement (HOURLY)";
            case OUTSIDE_CATCH_UP -> "due, not invoiced: older than the catch-up window (bill it with --bill-missed)";
        };
    }

    /**
     * One JSON object: {@code date}, {@code dryRun}, and arrays {@code created} (engagementId,
     * invoiceNumber, periodStart, total), {@code skipped} (engagementId, periodStart, reason) and
     * {@code failed} (engagementId, reason), each entry with its {@code tenant}.
     */
    static String json(PackageRunResult r) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("date", r.date().toString());
        root.put("dryRun", r.dryRun());
        ArrayNode created = root.putArray("created");
        for (PackageRunResult.Created c : r.created()) {
            ObjectNode n = created.addObject();
            tenant(n, c.tenant());
            n.put("engagementId", c.engagementId().value());
            n.put("invoiceNumber", c.number());
            n.put("periodStart", c.period().start().toString());
            n.put("periodLastDay", c.period().lastDay().toString());
            money(n.putObject("total"), c.total());
            n.put("dueDate", c.dueDate().toString());
        }
        ArrayNode skipped = root.putArray("skipped");
        for (PackageRunResult.Skipped s : r.skipped()) {
            ObjectNode n = skipped.addObject();
            tenant(n, s.tenant());
            n.put("engagementId", s.engagementId().value());
            n.put("periodStart", s.periodStart() == null ? null : s.periodStart().toString());
            n.put("reason", s.reason().name());
            n.put("existingInvoiceNumber", s.existingNumber());
        }
        ArrayNode failed = root.putArray("failed");
        for (PackageRunResult.Failed f : r.failed()) {
            ObjectNode n = failed.addObject();
            tenant(n, f.tenant());
            n.put("engagementId", f.engagementId() == null ? null : f.engagementId().value());
            n.put("periodStart", f.periodStart() == null ? null : f.periodStart().toString());
            n.put("reason", f.reason());
            n.put("errorType", f.errorType());
        }
        return mapper.writeValueAsString(root);
    }

    private static void tenant(ObjectNode n, TenantId tenant) {
        n.put("tenant", tenant.value());
    }

    /** Money as the library's JSON mapping writes it: the amount as a string. */
    private static void money(ObjectNode n, Money money) {
        n.put("amount", money.amount().toPlainString());
        n.put("currency", money.currencyCode());
    }
}
