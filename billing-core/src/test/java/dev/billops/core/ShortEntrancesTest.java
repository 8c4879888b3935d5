package dev.billops.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.TenantId;
import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.memory.StoreSnapshot;
import dev.billops.core.money.AmountOutOfRangeException;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Tenant;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.TimeEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The short entrances a host uses in its first lines mean exactly what their long forms mean. */
class ShortEntrancesTest {

    private final InMemoryBillingStore store = new InMemoryBillingStore();
    private final Billing billing = Billing.builder().stores(store).build();
    private final TenantBilling acme = billing.tenant("acme", Actor.user("alice"));
    private final Address berlin = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");

    @Test
    void tenantById_text_isTheTenantOfThatId() {
        assertEquals(TenantId.of("acme"), acme.tenantId());
        assertEquals(Actor.user("alice"), acme.actor());
    }

    @Test
    void createByName_clientProjectTimekeeper_storedWithDefaults() {
        var client = acme.clients().create("Globex GmbH", berlin, "EUR");
        var project = acme.projects().create(client.id(), "Website");
        var alice = acme.timekeepers().create("Alice");

        assertEquals(client, acme.clients().get(client.id()));
        assertEquals("EUR", client.currency().getCurrencyCode());
        assertEquals("Globex GmbH", client.name());
        assertEquals(client.id(), acme.projects().get(project.id()).clientId());
        assertEquals("Website", project.name());
        assertEquals("Alice", acme.timekeepers().get(alice.id()).name());
        assertTrue(acme.timekeepers().get(alice.id()).active());
    }

    @Test
    void hourlyProjectRate_sameAsProjectScopeHourly() {
        var client = acme.clients().create("Globex GmbH", berlin, "EUR");
        var project = acme.projects().create(client.id(), "Website").id();
        RateRule rule = RateRule.hourly(project, UnitPrice.of("EUR", "120"), LocalDate.of(2026, 1, 1));
        assertEquals(RateScope.project(project), rule.scope());
        assertEquals(RateUnit.HOUR, rule.unit());
        assertEquals(UnitPrice.of("EUR", "120"), rule.price());
    }

    @Test
    void timeEntryFromStartAndEnd_sameSpanAsTimeSpanOf() {
        var client = acme.clients().create("Globex GmbH", berlin, "EUR");
        var project = acme.projects().create(client.id(), "Website").id();
        var alice = acme.timekeepers().create("Alice").id();
        var start = ZonedDateTime.parse("2026-03-29T01:30+01:00[Europe/Berlin]");
        TimeEntry entry = TimeEntry.of(project, alice, start, start.plusHours(3), "across the DST change");
        assertEquals(TimeSpan.of(start, start.plusHours(3)), entry.span());
        assertEquals(3 * 3600, entry.duration().getSeconds());
    }

    @Test
    void defaultVatRateText_sameAsDecimal() {
        Tenant t = Tenant.of(TenantId.of("acme"), "Acme", berlin);
        assertEquals(t.withDefaultVatRate(new BigDecimal("7.5")), t.withDefaultVatRate("7.5"));
    }

    @Test
    void defaultVatRateText_notANumber_namesTheTextAndStoresNothing() {
        StoreSnapshot before = store.snapshot(TenantId.of("acme"));
        AmountOutOfRangeException e = assertThrows(AmountOutOfRangeException.class,
                () -> acme.profile().save(Tenant.of(acme.tenantId(), "Acme", berlin).withDefaultVatRate("19 %")));
        assertTrue(e.getMessage().contains("19 %"), e.getMessage());
        assertEquals(before, store.snapshot(TenantId.of("acme")));
    }
}
