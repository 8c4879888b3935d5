package dev.billops.examples.minimal;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.project.Project;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import dev.billops.pdf.InvoiceDocument;
import dev.billops.pdf.InvoicePdfRenderer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The smallest host application: plain {@code main}, no framework. Builds {@link Billing} on an
 * embedded H2 database, logs time, drafts and issues an invoice, renders it to PDF and records a
 * payment. The README's five-line example is taken from here.
 *
 * <p>Usage: {@code MinimalHost [DATA_DIR] [OUT_DIR]} (defaults {@code billops-data/minimal}, {@code billops-out}).
 */
public final class MinimalHost {

    private MinimalHost() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "billops-data/minimal");
        Path out = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "billops-out"));
        try (JdbcBillingStore store = JdbcStores.h2(data)) {
            Invoice issued = run(store, out);
            System.out.println("issued " + issued.number() + " for " + issued.totals().payable() + ", wrote "
                    + out.resolve(issued.number() + ".pdf"));
        }
    }

    /** Runs the example on {@code store} (tenant "acme"; each run adds a new client), PDF into {@code out}; returns the invoice. */
    static Invoice run(JdbcBillingStore store, Path out) throws IOException {
        Billing billing = Billing.builder().stores(store).build();
        TenantBilling acme = billing.tenant(TenantId.of("acme"), Actor.user("alice@acme.test"));
        Address berlin = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");
        Tenant seller = acme.profile().save(new Tenant(TenantId.of("acme"), "Acme Consulting GmbH", berlin,
                "DE123456789", "billing@acme.test", "DE89370400440532013000", "COBADEFFXXX", new BigDecimal("19")));
        ClientId client = acme.clients().create(Client.of(ClientId.generate(), "Globex GmbH", berlin,
                Currencies.of("EUR"))).id();
        ProjectId project = acme.projects().create(Project.of(ProjectId.generate(), client, "Website")).id();
        TimekeeperId alice = acme.timekeepers().create(Timekeeper.of(TimekeeperId.generate(), "Alice")).id();
        acme.rates().create(new RateRule(RateRuleId.generate(), RateScope.project(project),
                UnitPrice.of(Currencies.of("EUR"), "120"), RateUnit.HOUR, LocalDate.of(2026, 1, 1), null));

        ZoneId zone = ZoneId.of("Europe/Berlin");
        LocalDateTime start = LocalDateTime.of(2026, 11, 3, 9, 0);
        LocalDateTime end = start.plusHours(3);
        acme.timeEntries().log(TimeEntry.of(project, alice, null, TimeSpan.of(start, end, zone), "Sprint planning"));
        Invoice draft = acme.drafts().draft(client, LocalDateRange.ofMonth(YearMonth.of(2026, 11))).orElseThrow();
        Invoice issued = acme.invoices().issue(draft.id());
        acme.payments().record(PaymentRequest.of(client, Money.of("EUR", "200.00")).withIdempotencyKey(
                "bank-" + issued.number()));

        byte[] pdf = InvoicePdfRenderer.create().render(InvoiceDocument.of(seller, acme.clients().get(client), issued));
        Files.write(out.resolve(issued.number() + ".pdf"), pdf);
        return acme.invoices().get(issued.id());
    }
}
