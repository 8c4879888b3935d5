package dev.billops.examples.start;

import dev.billops.core.Billing;
import dev.billops.core.id.TenantId;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.TaxProfile;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.project.Project;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.time.DurationRounding;
import dev.billops.core.time.RoundingDirection;
import dev.billops.core.time.RoundingScope;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.jackson.BillOpsJson;
import dev.billops.jdbc.JdbcStores;
import dev.billops.pdf.InvoiceDocument;
import dev.billops.pdf.InvoicePdfRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The README's "Getting started" host, compiled and run by a test: the README shows this class from here on. */
public final class GettingStarted {

    private GettingStarted() {
    }

    /** Keeps its H2 database and the invoice PDF in the folder {@code args[0]} (default {@code billops-start}). */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "billops-start"));
        try (Billing billing = Billing.builder().stores(JdbcStores.h2(dir.resolve("data"))).build()) {
            var acme = billing.tenant(TenantId.of("acme"), Actor.user("alice@acme.test"));
            var seller = acme.profile().save(Tenant.of(acme.tenantId(), "Acme Consulting GmbH",
                    Address.of("Hauptstr. 1", "10115", "Berlin", "DE"))
                    .withVatId("DE123456789").withBankAccount("DE89370400440532013000", "COBADEFFXXX"));

            // a Dutch business client: reverse charge (VAT category AE), both VAT ids on the invoice
            var client = acme.clients().create(Client.of("Globex B.V.",
                    Address.of("Keizersgracht 1", "1015 CJ", "Amsterdam", "NL"), "EUR")
                    .withVatId("NL123456789B01").withTaxProfile(TaxProfile.REVERSE_CHARGE).withTerms(14));
            // time is billed in started quarter hours, at EUR 120 an hour
            var project = acme.projects().create(Project.of(client.id(), "Website")
                    .withRounding(DurationRounding.ofMinutes(15, RoundingDirection.UP), RoundingScope.PER_ENTRY)).id();
            var alice = acme.timekeepers().create(Timekeeper.of("Alice")).id();
            acme.rates().create(RateRule.hourly(RateScope.project(project), UnitPrice.of("EUR", "120"),
                    LocalDate.of(2026, 1, 1)));

            var start = ZonedDateTime.of(2026, 11, 3, 9, 0, 0, 0, ZoneId.of("Europe/Berlin"));
            acme.timeEntries().log(TimeEntry.of(project, alice, TimeSpan.of(start, start.plusMinutes(100)), "Workshop"));
            var invoice = acme.invoices().issue(
                    acme.invoices().draft(client.id(), YearMonth.of(2026, 11)).orElseThrow().id()); // 1.75 h: 210.00
            acme.payments().record(PaymentRequest.of(client.id(), Money.of("EUR", "100.00"))
                    .withIdempotencyKey("bank-" + invoice.number())); // a retry with this key records nothing

            Files.write(dir.resolve(invoice.number() + ".pdf"),
                    InvoicePdfRenderer.create().render(InvoiceDocument.of(seller, client, invoice)));
            var aging = acme.receivables().aging(invoice.dueDate().plusDays(1)); // 110.00 overdue 1-30 days
            System.out.println(BillOpsJson.mapper().writeValueAsString(aging));
        }
    }
}
