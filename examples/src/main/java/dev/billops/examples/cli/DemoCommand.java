package dev.billops.examples.cli;

import dev.billops.core.party.TenantAlreadyExistsException;
import dev.billops.core.engagement.PackageRunResult;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.TenantId;
import dev.billops.core.money.Money;
import dev.billops.examples.demo.Consultancy;
import dev.billops.examples.demo.DemoCalendar;
import dev.billops.examples.demo.DemoReport;
import dev.billops.examples.demo.DemoRun;
import dev.billops.jdbc.JdbcBillingStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: a month of a small consultancy, end to end; see {@link DemoRun}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Creates a small consultancy (tenant, 4 clients in EUR and USD, projects, rates, engagements), "
                + "logs and imports a month of time, issues the invoices, runs the package billing, records payments, "
                + "imports January's bank statement (camt.053), "
                + "writes one PDF per invoice, an XRechnung and a Factur-X file for the German client, "
                + "and prints the totals and the AR aging.",
            "Deterministic for a given seed. On a database that already has the tenant, a new one "
                + "(northwind-2, ...) is created beside it."})
final class DemoCommand implements Callable<Integer> {

    static final String DEFAULT_TENANT = "northwind";

    /** How often the demo picks the next free tenant id when concurrent runs keep taking it first. */
    static final int MAX_TENANT_ATTEMPTS = 20;

