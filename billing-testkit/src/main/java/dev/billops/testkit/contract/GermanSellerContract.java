package dev.billops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.payment.ClientBalance;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.testkit.clock.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.money.CurrencyUnit;

/**
 * Base of the contracts that bill through the public API as a German seller (19 % VAT, EUR) on
 * the store under test: the tenant and its client {@link #CLIENT}, one-line drafts, and the
 * client's balance on {@link #TODAY}. See {@link StoreContract}.
 */
abstract class GermanSellerContract extends StoreContract {

    static final Address ADDRESS = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");
    static final ClientId CLIENT = ClientId.of("kunde");
    static final CurrencyUnit EUR = Currencies.of("EUR");
    static final LocalDate TODAY = LocalDate.of(2027, 3, 10);

    final MutableClock clock = MutableClock.of(Instant.parse("2027-03-10T09:00:00Z"), ZoneOffset.UTC);

    /** Tenant {@code id} with {@link #CLIENT} and {@code others} as clients (14 days' terms, EUR). */
    TenantBilling german(TenantId id, Client... others) {
        TenantBilling t = Billing.builder().stores(store).clock(clock).build().tenant(id, Actor.user("office@de.test"));
        t.profile().create(Tenant.of(id, "Muster GmbH", ADDRESS)
                .withVatId("DE123456789")
                .withDefaultVatRate(new BigDecimal("19")));
        t.clients().create(Client.of(CLIENT, "Kunde AG", ADDRESS, EUR).withTerms(14));
        for (Client other : others) {
            t.clients().create(other);
        }
        return t;
    }

    /** A draft of {@code client}: one line at {@code net} + 19 % VAT. */
    static Invoice draft(TenantBilling t, ClientId client, String net) {
        Invoice draft = t.invoices().createDraft(client);
        return t.invoices().addLine(draft.id(), InvoiceLine.of("Beratung", BigDecimal.ONE, UnitCode.HOUR,
                UnitPrice.of(EUR, net), TaxTreatment.standard(new BigDecimal("19"))));
    }

    static Money eur(String amount) {
        return Money.of(EUR, amount);
    }

    /** {@link #CLIENT}'s balance on {@link #TODAY}; zero when it owes nothing and has no credit (no row). */
    static ClientBalance balance(TenantBilling t) {
        List<ClientBalance> all = t.receivables().clientBalance(CLIENT, TODAY);
        assertTrue(all.size() <= 1, all.toString());
        return all.isEmpty() ? new ClientBalance(CLIENT, TODAY, Money.zero(EUR), Money.zero(EUR)) : all.get(0);
    }
}
