package dev.billops.core.invoice;

import dev.billops.core.internal.Internals;
import dev.billops.core.TenantBilling;
import dev.billops.core.Billing;
import dev.billops.core.Invoices;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.numbering.NumberingPolicy;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.party.Tenant;
import dev.billops.core.spi.TenantStore;
import dev.billops.core.project.Project;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.internal.TenantScope;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.spi.TimeEntryStore;
import dev.billops.testkit.clock.MutableClock;
import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.memory.StoreSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/** A tenant with a VAT id, clients and a lifecycle service on the in-memory store. Not thread-safe. */
final class LifecycleFixture {

    static final CurrencyUnit EUR = Currencies.of("EUR");
    static final TenantId TENANT = TenantId.of("acme");
    static final String SELLER_VAT = "DE123456789";
    static final TaxTreatment VAT19 = TaxTreatment.standard(new BigDecimal("19"));
    static final TaxTreatment VAT7 = TaxTreatment.standard(new BigDecimal("7"));
    static final Address BERLIN = Address.of("Main St 1", "10115", "Berlin", "DE");

    final InMemoryBillingStore store = new InMemoryBillingStore();
    final MutableClock clock;
    final TenantScope scope;
    final Invoices lifecycle;

    LifecycleFixture(LocalDate today) {
        this(today, NumberingPolicy.defaults(), SELLER_VAT);
    }

    LifecycleFixture(LocalDate today, NumberingPolicy numbering, @Nullable String sellerVatId) {
        this(today, numbering, sellerVatId, BERLIN);
    }

    /** A fixture whose seller is at {@code sellerAddress} (its country is BT-40). */
    LifecycleFixture(LocalDate today, NumberingPolicy numbering, @Nullable String sellerVatId, Address sellerAddress) {
        clock = MutableClock.at(today);
        TenantBilling tenant = Billing.builder().stores(store).clock(clock).build()
                .tenant(TENANT, Actor.user("alice@acme.test"));
        scope = Internals.scope(tenant);
        lifecycle = tenant.invoices();
        scope.tx(s -> {
            s.get(TenantStore.class).save(Tenant.of(TENANT, "Acme Consulting", sellerAddress)
                    .withVatId(sellerVatId)
                    .withDefaultVatRate(new BigDecimal("19")).withNumbering(numbering));
            return null;
        });
    }

    /**
     * A standard-taxed client with the given terms and (optional) VAT id. The first client also
     * gets project p1, which the fixture's time entries are logged on.
     */
    ClientId client(String id, int termsDays, @Nullable String vatId) {
        return client(id, termsDays, vatId, BERLIN);
    }

    /** A standard-taxed client at {@code address}; see {@link #client(String, int, String)}. */
    ClientId client(String id, int termsDays, @Nullable String vatId, Address address) {
        ClientId clientId = ClientId.of(id);
        Client c = Client.of(clientId, "Client " + id, address, EUR).withTerms(termsDays)
                .withVatId(vatId);
        scope.tx(s -> {
            s.get(ClientStore.class).insert(c);
            if (s.get(ProjectStore.class).find(ProjectId.of("p1")).isEmpty()) {
                s.get(ProjectStore.class).insert(Project.of(ProjectId.of("p1"), clientId, "Project 1"));
            }
            return null;
        });
        return clientId;
    }

    void deactivate(ClientId id) {
        scope.tx(s -> {
            ClientStore clients = s.get(ClientStore.class);
            clients.update(clients.find(id).orElseThrow().withActive(false));
            return null;
        });
    }

    /** An open time entry of two hours on {@code day}. */
    TimeEntryId entry(LocalDate day) {
        TimeEntry e = TimeEntry.of(ProjectId.of("p1"), TimekeeperId.of("bob"), null,
                TimeSpan.of(LocalDateTime.of(day, java.time.LocalTime.of(9, 0)),
                        LocalDateTime.of(day, java.time.LocalTime.of(11, 0)), ZoneId.of("Europe/Berlin")), "work");
        scope.tx(s -> {
            s.get(TimeEntryStore.class).insert(e);
            return null;
        });
        return e.id();
    }

    TimeEntry storedEntry(TimeEntryId id) {
        return scope.tx(s -> s.get(TimeEntryStore.class).find(id).orElseThrow());
    }

    static InvoiceLine line(String quantity, String price, TaxTreatment tax) {
        return InvoiceLine.of("Consulting", new BigDecimal(quantity), UnitCode.HOUR, UnitPrice.of(EUR, price), tax);
    }

    static InvoiceLine line(String quantity, String price, TaxTreatment tax, List<TimeEntryId> entries) {
        InvoiceLine l = line(quantity, price, tax);
        return new InvoiceLine(1, l.description(), l.quantity(), l.unit(), l.price(), l.baseQuantity(),
                l.allowancesCharges(), tax, null, entries, ProjectId.of("p1"), null, null, null);
    }

    /** A draft of {@code client} with the given lines. */
    Invoice draft(ClientId client, InvoiceLine... lines) {
        Invoice d = lifecycle.createDraft(client);
        for (InvoiceLine l : lines) {
            d = lifecycle.addLine(d.id(), l);
        }
        return d;
    }

    /** An issued invoice of {@code client} with the given lines. */
    Invoice issued(ClientId client, InvoiceLine... lines) {
        return lifecycle.issue(draft(client, lines).id());
    }

    /** Records a payment the way the payment service does: through {@link Invoice#withSettlement}. */
    Invoice pay(Invoice invoice, Money amount) {
        return scope.tx(s -> {
            InvoiceStore invoices = s.get(InvoiceStore.class);
            Invoice current = invoices.find(invoice.id()).orElseThrow();
            return invoices.update(Transitions.withSettlement(current, current.paid().plus(amount),
                    current.credited()));
        });
    }

    Invoice stored(Invoice invoice) {
        return scope.tx(s -> s.get(InvoiceStore.class).find(invoice.id()).orElseThrow());
    }

    StoreSnapshot snapshot() {
        return store.snapshot(TENANT);
    }

    static Money eur(String amount) {
        return Money.of(EUR, amount);
    }
}
