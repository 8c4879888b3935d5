package dev.billops.bank;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.bank.PayerDirectory;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.ManualLine;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.payment.Payment;
import dev.billops.core.spi.BillingStore;
import dev.billops.testkit.clock.MutableClock;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A tenant with the open invoices the sample statements pay: issued on 1 December 2026 (due
 * 31 December), numbered INV-2026-00001 to INV-2026-00008, 19 % VAT on round nets so that the
 * payable amounts are exact. Built through the public API only. Not thread-safe.
 */
final class BankFixture {

    static final LocalDate ISSUED = LocalDate.of(2026, 12, 1);
    static final ClientId GLOBEX = ClientId.of("globex");
    static final ClientId INITECH = ClientId.of("initech");
    static final ClientId UMBRELLA = ClientId.of("umbrella");
    static final ClientId HOOLI = ClientId.of("hooli");
    /** The account umbrella pays from. */
    static final String UMBRELLA_IBAN = "DE02 1203 0000 0000 2020 51";
    /** The account initech pays from. */
    static final String INITECH_IBAN = "DE02 5001 0517 0137 0750 30";

    final MutableClock clock = MutableClock.at(ISSUED);
    final TenantBilling tenant;
    final PayerDirectory payers = PayerDirectory.of(Map.of(UMBRELLA_IBAN, UMBRELLA, INITECH_IBAN, INITECH));
    /** Issued invoices by number. */
    final Map<String, Invoice> invoices = new LinkedHashMap<>();

    BankFixture(BillingStore store, String tenantId) {
        Billing billing = Billing.builder().stores(store).clock(clock).build();
        tenant = billing.tenant(TenantId.of(tenantId), Actor.user("office@acme.test"));
        Address berlin = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");
        tenant.profile().save(Tenant.of(TenantId.of(tenantId), "Acme Consulting GmbH", berlin).withVatId("DE123456789")
                .withEmail("billing@acme.test").withBankAccount("DE89370400440532013000", "COBADEFFXXX")
                .withDefaultVatRate(new BigDecimal("19")));
        for (ClientId id : List.of(GLOBEX, INITECH, UMBRELLA, HOOLI)) {
            tenant.clients().create(Client.of(id, "Client " + id.value(), berlin, Currencies.of("EUR")));
        }
        issue(GLOBEX, "1000.00");   // INV-2026-00001  1,190.00
        issue(INITECH, "500.00");   // INV-2026-00002    595.00
        issue(INITECH, "400.00");   // INV-2026-00003    476.00
        issue(UMBRELLA, "200.00");  // INV-2026-00004    238.00
        issue(GLOBEX, "900.00");    // INV-2026-00005  1,071.00
        issue(HOOLI, "70.00");      // INV-2026-00006     83.30
        issue(GLOBEX, "100.00");    // INV-2026-00007    119.00
        issue(INITECH, "100.00");   // INV-2026-00008    119.00
    }

    private void issue(ClientId client, String net) {
        Invoice draft = tenant.invoices().createDraft(client);
        tenant.invoices().addLine(draft.id(), ManualLine.of("Consulting", BigDecimal.ONE, UnitCode.PIECE,
                UnitPrice.of(Currencies.of("EUR"), net)));
        Invoice issued = tenant.invoices().issue(draft.id());
        invoices.put(Objects.requireNonNull(issued.number()), issued);
    }

    Invoice invoice(String number) {
        return tenant.invoices().get(Objects.requireNonNull(invoices.get(number), number).id());
    }

    /** Every payment of the tenant's clients. */
    List<Payment> payments() {
        List<Payment> all = new ArrayList<>();
        for (Client c : tenant.clients().list()) {
            all.addAll(tenant.receivables().history(c.id()));
        }
        return all;
    }

    static InputStream resource(String name) {
        return Objects.requireNonNull(BankFixture.class.getResourceAsStream(name), name);
    }
}
