package dev.billops.examples.minimal;

import dev.billops.core.Billing;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Tenant;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.rate.RateRule;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.jdbc.JdbcStores;
import dev.billops.pdf.InvoicePdfRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;

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
        var acme = billing.tenant("acme", Actor.user("alice@acme.test"));
        var berlin = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");
        var seller = acme.profile().save(Tenant.of(acme.tenantId(), "Acme Consulting GmbH", berlin)
                .withVatId("DE123456789").withDefaultVatRate("19")
                .withBankAccount("DE89370400440532013000", "COBADEFFXXX"));
        var client = acme.clients().create("Globex GmbH", berlin, "EUR");
        var project = acme.projects().create(client.id(), "Website").id();
        var alice = acme.timekeepers().create("Alice").id();
        acme.rates().create(RateRule.hourly(project, UnitPrice.of("EUR", "120"), LocalDate.of(2026, 1, 1)));

        var start = ZonedDateTime.parse("2026-11-03T09:00+01:00[Europe/Berlin]");
        acme.timeEntries().log(TimeEntry.of(project, alice, start, start.plusHours(3), "Sprint planning"));
        Invoice issued = acme.invoices().issue(acme.invoices().draft(client.id(), YearMonth.of(2026, 11)).orElseThrow().id());
        acme.payments().record(PaymentRequest.of(client.id(), Money.of("EUR", "200.00")).withIdempotencyKey("bank-" + issued.number()));

        Files.write(out.resolve(issued.number() + ".pdf"), InvoicePdfRenderer.create().render(seller, client, issued));
        return acme.invoices().get(issued.id());
    }
}
