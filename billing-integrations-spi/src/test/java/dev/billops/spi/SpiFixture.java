package dev.billops.spi;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.project.Project;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.testkit.clock.MutableClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.money.CurrencyUnit;

/**
 * A consultancy on any store: tenant "firm" (19 % VAT), client "acme" (EUR, e-mail
 * billing@acme.test) with project "web" at 100/h, client "globex" with autopay, timekeeper
 * alice. Issues real invoices through the services. Not thread-safe.
 */
public final class SpiFixture {

    public static final TenantId FIRM = TenantId.of("firm");
    public static final CurrencyUnit EUR = Currencies.of("EUR");
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final ClientId ACME = ClientId.of("acme");
    public static final ClientId GLOBEX = ClientId.of("globex");
    public static final ProjectId WEB = ProjectId.of("web");
    public static final ProjectId OPS = ProjectId.of("ops");
    public static final ProjectId GLOBEX_APP = ProjectId.of("globex-app");
    public static final TimekeeperId ALICE = TimekeeperId.of("alice");
    public static final TimekeeperId BOB = TimekeeperId.of("bob");
    public static final Address ADDRESS = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");
    public static final String CARD = "pm_card_visa_4242";

    public final BillingStore store;
    public final MutableClock clock = MutableClock.at(LocalDate.of(2026, 12, 1));
    public final Billing billing;
    public final TenantBilling firm;
    private final Function<TenantId, List<BillingEvent>> events;
    private int day = 1;

    public SpiFixture(BillingStore store, Function<TenantId, List<BillingEvent>> events) {
        this.store = store;
        this.events = events;
        billing = Billing.builder().stores(store).clock(clock).build();
        firm = billing.tenant(FIRM, Actor.user("alice@firm.test"));
        firm.profile().save(Tenant.of(FIRM, "Firm GmbH", ADDRESS)
                .withVatId("DE123456789")
                .withEmail("office@firm.test")
                .withDefaultVatRate(new BigDecimal("19")));
        firm.clients().create(Client.of(ACME, "ACME AG", ADDRESS, EUR).withEmail("billing@acme.test"));
        firm.clients().create(Client.of(GLOBEX, "Globex Corp", ADDRESS, EUR).withEmail("ap@globex.test")
                .withAutopay(CARD));
        firm.projects().create(Project.of(WEB, ACME, "Website"));
        firm.projects().create(Project.of(OPS, ACME, "Operations"));
        firm.projects().create(Project.of(GLOBEX_APP, GLOBEX, "Globex app"));
        firm.timekeepers().create(Timekeeper.of(ALICE, "Alice"));
        firm.timekeepers().create(Timekeeper.of(BOB, "Bob"));
        firm.rates().create(new RateRule(RateRuleId.of("std"), RateScope.any(), UnitPrice.of(EUR, "100"),
                RateUnit.HOUR, LocalDate.of(2026, 1, 1), null));
    }

    /** An issued invoice of {@code client} for {@code hours} hours on a fresh November day (100/h + 19 % VAT). */
    public Invoice issueInvoice(ClientId client, int hours) {
        ProjectId project = client.equals(GLOBEX) ? GLOBEX_APP : WEB;
        LocalDate date = LocalDate.of(2026, 11, 1).plusDays(day++ % 28);
        firm.timeEntries().log(TimeEntry.of(project, ALICE, null, TimeSpan.of(LocalDateTime.of(date, java.time.LocalTime.of(9, 0)),
                LocalDateTime.of(date, java.time.LocalTime.of(9 + hours, 0)), BERLIN), "work"));
        Invoice draft = firm.invoices().draft(client, LocalDateRange.ofDay(date)).orElseThrow();
        return firm.invoices().issue(draft.id());
    }

    public List<BillingEvent> events() {
        return events.apply(FIRM);
    }

    /** The events of {@code type} so far. */
    public List<BillingEvent> events(String type) {
        List<BillingEvent> out = new ArrayList<>();
        for (BillingEvent e : events()) {
            if (e.type().equals(type)) {
                out.add(e);
            }
        }
        return out;
    }
}
