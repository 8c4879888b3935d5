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
import javax.money.CurrencyUnit;

/**
 * The smallest host application: plain {@code main}, no framework. Builds {@link Billing} on an
 * embedded H2 database, logs time, drafts and issues an invoice, renders it to PDF and records a
 * payment. The README's five-line example is made of lines of this class (a test checks that).
 *
 * <p>Run it with {@code mvn -B -q -DskipTests -pl examples -am package exec:java
 * -Dexec.mainClass=dev.billops.examples.minimal.MinimalHost}; it writes
 * {@code billops-out/minimal/INV-<year>-<n>.pdf} and keeps its database in {@code billops-data/minimal}.
 */
public final class MinimalHost {

    private MinimalHost() {
    }

    public static void main(String[] args) throws IOException {
        try (Billing billing = Billing.builder().stores(JdbcStores.h2(Path.of("billops-data", "minimal"))).build()) {
            Path out = Files.createDirectories(Path.of("billops-out", "minimal"));
            Invoice invoice = run(billing, out);
            System.out.println("issued " + invoice.number() + " for " + invoice.totals().payable() + ", paid "
                    + invoice.paid() + ", wrote " + out.resolve(invoice.number() + ".pdf"));
        }
    }

    /** The example on {@code billing} (tenant "acme"; each run adds a client); the PDF goes to {@code out}. */
    static Invoice run(Billing billing, Path out) throws IOException {
        TenantBilling acme = billing.tenant(TenantId.of("acme"), Actor.user("alice@acme.test"));
        Address berlin = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");
        Tenant seller = acme.profile().save(Tenant.of(TenantId.of("acme"), "Acme Consulting GmbH", berlin)
                .withVatId("DE123456789")
                .withEmail("billing@acme.test")
                .withBankAccount("DE89370400440532013000", "COBADEFFXXX")
                .withDefaultVatRate(new BigDecimal("19")));
        CurrencyUnit eur = Currencies.of("EUR");
        ClientId client = acme.clients().create(Client.of(ClientId.generate(), "Globex GmbH", berlin, eur)).id();
        ProjectId project = acme.projects().create(Project.of(ProjectId.generate(), client, "Website")).id();
        TimekeeperId alice = acme.timekeepers().create(Timekeeper.of(TimekeeperId.generate(), "Alice")).id();
        acme.rates().create(new RateRule(RateRuleId.generate(), RateScope.project(project), UnitPrice.of(eur, "120"),
                RateUnit.HOUR, LocalDate.of(2026, 1, 1), null));

        ZoneId zone = ZoneId.of("Europe/Berlin");
        LocalDateTime start = LocalDateTime.of(2026, 11, 3, 9, 0);
        LocalDateTime end = start.plusHours(3);
        LocalDateRange november = LocalDateRange.ofMonth(YearMonth.of(2026, 11));
        acme.timeEntries().log(TimeEntry.of(project, alice, null, TimeSpan.of(start, end, zone), "Sprint planning"));
        Invoice issued = acme.invoices().issue(acme.invoices().draft(client, november).orElseThrow().id());
        acme.payments().record(PaymentRequest.of(client, Money.of("EUR", "200.00")).withIdempotencyKey("bank-" + issued.number()));

        byte[] pdf = InvoicePdfRenderer.create().render(InvoiceDocument.of(seller, acme.clients().get(client), issued));
        Files.write(out.resolve(issued.number() + ".pdf"), pdf);
        return acme.invoices().get(issued.id());
    }
}
