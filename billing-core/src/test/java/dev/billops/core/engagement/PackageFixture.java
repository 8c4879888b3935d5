package dev.billops.core.engagement;

import dev.billops.core.Billing;
import dev.billops.core.BillingPolicies;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.party.Tenant;
import dev.billops.core.spi.TenantStore;
import dev.billops.core.spi.BillingStore;
import dev.billops.testkit.clock.MutableClock;
import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.memory.StoreSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** One tenant (19 % VAT) with one EUR client on an in-memory store, and shortcuts for package tests. */
final class PackageFixture {

    static final TenantId ACME = TenantId.of("acme");
    static final ClientId GLOBEX = ClientId.of("globex");
    static final Address ADDRESS = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");

    final InMemoryBillingStore memory = new InMemoryBillingStore();
    final MutableClock clock;
    final BillingStore store;
    final Billing billing;
    final TenantBilling acme;

    PackageFixture(LocalDate today) {
        this(today, PackagePolicy.defaults(), null);
    }

    PackageFixture(LocalDate today, PackagePolicy policy) {
        this(today, policy, null);
    }

    /** With {@code wrap} the services see a decorated store (e.g. one that races them). */
    PackageFixture(LocalDate today, PackagePolicy policy, @Nullable UnaryOperator<BillingStore> wrap) {
        clock = MutableClock.at(today);
        store = wrap == null ? memory : wrap.apply(memory);
        billing = Billing.builder().stores(store).clock(clock)
                .policies(BillingPolicies.defaults().withPackages(policy)).build();
        acme = billing.tenant(ACME, Actor.user("alice@acme.test"));
        addTenant(ACME, new BigDecimal("19"));
        addClient(ACME, Client.of(GLOBEX, "Globex Corp", ADDRESS, Currencies.of("EUR")));
    }

    void addTenant(TenantId tenant, BigDecimal vatRate) {
        memory.inTransaction(tenant, s -> {
            s.get(TenantStore.class).save(Tenant.of(tenant, "Seller " + tenant, ADDRESS)
                    .withVatId("DE123456789")
                    .withDefaultVatRate(vatRate));
            return null;
        });
    }

    void addClient(TenantId tenant, Client client) {
        memory.inTransaction(tenant, s -> {
            s.get(ClientStore.class).insert(client);
            return null;
        });
    }

    /** A monthly-or-other package engagement of Globex, prorated by days, created through the service. */
    Engagement pkg(String id, String fee, PackageSchedule schedule, String start, @Nullable String end) {
        return acme.engagements().create(Engagement.ofPackage(EngagementId.of(id), GLOBEX, "Retainer " + id,
                Money.of("EUR", fee), schedule, LocalDate.parse(start), end == null ? null : LocalDate.parse(end)));
    }

    StoreSnapshot snapshot() {
        return memory.snapshot(ACME);
    }

    /** Invoices of the tenant, ordered by engagement then period start. */
    List<Invoice> invoices() {
        return invoices(ACME);
    }

    List<Invoice> invoices(TenantId tenant) {
        return memory.inTransaction(tenant, s -> s.get(InvoiceStore.class).list(InvoiceQuery.all())).stream()
                .sorted(Comparator.comparing((Invoice i) -> String.valueOf(i.engagementId()))
                        .thenComparing(i -> String.valueOf(i.packagePeriodStart())))
                .toList();
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
