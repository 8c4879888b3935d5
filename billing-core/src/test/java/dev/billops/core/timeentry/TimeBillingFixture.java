package dev.billops.core.timeentry;

import dev.billops.core.Billing;
import dev.billops.core.BillingPolicies;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.project.Activity;
import dev.billops.core.project.Project;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.time.TimeSpan;
import dev.billops.testkit.clock.MutableClock;
import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.memory.StoreSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * A consultancy on an in-memory store: tenant "firm" (19 % VAT), client "acme" (EUR) with
 * projects "web" (100/h) and "app" (120/h, 7 % VAT), timekeepers alice and bob, activities dev
 * and meet. Used by the time entry, draft and catalog service tests.
 */
public final class TimeBillingFixture {

    public static final TenantId FIRM = TenantId.of("firm");
    public static final CurrencyUnit EUR = Currencies.of("EUR");
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final ClientId ACME = ClientId.of("acme");
    public static final ProjectId WEB = ProjectId.of("web");
    public static final ProjectId APP = ProjectId.of("app");
    public static final TimekeeperId ALICE = TimekeeperId.of("alice");
    public static final TimekeeperId BOB = TimekeeperId.of("bob");
    public static final ActivityId DEV = ActivityId.of("dev");
    public static final ActivityId MEET = ActivityId.of("meet");
    public static final Address ADDRESS = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");

    public final InMemoryBillingStore memory = new InMemoryBillingStore();
    public final MutableClock clock = MutableClock.at(LocalDate.of(2026, 12, 1));
    public final Billing billing;
    public final TenantBilling firm;

    public TimeBillingFixture() {
        this(BillingPolicies.defaults());
    }

    public TimeBillingFixture(BillingPolicies policies) {
        billing = Billing.builder().stores(memory).clock(clock).policies(policies).build();
        firm = billing.tenant(FIRM, Actor.user("alice@firm.test"));
        firm.profile().save(Tenant.of(FIRM, "Firm GmbH", ADDRESS)
                .withVatId("DE123456789")
                .withDefaultVatRate(new BigDecimal("19")));
        firm.clients().create(Client.of(ACME, "ACME AG", ADDRESS, EUR));
        firm.projects().create(Project.of(WEB, ACME, "Website"));
        firm.projects().create(Project.of(APP, ACME, "App").withVatRate(new BigDecimal("7")));
        firm.timekeepers().create(Timekeeper.of(ALICE, "Alice"));
        firm.timekeepers().create(Timekeeper.of(BOB, "Bob"));
        firm.activities().create(Activity.of(DEV, "Development"));
        firm.activities().create(Activity.of(MEET, "Meeting"));
        firm.rates().create(rule("web-rate", RateScope.project(WEB), "100"));
        firm.rates().create(rule("app-rate", RateScope.project(APP), "120"));
    }

    public static RateRule rule(String id, RateScope scope, String price) {
        return new RateRule(RateRuleId.of(id), scope, UnitPrice.of(EUR, price), RateUnit.HOUR, LocalDate.of(2026, 1, 1),
                null);
    }

    /** A new open billable entry, times local to Berlin. */
    public static TimeEntry entry(TimekeeperId who, ProjectId project, @Nullable ActivityId activity, String day,
            String from, String to) {
        return TimeEntry.of(project, who, activity, TimeSpan.of(LocalDateTime.parse(day + "T" + from),
                LocalDateTime.parse(day + "T" + to), BERLIN), "work on " + day);
    }

    public StoreSnapshot snapshot() {
        return memory.snapshot(FIRM);
    }
}