    @Spec
    @Nullable CommandSpec spec;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "billops-out",
            description = "where the PDFs go (default: ${DEFAULT-VALUE})")
    Path out = Path.of("billops-out");

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "seed of the generated time entries (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--tenant", paramLabel = "ID", converter = IdConverter.Tenant.class,
            description = "the tenant to create; it must not exist yet (default: " + DEFAULT_TENANT + ")")
    @Nullable String tenant;

    @Option(names = "--no-calendar", description = "skip the import of the demo's ICS calendar")
    boolean noCalendar;

    @Override
    public Integer call() {
        PrintWriter stdout = Objects.requireNonNull(spec).commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Progress progress = Progress.on(stderr);
        try (JdbcBillingStore store = db.open()) {
            DemoReport report = null;
            for (int attempt = 1; report == null; attempt++) {
                TenantId id = freshTenant(store.tenantIds());
                DemoRun run = new DemoRun(store, id, seed, out, progress::update,
                        noCalendar ? null : DemoCalendar.fromClassPath());
                try {
                    report = run.run();
                } catch (TenantAlreadyExistsException e) {
                    // another demo run created the same tenant since we looked: nothing of ours was stored
                    if (tenant != null || attempt >= MAX_TENANT_ATTEMPTS) {
                        throw new CliFailure("tenant '" + id.value() + "' already exists in " + db.describe()
                                + "; the demo creates a new tenant: choose another --tenant or another --db");
                    }
                }
            }
            progress.finish();
            print(stdout, report, db.describe());
        } finally {
            progress.finish();
        }
        return BillOpsCli.EXIT_OK;
    }

    private TenantId freshTenant(List<TenantId> existing) {
        if (tenant != null) {
            TenantId id = TenantId.of(tenant);
            if (existing.contains(id)) {
                throw new CliFailure("tenant '" + tenant + "' already exists in " + db.describe()
                        + "; the demo creates a new tenant: choose another --tenant or another --db");
            }
            return id;
        }
        TenantId id = TenantId.of(DEFAULT_TENANT);
        for (int n = 2; existing.contains(id); n++) {
            id = TenantId.of(DEFAULT_TENANT + "-" + n);
        }
        return id;
    }

    /** The summary: invoices per client with totals per currency, the package run, payments, PDFs, aging. */
    static void print(PrintWriter out, DemoReport r, String database) {
        out.printf(Locale.ROOT, "BillOps demo: Northwind Consulting GmbH, tenant %s, %s, seed %d%n", r.tenant().value(),
                Consultancy.MONTH, r.seed());
        out.printf(Locale.ROOT, "Database: %s%n%n", database);

        out.printf(Locale.ROOT, "Time: %d entries logged", r.loggedEntries());
        DemoReport.CalendarSummary cal = r.calendar();
        if (cal != null) {
            out.printf(Locale.ROOT, ", %d imported from %s (%d events skipped, %d without a project code)",
                    cal.created(), cal.source(), cal.skipped(), cal.unmapped());
        }
        out.printf(Locale.ROOT, "; %s hours in %s%n%n", r.billedHours(), Consultancy.MONTH);

        out.printf(Locale.ROOT, "Invoices issued on %s (time) and by the package run:%n", DemoRun.INVOICE_DATE);
        out.printf(Locale.ROOT, "  %-34s %-8s %-10s %-7s %16s%n", "number", "client", "due", "kind", "total");
        for (DemoReport.IssuedInvoice i : r.invoices()) {
            out.printf(Locale.ROOT, "  %-34s %-8s %-10s %-7s %16s%n", i.number(), i.clientId().value(), i.dueDate(),
                    i.kind(), Text.money(i.total()));
        }
        out.println();
        out.println("Issued per client:");
        Map<ClientId, String> names = new LinkedHashMap<>();
        Map<String, Map<String, Money>> perClient = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Money> perCurrency = new TreeMap<>();
        for (DemoReport.IssuedInvoice i : r.invoices()) {
            names.put(i.clientId(), i.clientName());
            perClient.computeIfAbsent(i.clientId().value(), k -> new TreeMap<>()).merge(i.total().currencyCode(),
                    i.total(), Money::plus);
            counts.merge(i.clientId().value(), 1, Integer::sum);
            perCurrency.merge(i.total().currencyCode(), i.total(), Money::plus);
        }
        for (Map.Entry<String, Map<String, Money>> e : perClient.entrySet()) {
            String name = names.get(ClientId.of(e.getKey()));
            for (Money total : e.getValue().values()) {
                out.printf(Locale.ROOT, "  client %-10s %-24s invoices %2d   total %18s%n", e.getKey(),
                        Text.truncate(String.valueOf(name), 24), counts.get(e.getKey()), Text.money(total));
            }
        }
        for (Money total : perCurrency.values()) {
            out.printf(Locale.ROOT, "  issued total %s: %s%n", total.currencyCode(), Text.money(total));
        }
        out.println();

        PackageRunResult pkg = r.packageRun();
        out.printf(Locale.ROOT, "Package run for %s: %d created, %d skipped, %d failed%n%n", pkg.date(),
                pkg.created().size(), pkg.skipped().size(), pkg.failed().size());

        out.printf(Locale.ROOT, "Autopay (card on file, demo gateway with a limit of %s):%n",
                Text.money(DemoRun.CARD_LIMIT));
        for (DemoReport.AutopayCharge a : r.autopay()) {
            out.printf(Locale.ROOT, "  %-34s %-8s %16s  %-7s %s%n", a.invoiceNumber(), a.clientId().value(),
                    Text.money(a.amount()), a.outcome(), a.message());
        }
        out.println();

        out.println("Payments received:");
        for (DemoReport.RecordedPayment p : r.payments()) {
            out.printf(Locale.ROOT, "  %s  %-8s %18s  %-7s -> %s%s%n", p.date(), p.clientId().value(),
                    Text.money(p.amount()), p.kind(), p.invoiceNumber(),
                    p.credit().isPositive() ? ", " + Text.money(p.credit()) + " left as client credit" : "");
        }
        out.println();

        DemoReport.BankImport bank = r.bank();
        out.printf(Locale.ROOT, "Bank statement of January (%s, %s): %d bookings, %d debits ignored%n", bank.format(),
                bank.file(), bank.bookings(), bank.ignored());
        for (DemoReport.BankMatch m : r.bank().matches()) {
            out.printf(Locale.ROOT, "  %s  %-20s %14s  %-9s %-18s %-32s %s%n", m.date(), Text.truncate(m.payer(), 20),
                    Text.money(m.amount()), m.outcome(), m.rule(), m.invoices().isEmpty() ? "-" : m.invoices(),
                    m.recorded() ? "recorded" : "for review");
            out.printf(Locale.ROOT, "      why: %s%n", m.explanation());
        }
        out.printf(Locale.ROOT, "  imported again: %d payments recorded, %d already recorded%n%n", bank.recordedAgain(),
                bank.alreadyRecorded());

        Path dir = r.pdfs().isEmpty() ? null : r.pdfs().get(0).toAbsolutePath().getParent();
        out.printf(Locale.ROOT, "PDFs: %d written to %s%n", r.pdfs().size(), dir);
        out.printf(Locale.ROOT, "E-invoices for %s: %s%n%n", Consultancy.ACME.value(), String.join(", ",
                r.einvoices().stream().map(p -> "einvoices/" + p.getFileName()).toList()));

        out.printf(Locale.ROOT, "AR aging as of %s:%n", r.aging().asOf());
        Text.agingTable(out, r.aging(), names);
        out.flush();
    }
}
