package dev.billops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.tax.PayableRounding;
import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.spi.AuditLog;
import dev.billops.core.party.TenantAlreadyExistsException;
import dev.billops.core.engagement.Engagement;
import dev.billops.core.engagement.PackageRunResult;
import dev.billops.core.engagement.PackageSchedule;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.event.InvoiceOverdue;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.numbering.NumberingPolicy;
import dev.billops.core.numbering.SeriesNumbering;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.TenantPolicies;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.payment.ReminderRun;
import dev.billops.core.project.Project;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.tax.PriceBasis;
import dev.billops.core.tax.TaxPolicy;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.testkit.clock.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Per-tenant policies through the public API ({@link Billing}, {@link TenantBilling}) on the store
 * under test: the zone of a tenant decides its "today" (issue date, yearly counter, due date,
 * package run), tax policy and numbering come from its profile, so one {@code Billing} serves a
 * German and a Swiss tenant at once; creating a tenant that exists is refused. See
 * {@link StoreContract} for how to run it.
 */
public abstract class TenantPoliciesContract extends StoreContract {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    /** 00:30 in Berlin on 1 January 2027, still 31 December 2026 in UTC. */
    private static final Instant NEW_YEAR_BERLIN = Instant.parse("2026-12-31T23:30:00Z");
    private static final Address BERLIN_ADDRESS = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");
    private static final Address ZURICH_ADDRESS = Address.of("Bahnhofstr. 1", "8001", "Zürich", "CH");
    private static final ClientId CLIENT = ClientId.of("client");

    private final MutableClock clock = MutableClock.of(NEW_YEAR_BERLIN, ZoneOffset.UTC);

    private Billing billing() {
        return Billing.builder().stores(store).clock(clock).build();
    }

    private TenantBilling german(Billing billing) {
        TenantBilling t = billing.tenant(tenant, Actor.user("office@de.test"));
        t.profile().create(Tenant.of(tenant, "Muster GmbH", BERLIN_ADDRESS)
                .withVatId("DE123456789")
                .withDefaultVatRate(new BigDecimal("19"))
                .withZone(BERLIN));
        t.clients().create(Client.of(CLIENT, "Kunde AG", BERLIN_ADDRESS, Currencies.of("EUR")));
        return t;
    }

    private TenantBilling swiss(Billing billing) {
        TenantBilling t = billing.tenant(otherTenant, Actor.user("office@ch.test"));
        t.profile().create(Tenant.of(otherTenant, "Muster AG", ZURICH_ADDRESS)
                .withVatId("CHE123456789")
                .withDefaultVatRate(new BigDecimal("8.1"))
                .withZone(ZURICH)
                .withTax(TaxPolicy.defaults().withPriceBasis(PriceBasis.GROSS)
                        .withCashIncrement("CHF", new BigDecimal("0.05")))
                .withNumbering(NumberingPolicy.defaults().withSeries("INV", SeriesNumbering.defaultFor("RE"))));
        t.clients().create(Client.of(CLIENT, "Kunde GmbH", ZURICH_ADDRESS, Currencies.of("CHF")));
        return t;
    }

    private static Invoice issueManual(TenantBilling t, String currency, String price, String vat) {
        Invoice draft = t.invoices().createDraft(CLIENT);
        t.invoices().addLine(draft.id(), InvoiceLine.of("Beratung", BigDecimal.ONE, UnitCode.HOUR,
                UnitPrice.of(Currencies.of(currency), price), TaxTreatment.standard(new BigDecimal(vat))));
        return t.invoices().issue(draft.id());
    }

    @Test
    void issue_0030InBerlinOnNewYearsDay_numberedAndDatedInTheNewYear() {
        TenantBilling de = german(billing());

        Invoice issued = issueManual(de, "EUR", "100.00", "19");

        assertEquals("INV-2027-00001", issued.number());
        assertEquals(LocalDate.of(2027, 1, 1), issued.issueDate());
        assertEquals(LocalDate.of(2027, 1, 31), issued.dueDate());
    }

    @Test
    void issue_tenantWithoutZone_usesUtcAsBefore() {
        TenantBilling t = billing().tenant(tenant, Actor.user("office@utc.test"));
        t.profile().create(Tenant.of(tenant, "UTC Ltd", BERLIN_ADDRESS)
                .withVatId("DE123456789")
                .withDefaultVatRate(new BigDecimal("19")));
        t.clients().create(Client.of(CLIENT, "Client", BERLIN_ADDRESS, Currencies.of("EUR")));

        Invoice issued = issueManual(t, "EUR", "100.00", "19");

        assertEquals("INV-2026-00001", issued.number());
        assertEquals(LocalDate.of(2026, 12, 31), issued.issueDate());
    }

