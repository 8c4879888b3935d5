package dev.billops.integrations.caldav;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.money.Currencies;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.project.Activity;
import dev.billops.core.project.Project;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.memory.InMemoryBillingStore;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A consultancy on the in-memory store, set up through the public API: tenant "firm", client
 * ACME with project "web" (code ACME-WEB) and project "ops" (no code), activity "design",
 * timekeepers alice and bob. Entries are logged through {@code timeEntries()}.
 */
final class Firm {

    static final TenantId FIRM = TenantId.of("firm");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ClientId ACME = ClientId.of("acme");
    static final ProjectId WEB = ProjectId.of("web");
    static final ProjectId OPS = ProjectId.of("ops");
    static final ActivityId DESIGN = ActivityId.of("design");
    static final TimekeeperId ALICE = TimekeeperId.of("alice");
    static final TimekeeperId BOB = TimekeeperId.of("bob");

    final InMemoryBillingStore store = new InMemoryBillingStore();
    final Billing billing = Billing.builder().stores(store).build();
    final TenantBilling tenant;

    Firm() {
        this(FIRM);
    }

    Firm(TenantId id) {
        tenant = billing.tenant(id, Actor.user("alice@firm.test"));
        Address address = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");
        tenant.profile().save(Tenant.of(id, "Firm GmbH", address).withVatId("DE123456789")
                .withEmail("office@firm.test").withDefaultVatRate(new BigDecimal("19")));
        tenant.clients().create(Client.of(ACME, "ACME AG", address, Currencies.of("EUR")));
        tenant.projects().create(Project.of(WEB, ACME, "Website").withCode("ACME-WEB"));
        tenant.projects().create(Project.of(OPS, ACME, "Operations"));
        tenant.activities().create(Activity.of(DESIGN, "Design"));
        tenant.timekeepers().create(Timekeeper.of(ALICE, "Alice"));
        tenant.timekeepers().create(Timekeeper.of(BOB, "Bob"));
    }

    /** Logs an entry of {@code who} in Berlin time, e.g. {@code "2026-11-03T09:00"} to {@code "2026-11-03T11:30"}. */
    TimeEntry log(String id, TimekeeperId who, ProjectId project, @Nullable ActivityId activity, String from, String to,
            String description) {
        return tenant.timeEntries().log(new TimeEntry(TimeEntryId.of(id), project, who, activity,
                TimeSpan.of(LocalDateTime.parse(from), LocalDateTime.parse(to), BERLIN), description, true, null, null,
                dev.billops.core.timeentry.EntryState.OPEN, null, null, 0)).entries().get(0);
    }
}
