package dev.billops.jdbc;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.party.Tenant;
import dev.billops.core.spi.TenantStore;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.TimeEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.money.CurrencyUnit;

/** Small valid domain values for the JDBC tests. */
final class Seeds {

    static final CurrencyUnit EUR = Currencies.of("EUR");
    static final Address ADDRESS = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");
    static final ClientId CLIENT = ClientId.of("globex");
    static final ProjectId PROJECT = ProjectId.of("web");
    static final TimekeeperId ALICE = TimekeeperId.of("alice");
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private Seeds() {
    }

    /** Stores the tenant (19 % VAT) and the EUR client Globex. */
    static void tenantWithClient(BillingStore store, TenantId tenant) {
        store.inTransaction(tenant, s -> {
            s.get(TenantStore.class).save(Tenant.of(tenant, "Seller " + tenant, ADDRESS)
                    .withVatId("DE123456789")
                    .withDefaultVatRate(new BigDecimal("19")));
            s.get(ClientStore.class).insert(Client.of(CLIENT, "Globex Corp", ADDRESS, EUR));
            return null;
        });
    }

    /** An open one-hour entry, the n-th hour after {@link #T0}. */
    static TimeEntry entry(String id, int hour) {
        Instant start = T0.plusSeconds(3600L * hour);
        return new TimeEntry(TimeEntryId.of(id), PROJECT, ALICE, null, TimeSpan.of(start, start.plusSeconds(3600), BERLIN),
                "work " + id, true, null, null, dev.billops.core.timeentry.EntryState.OPEN, null, null, 0);
    }

    /** A one-line draft of {@code hours} hours at EUR 100.00, 19 % VAT. */
    static Invoice draft(String id, String hours) {
        InvoiceLine line = InvoiceLine.of("Consulting", new BigDecimal(hours), UnitCode.HOUR, UnitPrice.of(EUR,
                "100.00"), TaxTreatment.standard(new BigDecimal("19")));
        return Invoice.draft(InvoiceId.of(id), CLIENT, EUR, InvoiceSource.MANUAL).withLines(List.of(line));
    }

    /** A draft package invoice of {@code engagement} for the period starting {@code periodStart}. */
    static Invoice packageDraft(String id, EngagementId engagement, LocalDate periodStart) {
        return draft(id, "1").forPackagePeriod(engagement, periodStart);
    }
}
