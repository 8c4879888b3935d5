package dev.billops.core.invoice;

import dev.billops.core.internal.invoice.Generation;
import dev.billops.core.internal.invoice.GenerationContext;
import dev.billops.core.internal.invoice.GenerationRequest;
import dev.billops.core.internal.invoice.InvoiceGenerator;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.project.Activity;
import dev.billops.core.project.Project;
import dev.billops.core.internal.rate.RateResolver;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.timeentry.TimeEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/** A small consultancy for generation examples: hand-checkable numbers, Europe/Berlin time. */
final class GenFixture {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final CurrencyUnit EUR = Currencies.of("EUR");
    static final LocalDateRange NOVEMBER = LocalDateRange.ofMonth(YearMonth.of(2026, 11));

    static final Tenant TENANT = Tenant.of(TenantId.of("firm"), "Firm GmbH",
            Address.of("Hauptstr. 1", "10115", "Berlin", "DE"))
            .withVatId("DE123456789")
            .withDefaultVatRate(new BigDecimal("19"));
    static final Client ACME = Client.of(ClientId.of("acme"), "ACME AG", Address.of("Weg 2", "80331", "München", "DE"),
            EUR);
    static final Project WEB = Project.of(ProjectId.of("web"), ACME.id(), "Website");
    static final Project APP = Project.of(ProjectId.of("app"), ACME.id(), "App").withVatRate(new BigDecimal("7"));
    static final TimekeeperId ALICE = TimekeeperId.of("alice");
    static final TimekeeperId BOB = TimekeeperId.of("bob");
    static final ActivityId DEV = ActivityId.of("dev");
    static final ActivityId MEET = ActivityId.of("meet");

    final List<Project> projects = new ArrayList<>(List.of(WEB, APP));
    final List<RateRule> rules = new ArrayList<>();
    final List<TimeEntry> entries = new ArrayList<>();
    Client client = ACME;
    private int nextEntry = 1;
    private int nextRule = 1;

    static GenFixture standard() {
        GenFixture f = new GenFixture();
        f.rule(RateScope.project(WEB.id()), "100", RateUnit.HOUR, LocalDate.of(2026, 1, 1), null);
        f.rule(RateScope.project(APP.id()), "120", RateUnit.HOUR, LocalDate.of(2026, 1, 1), null);
        return f;
    }

    RateRule rule(RateScope scope, String price, RateUnit unit, LocalDate from, @Nullable LocalDate to) {
        RateRule r = new RateRule(RateRuleId.of("r" + nextRule++), scope, UnitPrice.of(EUR, price), unit, from, to);
        rules.add(r);
        return r;
    }

    TimeEntry entry(TimekeeperId who, Project project, @Nullable ActivityId activity, String day, String from,
            String to) {
        return entry(who, project, activity, day, from, day, to);
    }

    TimeEntry entry(TimekeeperId who, Project project, @Nullable ActivityId activity, String day, String from,
            String endDay, String to) {
        TimeSpan span = TimeSpan.of(LocalDateTime.parse(day + "T" + from), LocalDateTime.parse(endDay + "T" + to),
                BERLIN);
        TimeEntry e = new TimeEntry(TimeEntryId.of("e" + nextEntry++), project.id(), who, activity, span,
                "work " + (nextEntry - 1), true, null, null, EntryState.OPEN, null, null, 0);
        entries.add(e);
        return e;
    }

    TimeEntry replace(TimeEntry old, TimeEntry updated) {
        entries.set(entries.indexOf(old), updated);
        return updated;
    }

    GenerationContext context() {
        List<Timekeeper> tks = List.of(Timekeeper.of(ALICE, "Alice"), Timekeeper.of(BOB, "Bob"));
        List<Activity> acts = List.of(Activity.of(DEV, "Development"), Activity.of(MEET, "Meeting"));
        return GenerationContext.of(TENANT, client, projects, tks, acts, RateResolver.of(rules));
    }

    Generation generate(GroupingPolicy grouping) {
        return generate(NOVEMBER, GenerationPolicy.DEFAULT.withGrouping(grouping));
    }

    Generation generate(LocalDateRange period, GenerationPolicy policy) {
        return InvoiceGenerator.generate(context(), entries, GenerationRequest.of(period, policy));
    }
}