    @Test
    void oneBilling_germanNetAndSwissGrossTenants_eachIssuesByItsOwnPolicies() {
        Billing billing = billing();
        TenantBilling de = german(billing);
        TenantBilling ch = swiss(billing);

        Invoice german = issueManual(de, "EUR", "100.00", "19");
        Invoice swiss = issueManual(ch, "CHF", "100.03", "8.1");

        assertEquals(PriceBasis.NET, german.priceBasis());
        assertEquals(Money.of("EUR", "119.00"), german.totals().payable());
        assertEquals(PriceBasis.GROSS, swiss.priceBasis());
        // 100.03 includes 8.1 % VAT (net 92.53, tax 7.50); payable rounded to CHF 0.05
        assertEquals(Money.of("CHF", "100.05"), swiss.totals().payable());
        assertEquals(Money.of("CHF", "7.50"), swiss.totals().taxTotal());
        assertEquals("RE-2027-00001", swiss.number());
        assertEquals(LocalDate.of(2027, 1, 1), swiss.issueDate());
    }

    @Test
    void timeDraft_grossPricesAndCashIncrement_taxIncludedAndCashRounded() {
        TenantBilling ch = swiss(billing());
        ProjectId project = ProjectId.of("p");
        TimekeeperId anna = TimekeeperId.of("anna");
        ch.projects().create(Project.of(project, CLIENT, "Projekt"));
        ch.timekeepers().create(Timekeeper.of(anna, "Anna"));
        ch.rates().create(new RateRule(RateRuleId.of("r"), RateScope.project(project),
                UnitPrice.of(Currencies.of("CHF"), "100.03"), RateUnit.HOUR, LocalDate.of(2026, 1, 1), null));
        ch.timeEntries().log(TimeEntry.of(project, anna, null, TimeSpan.of(LocalDateTime.parse("2026-12-14T09:00"),
                LocalDateTime.parse("2026-12-14T10:00"), ZURICH), "Workshop"));

        Invoice draft = ch.invoices().draft(CLIENT, LocalDateRange.ofMonth(java.time.YearMonth.of(2026, 12)))
                .orElseThrow();

        assertEquals(PriceBasis.GROSS, draft.priceBasis());
        assertEquals(PayableRounding.cashIncrement(new BigDecimal("0.05")), draft.cashIncrement());
        // one hour at 100.03 tax included: not taxed again (NET would make it 108.13)
        assertEquals(Money.of("CHF", "100.05"), draft.totals().payable());
        assertEquals(Money.of("CHF", "7.50"), draft.totals().taxTotal());
    }

    @Test
    void packageRunToday_0030InBerlinOnNewYearsDay_billsJanuaryDatedFirstJanuary() {
        TenantBilling de = german(billing());
        de.engagements().create(Engagement.ofPackage(EngagementId.of("E"), CLIENT, "Retainer",
                Money.of("EUR", "1000.00"), PackageSchedule.MONTHLY, LocalDate.of(2027, 1, 1), null));

        PackageRunResult result = de.packages().runToday();

        assertEquals(LocalDate.of(2027, 1, 1), result.date());
        assertEquals(1, result.created().size(), result.toString());
        assertEquals(LocalDate.of(2027, 1, 1), result.created().get(0).periodStart());
        Invoice invoice = de.invoices().get(result.created().get(0).invoiceId());
        assertEquals(LocalDate.of(2027, 1, 1), invoice.issueDate());
    }

    @Test
    void packageJobRunToday_tenantsInTwoZones_eachBilledForItsOwnToday() {
        Billing billing = billing();
        TenantBilling de = german(billing);
        TenantBilling utc = billing.tenant(otherTenant, Actor.user("office@utc.test"));
        utc.profile().create(Tenant.of(otherTenant, "UTC Ltd", BERLIN_ADDRESS)
                .withVatId("DE123456789")
                .withDefaultVatRate(new BigDecimal("19")));
        utc.clients().create(Client.of(CLIENT, "Client", BERLIN_ADDRESS, Currencies.of("EUR")));
        for (TenantBilling t : List.of(de, utc)) {
            t.engagements().create(Engagement.ofPackage(EngagementId.of("E"), CLIENT, "Retainer",
                    Money.of("EUR", "1000.00"), PackageSchedule.MONTHLY, LocalDate.of(2027, 1, 1), null));
        }

        PackageRunResult result = billing.packages(Actor.system("scheduler")).runToday();

        List<PackageRunResult.Created> ours = result.created().stream()
                .filter(c -> c.tenant().equals(tenant) || c.tenant().equals(otherTenant)).toList();
        assertEquals(1, ours.size(), result.toString());
        assertEquals(tenant, ours.get(0).tenant());
    }

