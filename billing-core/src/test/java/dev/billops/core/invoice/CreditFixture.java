package dev.billops.core.invoice;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.TenantId;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.tax.TaxPolicy;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.testkit.clock.MutableClock;
import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.memory.StoreSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import javax.money.CurrencyUnit;

/**
 * A tenant with a VAT id and one client in {@code currency}, built and driven only through the
 * public facade ({@link Billing}, {@link TenantBilling}) with the given tax policy in the tenant's
 * profile. Not thread-safe.
 */
final class CreditFixture {

    static final TenantId TENANT = TenantId.of("acme");
    static final ClientId CLIENT = ClientId.of("globex");
    static final TaxTreatment VAT19 = TaxTreatment.standard(new BigDecimal("19"));
    static final TaxTreatment VAT7 = TaxTreatment.standard(new BigDecimal("7"));
    static final Address BERLIN = Address.of("Main St 1", "10115", "Berlin", "DE");

    final InMemoryBillingStore store = new InMemoryBillingStore();
    final MutableClock clock = MutableClock.at(LocalDate.of(2026, 11, 20));
    final TenantBilling acme;
    final CurrencyUnit currency;

    CreditFixture(TaxPolicy tax) {
        this(tax, "EUR");
    }

    CreditFixture(TaxPolicy tax, String currencyCode) {
        currency = Currencies.of(currencyCode);
        Billing billing = Billing.builder().stores(store).clock(clock).build();
        acme = billing.tenant(TENANT, Actor.user("alice@acme.test"));
        acme.profile().create(Tenant.of(TENANT, "Acme Consulting", BERLIN)
                .withVatId("DE123456789")
                .withDefaultVatRate(new BigDecimal("19")).withTax(tax));
        acme.clients().create(Client.of(CLIENT, "Globex", BERLIN, currency)
                .withVatId("FR12345678901"));
    }

    /** A draft of the client with one line per {@code quantity x price} pair, all at {@code tax}. */
    Invoice draft(TaxTreatment tax, String... quantityPrice) {
        Invoice d = acme.invoices().createDraft(CLIENT);
        for (int i = 0; i < quantityPrice.length; i += 2) {
            d = acme.invoices().addLine(d.id(), InvoiceLine.of("Consulting", new BigDecimal(quantityPrice[i]),
                    UnitCode.HOUR, UnitPrice.of(currency, quantityPrice[i + 1]), tax));
        }
        return d;
    }

    Invoice stored(Invoice invoice) {
        return acme.invoices().get(invoice.id());
    }

    Money money(String amount) {
        return Money.of(currency, amount);
    }

    StoreSnapshot snapshot() {
        return store.snapshot(TENANT);
    }
}
