package dev.billops.core.payment;

import dev.billops.core.internal.Internals;
import dev.billops.core.TenantBilling;
import dev.billops.core.BillingPolicies;
import dev.billops.core.Billing;
import dev.billops.core.Payments;
import dev.billops.core.Receivables;
import dev.billops.core.Reminders;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.internal.TenantScope;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.testkit.clock.MutableClock;
import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.memory.StoreSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.money.CurrencyUnit;

/** An in-memory tenant with clients and issued invoices, for payment tests. Not thread-safe. */
final class PaymentFixture {

    static final CurrencyUnit EUR = Currencies.of("EUR");
    static final CurrencyUnit USD = Currencies.of("USD");
    static final TenantId TENANT = TenantId.of("acme");

    final InMemoryBillingStore store = new InMemoryBillingStore();
    final MutableClock clock;
    final TenantScope scope;
    final Payments payments;
    final Receivables receivables;

    PaymentFixture(LocalDate today) {
        this(today, PaymentPolicy.defaults());
    }

    PaymentFixture(LocalDate today, PaymentPolicy policy) {
        clock = MutableClock.at(today);
        TenantBilling tenant = tenant(BillingPolicies.defaults().withPayments(policy));
        scope = Internals.scope(tenant);
        payments = tenant.payments();
        receivables = tenant.receivables();
    }

    private TenantBilling tenant(BillingPolicies policies) {
        return Billing.builder().stores(store).clock(clock).policies(policies).build()
                .tenant(TENANT, Actor.user("alice@acme.test"));
    }

    Reminders reminders(ReminderPolicy policy) {
        return tenant(BillingPolicies.defaults().withReminders(policy)).reminders();
    }

    ClientId client(String id, CurrencyUnit currency) {
        ClientId clientId = ClientId.of(id);
        scope.tx(s -> {
            s.get(ClientStore.class).insert(Client.of(clientId, "Client " + id,
                    Address.of("Main St 1", "10115", "Berlin", "DE"), currency));
            return null;
        });
        return clientId;
    }

    /** An issued invoice whose payable amount is exactly {@code amount} (one zero-rated line). */
    Invoice issue(ClientId client, String number, Money amount, LocalDate issueDate, LocalDate dueDate) {
        return issueWith(client, number, amount, TaxTreatment.zeroRated(), issueDate, dueDate);
    }

    /** An issued invoice with one line of {@code net} at 19 % VAT. */
    Invoice issueWithVat(ClientId client, String number, Money net, LocalDate issueDate, LocalDate dueDate) {
        return issueWith(client, number, net, TaxTreatment.standard(new BigDecimal("19")), issueDate, dueDate);
    }

    private Invoice issueWith(ClientId client, String number, Money net, TaxTreatment tax, LocalDate issueDate,
            LocalDate dueDate) {
        Invoice invoice = Transitions.issuedAs(Invoice.draft(InvoiceId.generate(), client, net.currency(),
                InvoiceSource.MANUAL)
                .withLines(List.of(InvoiceLine.of("Consulting", BigDecimal.ONE, UnitCode.PIECE, UnitPrice.of(net),
                        tax))), number, issueDate, dueDate);
        scope.tx(s -> {
            s.get(InvoiceStore.class).insert(invoice);
            return null;
        });
        return invoice(invoice.id());
    }

    /** A draft, for tests that try to pay one. */
    Invoice draft(ClientId client, Money net) {
        Invoice invoice = Invoice.draft(InvoiceId.generate(), client, net.currency(), InvoiceSource.MANUAL)
                .withLines(List.of(InvoiceLine.of("Consulting", BigDecimal.ONE, UnitCode.PIECE, UnitPrice.of(net),
                        TaxTreatment.zeroRated())));
        scope.tx(s -> {
            s.get(InvoiceStore.class).insert(invoice);
            return null;
        });
        return invoice(invoice.id());
    }

    Invoice invoice(InvoiceId id) {
        return scope.tx(s -> s.get(InvoiceStore.class).find(id).orElseThrow());
    }

    Payment payment(dev.billops.core.id.PaymentId id) {
        return payments.find(id).orElseThrow();
    }

    StoreSnapshot snapshot() {
        return store.snapshot(TENANT);
    }

    List<BillingEvent> events() {
        return store.events(TENANT);
    }

    <E extends BillingEvent> List<E> events(Class<E> type) {
        List<E> out = new ArrayList<>();
        for (BillingEvent e : events()) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    static Money eur(String amount) {
        return Money.of(EUR, amount);
    }

    static Money usd(String amount) {
        return Money.of(USD, amount);
    }
}