    @Test
    void overdueTodayAndReminders_dueYesterdayInTheTenantsZone_overdueAlthoughNotInUtc() {
        TenantBilling de = german(billing());
        clock.setInstant(Instant.parse("2026-12-01T12:00:00Z"));
        Invoice issued = issueManual(de, "EUR", "100.00", "19");
        assertEquals(LocalDate.of(2026, 12, 31), issued.dueDate());
        clock.setInstant(NEW_YEAR_BERLIN);

        assertEquals(List.of(issued.id()), de.invoices().overdueToday().stream().map(Invoice::id).toList());
        assertEquals(List.of(), de.invoices().overdueOn(LocalDate.ofInstant(NEW_YEAR_BERLIN, ZoneOffset.UTC)));

        ReminderRun reminders = de.reminders().runToday();
        assertEquals(LocalDate.of(2027, 1, 1), reminders.date());
        assertEquals(List.of(issued.id()), reminders.overdue().stream().map(InvoiceOverdue::invoiceId).toList());
    }

    @Test
    void profileUpdate_policies_readBackAndUsedByTheNextIssue() {
        TenantBilling de = german(billing());
        Tenant changed = de.profile().get().withNumbering(NumberingPolicy.defaults()
                .withSeries("INV", SeriesNumbering.defaultFor("R").withStartAfter("2027", 99)));

        de.profile().update(changed);

        assertEquals(changed, de.profile().get());
        assertEquals(BERLIN, de.profile().get().policies().zone());
        assertEquals("R-2027-00100", issueManual(de, "EUR", "1.00", "19").number());
    }

    @Test
    void profileCreate_tenantExists_throwsTenantAlreadyExistsAndChangesNothing() {
        TenantBilling de = german(billing());
        Tenant stored = de.profile().get();
        Tenant rival = Tenant.of(tenant, "Rival GmbH", BERLIN_ADDRESS).withDefaultVatRate(new BigDecimal("7"));
        int audits = tenantAudits();

        TenantAlreadyExistsException e = assertThrows(TenantAlreadyExistsException.class,
                () -> de.profile().create(rival));

        assertEquals(tenant, e.tenant());
        assertTrue(e.getMessage().contains(tenant.value()), e.getMessage());
        assertEquals(stored, de.profile().get());
        assertEquals(audits, tenantAudits());
    }

    private int tenantAudits() {
        return store.inTransaction(tenant, s -> s.get(AuditLog.class).history("tenant", tenant.value()).size());
    }

    @Test
    void profileUpdate_tenantMissing_throwsNotFoundAndStoresNothing() {
        TenantBilling t = billing().tenant(tenant, Actor.user("office@de.test"));
        assertThrows(NotFoundException.class, () -> t.profile().update(Tenant.of(tenant, "Muster GmbH", BERLIN_ADDRESS)
                .withDefaultVatRate(new BigDecimal("19"))));
        assertEquals(Optional.empty(), t.profile().find());
    }

    @Test
    void profileCreate_concurrently_exactlyOneWinsAndTheOthersChangeNothing() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Tenant>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Tenant candidate = Tenant.of(tenant, "Candidate " + i, BERLIN_ADDRESS)
                        .withDefaultVatRate(new BigDecimal("19")).withZone(i % 2 == 0 ? BERLIN : ZURICH);
                TenantBilling t = billing().tenant(tenant, Actor.user("demo-" + i + "@test"));
                calls.add(() -> t.profile().create(candidate));
            }
            List<Tenant> winners = new ArrayList<>();
            int refused = 0;
            for (Future<Tenant> f : pool.invokeAll(calls)) {
                try {
                    winners.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof TenantAlreadyExistsException, String.valueOf(e.getCause()));
                    refused++;
                }
            }
            assertEquals(1, winners.size());
            assertEquals(threads - 1, refused);
            assertEquals(winners.get(0), billing().tenant(tenant, Actor.user("x@test")).profile().get());
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void tenantPolicies_defaults_areUtcNetPerGroupAndInvCn() {
        assertEquals(new TenantPolicies(ZoneOffset.UTC, TaxPolicy.defaults(), NumberingPolicy.defaults()),
                TenantPolicies.defaults());
        assertEquals(TenantPolicies.defaults(), Tenant.of(TenantId.of("t"), "T", BERLIN_ADDRESS).policies());
    }
}
