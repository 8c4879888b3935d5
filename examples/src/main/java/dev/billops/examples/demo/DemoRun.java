package dev.billops.examples.demo;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.engagement.PackageRunResult;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.invoice.DraftOptions;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.money.Money;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.payment.AgingReport;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryQuery;
import dev.billops.einvoice.EInvoiceMapper;
import dev.billops.einvoice.EInvoiceProfile;
import dev.billops.einvoice.EInvoiceWriter;
import dev.billops.einvoice.facturx.FacturX;
import dev.billops.einvoice.model.EInvoice;
import dev.billops.pdf.InvoiceDocument;
import dev.billops.pdf.InvoicePdfRenderer;
import dev.billops.spi.runtime.autopay.Autopay;
import dev.billops.spi.runtime.autopay.AutopayResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs the demo month on a store: sets up {@link Consultancy}, logs its time (and imports its
 * calendar), issues November's invoices on 1 December, runs the package billing for that day,
 * charges the autopay client's invoices on its card ({@link DemoCardGateway}, one is declined),
 * records three payments in December (full, partial, over), imports January's bank statement
 * ({@link BankStatementStep}), renders every issued invoice to PDF, writes the German client's
 * invoice as XRechnung and Factur-X and measures AR aging on
 * {@link #AGING_DATE}. Every date comes from a {@link DemoClock}, every
 * id from the seed, so a seed always gives the same invoices and amounts.
 *
 * <p>Not thread-safe; one run per instance.
 */
public final class DemoRun {

    /** The day November is invoiced and the package run runs. */
    public static final LocalDate INVOICE_DATE = LocalDate.of(2026, 12, 1);
    /** The day January's bank statement is imported. */
    public static final LocalDate BANK_STATEMENT_DATE = LocalDate.of(2027, 1, 18);
    /** The day the summary's AR aging is measured. */
    public static final LocalDate AGING_DATE = LocalDate.of(2027, 1, 20);
    /** What the demo's card gateway lets a card be charged in total. */
    public static final Money CARD_LIMIT = Money.of(Consultancy.EUR, "6000.00");
    /** Hand-logged entries are stored in batches of this size. */
    static final int BATCH = 100;

    /** Where a run reports how far it got. */
    @FunctionalInterface
    public interface Steps {
        /** {@code done} of {@code total} items of {@code step} are done ({@code total} 0: not counted). */
        void update(String step, long done, long total);
    }

    /** Imports the demo calendar into the tenant; see {@link DemoCalendar}. */
    @FunctionalInterface
    public interface CalendarStep {
        DemoReport.CalendarSummary importInto(TenantBilling tenant);
    }

    private final BillingStore store;
    private final TenantId tenantId;
    private final long seed;
    private final Path outDir;
    private final Steps steps;
    private final @Nullable CalendarStep calendar;
    private final DemoCardGateway gateway = new DemoCardGateway(CARD_LIMIT);

    /**
     * @param store where everything is stored
     * @param tenantId the tenant to create; it must not exist yet
     * @param seed the seed of the generated time
     * @param outDir where the PDFs go (created if missing)
     * @param steps progress reports
     * @param calendar the calendar import, or null for none
     */
    public DemoRun(BillingStore store, TenantId tenantId, long seed, Path outDir, Steps steps,
            @Nullable CalendarStep calendar) {
        this.store = Objects.requireNonNull(store, "store");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.seed = seed;
        this.outDir = Objects.requireNonNull(outDir, "outDir");
        this.steps = Objects.requireNonNull(steps, "steps");
        this.calendar = calendar;
    }

    public DemoReport run() {
        DemoClock clock = new DemoClock(Consultancy.MONTH.atDay(1), Consultancy.ZONE);
        Billing billing = Billing.builder().stores(store).clock(clock).build();
        TenantBilling t = billing.tenant(tenantId, Actor.user("office@northwind.test"));

        steps.update("setting up the consultancy", 0, 0);
        Consultancy.setUp(t);

        DemoReport.CalendarSummary imported = null;
        if (calendar != null) {
            steps.update("importing the calendar", 0, 0);
            imported = calendar.importInto(t);
        }
        Map<TimekeeperId, List<TimeSpan>> busy = new HashMap<>();
        for (TimeEntry e : monthEntries(t)) {
            busy.computeIfAbsent(e.timekeeperId(), k -> new ArrayList<>()).add(e.span());
        }
        List<TimeEntry> month = Consultancy.month(seed, busy);
        for (int i = 0; i < month.size(); i += BATCH) {
            t.timeEntries().logAll(month.subList(i, Math.min(month.size(), i + BATCH)));
            steps.update("logging time", Math.min(month.size(), i + BATCH), month.size());
        }
        String hours = hoursOfMonth(t);

        clock.set(INVOICE_DATE);
        List<Invoice> issued = new ArrayList<>();
        List<Client> clients = t.clients().list().stream().sorted(Comparator.comparing(c -> c.id().value())).toList();
        int n = 0;
        for (Client client : clients) {
            InvoiceId id = InvoiceId.of("inv-" + client.id().value() + "-" + Consultancy.MONTH);
            t.invoices().draft(client.id(), LocalDateRange.ofMonth(Consultancy.MONTH),
                    DraftOptions.defaults().withInvoiceId(id))
                    .ifPresent(draft -> issued.add(t.invoices().issue(draft.id())));
            steps.update("issuing November's invoices", ++n, clients.size());
        }
        steps.update("running the package billing", 0, 0);
        PackageRunResult packageRun = t.packages().run(INVOICE_DATE);

        steps.update("charging autopay clients", 0, 0);
        List<DemoReport.AutopayCharge> autopay = new ArrayList<>();
        Autopay charger = new Autopay(t, gateway);
        for (Invoice invoice : issuedInvoices(t)) {
            Client client = t.clients().get(invoice.clientId());
            if (client.autopayEnabled()) {
                AutopayResult r = charger.charge(invoice.id());
                autopay.add(new DemoReport.AutopayCharge(client.id(), Objects.requireNonNull(invoice.number()),
                        invoice.totals().payable(), r.outcome().name(), r.message()));
            }
        }

        List<DemoReport.RecordedPayment> payments = new ArrayList<>();
        Invoice acme = timeInvoiceOf(issued, Consultancy.ACME);
        payments.add(pay(t, clock, acme, LocalDate.of(2026, 12, 10), acme.totals().payable(), "full"));
        Invoice initech = timeInvoiceOf(issued, Consultancy.INITECH);
        Money half = initech.totals().payable().dividedBy(BigDecimal.valueOf(2), RoundingMode.DOWN);
        payments.add(pay(t, clock, initech, LocalDate.of(2026, 12, 18), half, "partial"));
        Invoice globex = timeInvoiceOf(issued, Consultancy.GLOBEX);
        Money over = globex.totals().payable().plus(Money.of(Consultancy.USD, "250.00"));
        payments.add(pay(t, clock, globex, LocalDate.of(2026, 12, 22), over, "over"));

        clock.set(BANK_STATEMENT_DATE);
        steps.update("importing January's bank statement", 0, 0);
        DemoReport.BankImport bank = new BankStatementStep(t, outDir).run();

        clock.set(AGING_DATE);
        List<Invoice> all = issuedInvoices(t);
        List<Path> pdfs = render(t, all);
        AgingReport aging = t.receivables().aging(AGING_DATE);

        List<DemoReport.IssuedInvoice> rows = all.stream().map(i -> new DemoReport.IssuedInvoice(i.clientId(),
                t.clients().get(i.clientId()).name(), Objects.requireNonNull(i.number()),
                i.engagementId() == null ? "time" : "package", i.totals().payable(),
                Objects.requireNonNull(i.dueDate()))).toList();
        List<Path> einvoices = writeEInvoices(t, acme);
        return new DemoReport(tenantId, seed, month.size(), imported, hours, rows, packageRun, payments, autopay, pdfs,
                bank, aging, einvoices);
    }

    private static Invoice timeInvoiceOf(List<Invoice> issued, ClientId client) {
        return issued.stream().filter(i -> i.clientId().equals(client)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo month has no billable time for " + client));
    }

    private DemoReport.RecordedPayment pay(TenantBilling t, DemoClock clock, Invoice invoice, LocalDate date,
            Money amount, String kind) {
        clock.set(date);
        steps.update("recording payments", 0, 0);
        Payment p = t.payments().record(PaymentRequest.of(invoice.clientId(), amount).toInvoice(invoice.id())
                .withReceivedOn(date).withExternalRef("bank-" + invoice.number())
                .withIdempotencyKey("demo-" + invoice.id().value()));
        return new DemoReport.RecordedPayment(invoice.clientId(), date, amount, kind,
                Objects.requireNonNull(invoice.number()), p.unallocated());
    }

    /** Every issued invoice of the tenant (time invoices first, then package invoices), by number. */
    static List<Invoice> issuedInvoices(TenantBilling t) {
        return t.invoices().list(InvoiceQuery.all()).stream()
                .filter(i -> !i.type().isCreditNote() && i.status() != InvoiceStatus.DRAFT)
                .sorted(Comparator.comparing((Invoice i) -> i.engagementId() != null)
                        .thenComparing(i -> Objects.requireNonNull(i.number())))
                .toList();
    }

    private List<Path> render(TenantBilling t, List<Invoice> invoices) {
        InvoicePdfRenderer renderer = InvoicePdfRenderer.create();
        Tenant seller = t.profile().get();
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(outDir);
            for (Invoice invoice : invoices) {
                Path file = outDir.resolve(invoice.number() + ".pdf");
                writeAtomically(file, renderer.render(InvoiceDocument.of(seller, t.clients().get(invoice.clientId()),
                        invoice)));
                written.add(file);
                steps.update("rendering PDFs", written.size(), invoices.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDFs to " + outDir + ": " + e.getMessage(), e);
        }
        return written;
    }

    /**
     * Writes the German client's time invoice as an XRechnung 3.0 (UBL) and as a Factur-X PDF into
     * {@code einvoices/} under the output folder; every business term comes from the stored tenant,
     * client and invoice ({@link Consultancy} stores them).
     */
    private List<Path> writeEInvoices(TenantBilling t, Invoice invoice) {
        steps.update("writing e-invoices", 0, 0);
        Tenant seller = t.profile().get();
        Client buyer = t.clients().get(invoice.clientId());
        Invoice stored = t.invoices().get(invoice.id());
        EInvoice e = EInvoiceMapper.map(seller, buyer, stored);
        Path dir = outDir.resolve("einvoices");
        Path xrechnung = dir.resolve(stored.number() + "-xrechnung.xml");
        Path facturx = dir.resolve(stored.number() + "-facturx.pdf");
        try {
            Files.createDirectories(dir);
            writeAtomically(xrechnung, EInvoiceWriter.write(e, EInvoiceProfile.XRECHNUNG_UBL));
            byte[] pdf = InvoicePdfRenderer.create().render(InvoiceDocument.of(seller, buyer, stored));
            writeAtomically(facturx, FacturX.create(pdf, e));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the e-invoices to " + dir + ": " + ex.getMessage(), ex);
        }
        return List.of(xrechnung, facturx);
    }

    /** Writes {@code bytes} to a temporary file beside {@code file}, then moves it into place. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static List<TimeEntry> monthEntries(TenantBilling t) {
        return t.timeEntries().list(TimeEntryQuery.all(Set.of(), LocalDateRange.ofMonth(Consultancy.MONTH)));
    }

    private static String hoursOfMonth(TenantBilling t) {
        Duration total = monthEntries(t).stream().map(TimeEntry::duration).reduce(Duration.ZERO, Duration::plus);
        return BigDecimal.valueOf(total.toMinutes()).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
