package dev.billops.core.engagement;

import dev.billops.core.tax.PayableRounding;
import dev.billops.core.BillingPolicies;
import dev.billops.core.Billing;
import dev.billops.core.Packages;
import dev.billops.core.internal.Internals;
import dev.billops.core.internal.engagement.PackageBillingJob;
import dev.billops.core.internal.engagement.PackageBillingRun;
import dev.billops.core.spi.EngagementStore;
import static dev.billops.core.engagement.PackageFixture.ACME;
import static dev.billops.core.engagement.PackageFixture.GLOBEX;
import static dev.billops.core.engagement.PackageFixture.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.audit.AuditRecord;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.event.InvoiceIssued;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.numbering.NumberingPolicy;
import dev.billops.core.numbering.SeriesNumbering;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Client;
import dev.billops.core.party.TaxProfile;
import dev.billops.core.tax.PriceBasis;
import dev.billops.core.tax.TaxCategory;
import dev.billops.core.tax.TaxPolicy;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.memory.StoreSnapshot;
import java.math.BigDecimal;
import java.time.Month;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackageBillingRunTest {

    private static PackageRunResult.Created only(PackageRunResult r) {
        assertEquals(List.of(), r.failed(), "failed");
        assertEquals(1, r.created().size(), () -> "created: " + r.created());
        return r.created().get(0);
    }

    /** The seed's test_package_invoice_generation_and_duplicate_prevention. */
    @Test
    void run_packageEngagement_generatesIssuedInvoiceAndNeverDuplicatesIt() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.pkg("E1", "1500.00", PackageSchedule.MONTHLY, "2026-01-01", null);

        PackageRunResult first = f.acme.packages().run(d("2026-03-05"), PackageRunOptions.all().dryRun(false)
                .forTenant(ACME));
        // catch-up bills January and February too (default: three earlier periods)
        assertEquals(List.of(d("2026-01-01"), d("2026-02-01"), d("2026-03-01")),
                first.created().stream().map(PackageRunResult.Created::periodStart).toList());
        assertEquals(List.of(), first.failed());

        Invoice march = f.invoices().get(2);
        assertEquals(InvoiceStatus.ISSUED, march.status());
        assertEquals("PKG-E1-2026-03-01", march.number());
        assertEquals(PackagePolicy.DEFAULT_SERIES, march.series());
        assertEquals(InvoiceSource.PACKAGE, march.source());
        assertEquals(d("2026-03-05"), march.issueDate());
        assertEquals(d("2026-04-04"), march.dueDate(), "30 days after issue");
        assertEquals(EngagementId.of("E1"), march.engagementId());
        assertEquals(d("2026-03-01"), march.packagePeriodStart());
        assertEquals(LocalDateRange.of(d("2026-03-01"), d("2026-04-01")), march.servicePeriod());
        assertEquals(GLOBEX, march.clientId());
        InvoiceLine line = march.lines().get(0);
        assertEquals(1, march.lines().size());
        assertEquals("Retainer E1, 2026-03-01 \u2013 2026-03-31", line.description());
        assertEquals(Money.of("EUR", "1500.00"), line.netAmount());
        assertEquals(LocalDateRange.of(d("2026-03-01"), d("2026-04-01")), line.period());
        assertEquals(TaxCategory.S, line.tax().category());
        assertEquals(0, new BigDecimal("19").compareTo(line.tax().ratePercent()));
        // 1500.00 + 19 % = 1500.00 + 285.00
        assertEquals(Money.of("EUR", "285.00"), march.totals().taxTotal());
        assertEquals(Money.of("EUR", "1785.00"), march.totals().payable());
        assertEquals(Map.of(), march.metadata(), "no autopay metadata without autopay");

        PackageRunResult.Created c = first.created().get(2);
        assertEquals("PKG-E1-2026-03-01", c.number());
        assertEquals(march.id(), c.invoiceId());
        assertEquals(Money.of("EUR", "1785.00"), c.total());
        assertEquals(Money.of("EUR", "1500.00"), c.net());

        List<AuditRecord> audit = f.memory.auditRecords(ACME).stream()
                .filter(a -> a.action().equals(PackageBillingRun.AUDIT_ACTION)).toList();
        assertEquals(3, audit.size());
        assertEquals(march.id().value(), audit.get(2).entityId());
        assertEquals(Actor.user("alice@acme.test"), audit.get(2).actor());
        List<BillingEvent> events = f.memory.events(ACME);
        assertEquals(3, events.size());
        InvoiceIssued issued = (InvoiceIssued) events.get(2);
        assertEquals("PKG-E1-2026-03-01", issued.number());
        assertEquals(Money.of("EUR", "1785.00"), issued.total());

        // the same date again, and a later date in the same month: nothing new
        StoreSnapshot before = f.snapshot();
        PackageRunResult second = f.acme.packages().run(d("2026-03-05"));
        PackageRunResult third = f.acme.packages().run(d("2026-03-31"));
        assertEquals(List.of(), second.created());
        assertEquals(List.of(), third.created());
        assertEquals(3, second.skipped().size());
        PackageRunResult.Skipped skipped = second.skipped().get(2);
        assertEquals(PackageRunResult.SkipReason.ALREADY_INVOICED, skipped.reason());
        assertEquals("PKG-E1-2026-03-01", skipped.existingNumber());
        assertEquals(d("2026-03-01"), skipped.periodStart());
        assertEquals(before, f.snapshot(), "a second run stores nothing");
    }

    /** The seed's test_package_invoices_survive_renewal_without_touching_old_invoice. */
    @Test
    void renew_afterInvoicing_oldInvoicesUntouchedAndRenewalBillsFromItsOwnStart() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.pkg("OLD", "1000.00", PackageSchedule.MONTHLY, "2026-01-01", "2026-03-31");
        f.acme.packages().run(d("2026-03-10"));
        List<Invoice> oldInvoices = f.invoices();
        assertEquals(3, oldInvoices.size());

        Engagement renewal = f.acme.engagements().renew(EngagementId.of("OLD"),
                Renewal.startingOn(d("2026-04-01")).endingOn(d("2026-12-31")).withFee(Money.of("EUR", "1200.00"))
                        .withId(EngagementId.of("NEW")));

        assertEquals(EngagementId.of("OLD"), renewal.renewsId());
        assertEquals(d("2026-04-01"), renewal.startDate());
        assertEquals(EngagementStatus.ACTIVE, renewal.status());
        Engagement old = f.acme.engagements().get(EngagementId.of("OLD"));
        assertEquals(EngagementStatus.RENEWED, old.status());
        assertEquals(d("2026-03-31"), old.endDate());
        assertEquals(oldInvoices, f.invoices(), "renewal touches no invoice");

        PackageRunResult april = f.acme.packages().run(d("2026-04-01"));
        PackageRunResult.Created created = only(april);
        assertEquals(EngagementId.of("NEW"), created.engagementId());
        assertEquals("PKG-NEW-2026-04-01", created.number());
        assertEquals(Money.of("EUR", "1200.00"), created.net());
        List<Invoice> all = f.invoices();
        assertEquals(4, all.size());
        assertEquals(oldInvoices, all.stream().filter(i -> EngagementId.of("OLD").equals(i.engagementId())).toList(),
                "old invoices are the same records, same version");
        assertEquals(3, f.acme.engagements().invoicesOf(EngagementId.of("OLD")).size());
    }

    @Test
    void run_quarterlyOnLastDayOfQuarter_billsThatQuarterProratedAndNotTheNext() {
        PackageFixture f = new PackageFixture(d("2026-03-31"));
        f.pkg("Q", "3000.00", PackageSchedule.QUARTERLY, "2026-02-10", null);

        PackageRunResult.Created q1 = only(f.acme.packages().run(d("2026-03-31")));
        // Q1 = 90 days, 10 Feb – 31 Mar = 50 days: 3000.00 × 50 / 90 = 1666.67
        assertEquals(Money.of("EUR", "1666.67"), q1.net());
        assertEquals(LocalDateRange.of(d("2026-02-10"), d("2026-04-01")), q1.period().range());
        assertEquals("PKG-Q-2026-02-10", q1.number());
        assertEquals("Retainer Q, 2026-02-10 \u2013 2026-03-31 (prorated: 50 of 90 days)",
                f.invoices().get(0).lines().get(0).description());

        PackageRunResult.Created q2 = only(f.acme.packages().run(d("2026-04-01")));
        assertEquals(Money.of("EUR", "3000.00"), q2.net());
        assertEquals("PKG-Q-2026-04-01", q2.number());
    }

    @Test
    void run_monthlyStarting15FebLeapYear_billsProratedFebruaryThenFullMarch() {
        PackageFixture f = new PackageFixture(d("2024-02-15"));
        f.pkg("L", "1000.00", PackageSchedule.MONTHLY, "2024-02-15", null);

        PackageRunResult.Created feb = only(f.acme.packages().run(d("2024-02-15")));
        assertEquals(Money.of("EUR", "517.24"), feb.net(), "1000.00 × 15 / 29");
        assertEquals(Money.of("EUR", "615.52"), feb.total(), "517.24 + 19 % (98.2756 → 98.28)");
        assertEquals("PKG-L-2024-02-15", feb.number());
        PackageRunResult.Created march = only(f.acme.packages().run(d("2024-03-01")));
        assertEquals(Money.of("EUR", "1000.00"), march.net());
    }

    @Test
    void run_monthlyStarting15FebCommonYear_billsFourteenOfTwentyEightDays() {
        PackageFixture f = new PackageFixture(d("2025-02-15"));
        f.pkg("C", "1000.00", PackageSchedule.MONTHLY, "2025-02-15", null);
        assertEquals(Money.of("EUR", "500.00"), only(f.acme.packages().run(d("2025-02-20"))).net());
    }

    @Test
    void run_annualAndOneTime_billEachOnceOnOrAfterTheirStart() {
        PackageFixture f = new PackageFixture(d("2026-01-01"));
        f.pkg("A", "12000.00", PackageSchedule.ANNUAL, "2026-04-01", null);
        f.pkg("O", "5000.00", PackageSchedule.ONE_TIME, "2026-03-10", "2026-06-20");

        assertEquals(List.of(), f.acme.packages().run(d("2026-03-09")).created(), "nothing before the starts");
        PackageRunResult.Created oneTime = only(f.acme.packages().run(d("2026-03-10")));
        assertEquals("PKG-O-2026-03-10", oneTime.number());
        assertEquals(Money.of("EUR", "5000.00"), oneTime.net());
        assertEquals(LocalDateRange.of(d("2026-03-10"), d("2026-06-21")), oneTime.period().range());

        PackageRunResult.Created annual = only(f.acme.packages().run(d("2026-04-01")));
        assertEquals("PKG-A-2026-04-01", annual.number());
        // April–December 2026 is 275 of 365 days: 12000.00 × 275 / 365 = 9041.10
        assertEquals(Money.of("EUR", "9041.10"), annual.net());
        assertEquals(List.of(), f.acme.packages().run(d("2026-12-31")).created());
        assertEquals(Money.of("EUR", "12000.00"), only(f.acme.packages().run(d("2027-01-01"))).net());
    }

    @Test
    void run_fiscalYearPolicy_alignsAnnualPeriodsToTheFiscalYear() {
        PackageFixture f = new PackageFixture(d("2026-04-01"), PackagePolicy.defaults().withFiscalYearStart(Month.APRIL));
        f.pkg("A", "12000.00", PackageSchedule.ANNUAL, "2026-04-01", null);

        PackageRunResult.Created year = only(f.acme.packages().run(d("2026-04-01")));
        assertEquals(LocalDateRange.of(d("2026-04-01"), d("2027-04-01")), year.period().range());
        assertEquals(Money.of("EUR", "12000.00"), year.net());
        assertEquals(List.of(), f.acme.packages().run(d("2027-03-31")).created());
    }

    @Test
    void run_autopayClient_invoiceCarriesAutopayMetadata() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.addClient(ACME, Client.of(ClientId.of("auto"), "Auto Ltd", PackageFixture.ADDRESS, Currencies.of("EUR"))
                .withAutopay("pm_123").withTerms(14));
        f.acme.engagements().create(Engagement.ofPackage(EngagementId.of("AP"), ClientId.of("auto"), "Support",
                Money.of("EUR", "200.00"), PackageSchedule.MONTHLY, d("2026-03-01"), null));

        PackageRunResult.Created c = only(f.acme.packages().run(d("2026-03-01")));
        assertTrue(c.autopay());
        assertEquals(d("2026-03-15"), c.dueDate(), "client terms of 14 days");
        Invoice invoice = f.invoices().get(0);
        assertEquals(Map.of("autopay", "true"), invoice.metadata());
        assertFalse(invoice.metadata().containsValue("pm_123"), "the payment method reference stays on the client");
    }

    @Test
    void run_fixedDueDaysPolicy_overridesClientTerms() {
        PackageFixture f = new PackageFixture(d("2026-03-01"), PackagePolicy.defaults().withDueDays(10));
        f.pkg("E1", "100.00", PackageSchedule.MONTHLY, "2026-03-01", null);
        assertEquals(d("2026-03-11"), only(f.acme.packages().run(d("2026-03-01"))).dueDate());
    }

    @Test
    void run_reverseChargeClient_lineIsReverseChargeWithoutTax() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.addClient(ACME, Client.of(ClientId.of("eu"), "EU BV", PackageFixture.ADDRESS, Currencies.of("EUR"))
                .withVatId("NL123456789B01").withTaxProfile(TaxProfile.REVERSE_CHARGE));
        f.acme.engagements().create(Engagement.ofPackage(EngagementId.of("RC"), ClientId.of("eu"), "Advice",
                Money.of("EUR", "800.00"), PackageSchedule.MONTHLY, d("2026-03-01"), null));

        PackageRunResult.Created c = only(f.acme.packages().run(d("2026-03-01")));
        assertEquals(Money.of("EUR", "800.00"), c.total());
        assertEquals(TaxCategory.AE, f.invoices().get(0).lines().get(0).tax().category());
    }

    @Test
    void run_tenantTaxPolicy_grossPricesAndCashRoundingApplyToPackageInvoices() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.addClient(ACME, Client.of(ClientId.of("swiss"), "Swiss AG", PackageFixture.ADDRESS, Currencies.of("CHF")));
        f.acme.engagements().create(Engagement.ofPackage(EngagementId.of("CH"), ClientId.of("swiss"), "Retainer",
                Money.of("CHF", "1000.00"), PackageSchedule.MONTHLY, d("2026-03-01"), null));
        TaxPolicy gross = new TaxPolicy(dev.billops.core.tax.TaxRoundingPolicy.PER_GROUP, PriceBasis.GROSS,
                Map.of("CHF", new BigDecimal("0.05")));
        f.acme.profile().update(f.acme.profile().get().withTax(gross));
        Packages run = f.acme.packages();

        PackageRunResult.Created c = only(run.run(d("2026-03-01")));
        Invoice invoice = f.invoices().get(0);
        assertEquals(PriceBasis.GROSS, invoice.priceBasis());
        assertEquals(PayableRounding.cashIncrement(new BigDecimal("0.05")), invoice.cashIncrement());
        // 1000.00 gross at 19 %: net 840.34, tax 159.66; payable stays 1000.00 (already a multiple of 0.05)
        assertEquals(Money.of("CHF", "1000.00"), c.total());
        assertEquals(Money.of("CHF", "840.34"), c.net());
    }

    @Test
    void run_dryRun_reportsTheInvoicesAndStoresNothing() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.pkg("E1", "1000.00", PackageSchedule.MONTHLY, "2026-03-15", null);
        f.pkg("E2", "500.00", PackageSchedule.MONTHLY, "2026-03-01", null);
        StoreSnapshot before = f.snapshot();

        PackageRunResult dry = f.acme.packages().run(d("2026-03-20"), PackageRunOptions.all().dryRun(true));

        assertTrue(dry.dryRun());
        assertEquals(List.of("PKG-E1-2026-03-15", "PKG-E2-2026-03-01"),
                dry.created().stream().map(PackageRunResult.Created::number).toList());
        // 1000.00 × 17 / 31 = 548.387… → 548.39
        assertEquals(Money.of("EUR", "548.39"), dry.created().get(0).net());
        assertEquals(before, f.snapshot(), "dry run stores no invoice, number, audit record or event");

        PackageRunResult real = f.acme.packages().run(d("2026-03-20"));
        assertEquals(dry.created().stream().map(PackageRunResult.Created::number).toList(),
                real.created().stream().map(PackageRunResult.Created::number).toList());
        assertEquals(dry.created().stream().map(PackageRunResult.Created::total).toList(),
                real.created().stream().map(PackageRunResult.Created::total).toList());
    }

    @Test
    void run_engagementFilter_billsOnlyThatEngagement() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.pkg("E1", "1000.00", PackageSchedule.MONTHLY, "2026-03-01", null);
        f.pkg("E2", "500.00", PackageSchedule.MONTHLY, "2026-03-01", null);

        PackageRunResult r = f.acme.packages().run(d("2026-03-01"),
                PackageRunOptions.all().forEngagement(EngagementId.of("E2")));
        assertEquals(EngagementId.of("E2"), only(r).engagementId());
        assertEquals(1, f.invoices().size());
    }

    @Test
    void run_unknownEngagementFilter_throwsNotFoundAndStoresNothing() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.pkg("E1", "1000.00", PackageSchedule.MONTHLY, "2026-03-01", null);
        StoreSnapshot before = f.snapshot();

        NotFoundException e = assertThrows(NotFoundException.class, () -> f.acme.packages().run(d("2026-03-01"),
                PackageRunOptions.all().forEngagement(EngagementId.of("nope"))));
        assertEquals("nope", e.id());
        assertEquals(before, f.snapshot());
    }

    @Test
    void run_hourlyEngagementFilter_isSkippedAsNotAPackage() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.acme.engagements().create(new Engagement(EngagementId.of("H"), GLOBEX, null, "Hourly", PricingMode.HOURLY,
                null, PackageSchedule.MONTHLY, d("2026-01-01"), null, null, null, null,
                ProrationPolicy.PRORATE_BY_DAYS, false, EngagementStatus.ACTIVE, 0));

        PackageRunResult r = f.acme.packages().run(d("2026-03-01"),
                PackageRunOptions.all().forEngagement(EngagementId.of("H")));
        assertEquals(List.of(new PackageRunResult.Skipped(ACME, EngagementId.of("H"), null, null,
                PackageRunResult.SkipReason.NOT_A_PACKAGE)), r.skipped());
        assertEquals(List.of(), f.acme.packages().run(d("2026-03-01")).skipped(), "not even visited without filter");
    }

    @Test
    void run_otherTenantInOptions_throwsInvalidInput() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        assertThrows(InvalidInputException.class, () -> f.acme.packages().run(d("2026-03-01"),
                PackageRunOptions.all().forTenant(TenantId.of("other"))));
    }

    @Test
    void run_oneBadEngagement_isReportedAndTheOthersAreBilled() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.pkg("A", "100.00", PackageSchedule.MONTHLY, "2026-03-01", null);
        // stored behind the service's back: its client does not exist, and its fee is in another currency
        f.memory.inTransaction(ACME, s -> {
            s.get(EngagementStore.class).insert(Engagement.ofPackage(EngagementId.of("B"), ClientId.of("ghost"),
                    "Ghost", Money.of("EUR", "100.00"), PackageSchedule.MONTHLY, d("2026-03-01"), null));
            s.get(EngagementStore.class).insert(Engagement.ofPackage(EngagementId.of("C"), GLOBEX,
                    "Dollars", Money.of("USD", "100.00"), PackageSchedule.MONTHLY, d("2026-03-01"), null));
            return null;
        });
        f.pkg("D", "100.00", PackageSchedule.MONTHLY, "2026-03-01", null);

        PackageRunResult r = f.acme.packages().run(d("2026-03-01"));

        assertEquals(List.of("A", "D"), r.created().stream().map(c -> c.engagementId().value()).toList());
        assertEquals(2, r.failed().size());
        PackageRunResult.Failed ghost = r.failed().get(0);
        assertEquals(EngagementId.of("B"), ghost.engagementId());
        assertEquals(d("2026-03-01"), ghost.periodStart());
        assertEquals("NotFoundException", ghost.errorType());
        assertTrue(ghost.reason().contains("ghost"), ghost.reason());
        assertEquals("CurrencyMismatchException", r.failed().get(1).errorType());
        assertFalse(r.succeeded());
        assertEquals(2, f.invoices().size());
        assertEquals(2, f.memory.events(ACME).size(), "no event of a failed invoice");
    }

    @Test
    void run_inactiveClient_failsWithReason() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.pkg("E1", "100.00", PackageSchedule.MONTHLY, "2026-03-01", null);
        f.memory.inTransaction(ACME, s -> s.get(dev.billops.core.spi.ClientStore.class).update(
                s.get(dev.billops.core.spi.ClientStore.class).find(GLOBEX).orElseThrow().withActive(false)));

        PackageRunResult r = f.acme.packages().run(d("2026-03-01"));
        assertEquals(List.of(), r.created());
        assertTrue(r.failed().get(0).reason().contains("inactive"), r.failed().get(0).reason());
    }

    @Test
    void run_catchUp_billsMissedPeriodsWithinTheLimitOnly() {
        PackageFixture f = new PackageFixture(d("2026-06-10"), PackagePolicy.defaults().withCatchUpPeriods(2));
        f.pkg("E1", "1000.00", PackageSchedule.MONTHLY, "2026-01-01", null);

        PackageRunResult r = f.acme.packages().run(d("2026-06-10"));
        // June plus two earlier months; January to March are outside the window
        assertEquals(List.of(d("2026-04-01"), d("2026-05-01"), d("2026-06-01")),
                r.created().stream().map(PackageRunResult.Created::periodStart).toList());
        assertTrue(r.created().stream().allMatch(c -> c.net().equals(Money.of("EUR", "1000.00"))));
    }

    @Test
    void run_oneTimeStartingBeforeTheCatchUpWindow_reportedOutsideCatchUpUntilBilledOnRequest() {
        PackageFixture f = new PackageFixture(d("2026-06-10"));
        f.pkg("O", "5000.00", PackageSchedule.ONE_TIME, "2026-01-10", "2026-12-31");

        PackageRunResult r = f.acme.packages().run(d("2026-06-10"));

        assertEquals(List.of(), r.created());
        assertEquals(List.of(new PackageRunResult.Skipped(ACME, EngagementId.of("O"), d("2026-01-10"), null,
                PackageRunResult.SkipReason.OUTSIDE_CATCH_UP)), r.skipped());
        assertEquals(List.of(), f.invoices());

        PackageRunResult billed = f.acme.packages().run(d("2026-06-10"),
                PackageRunOptions.all().billMissedPeriods(true));
        assertEquals(d("2026-01-10"), only(billed).periodStart());
        assertEquals(Money.of("EUR", "5000.00"), only(billed).net());

        PackageRunResult again = f.acme.packages().run(d("2026-06-11"));
        assertEquals(List.of(), again.created());
        assertEquals(List.of(), again.skipped());
    }

    @Test
    void run_monthlyPeriodsOlderThanTheWindow_eachReportedSkippedAndBilledOnRequestOnce() {
        PackageFixture f = new PackageFixture(d("2026-06-10"), PackagePolicy.defaults().withCatchUpPeriods(2));
        f.pkg("E1", "1000.00", PackageSchedule.MONTHLY, "2026-01-01", null);

        PackageRunResult r = f.acme.packages().run(d("2026-06-10"));

        assertEquals(List.of(d("2026-01-01"), d("2026-02-01"), d("2026-03-01")), r.skipped().stream()
                .filter(s -> s.reason() == PackageRunResult.SkipReason.OUTSIDE_CATCH_UP)
                .map(PackageRunResult.Skipped::periodStart).toList());
        assertEquals(3, r.created().size());

        PackageRunResult dry = f.acme.packages().run(d("2026-06-10"),
                PackageRunOptions.all().billMissedPeriods(true).dryRun(true));
        assertEquals(3, dry.created().size());
        assertEquals(3, f.invoices().size());

        PackageRunResult all = f.acme.packages().run(d("2026-06-10"), PackageRunOptions.all().billMissedPeriods(true));
        assertEquals(List.of(d("2026-01-01"), d("2026-02-01"), d("2026-03-01")),
                all.created().stream().map(PackageRunResult.Created::periodStart).toList());
        assertTrue(all.skipped().stream().allMatch(s -> s.reason() == PackageRunResult.SkipReason.ALREADY_INVOICED),
                all.skipped().toString());
        assertEquals(6, f.invoices().size());
        assertEquals(List.of(), f.acme.packages().run(d("2026-06-10")).skipped().stream()
                .filter(s -> s.reason() == PackageRunResult.SkipReason.OUTSIDE_CATCH_UP).toList());
    }

    @Test
    void job_periodOutsideTheCatchUpWindow_reportedAndBilledWithTheOption() {
        PackageFixture f = new PackageFixture(d("2026-06-10"), PackagePolicy.defaults().withCatchUpPeriods(0));
        f.pkg("E1", "1000.00", PackageSchedule.MONTHLY, "2026-05-01", null);
        Packages job = f.billing.packages(Actor.system("scheduler"));

        PackageRunResult r = job.run(d("2026-06-10"), PackageRunOptions.all());
        assertEquals(List.of(d("2026-05-01")), r.skipped().stream().map(PackageRunResult.Skipped::periodStart).toList());

        PackageRunResult billed = job.run(d("2026-06-10"), PackageRunOptions.all().billMissedPeriods(true));
        assertEquals(d("2026-05-01"), only(billed).periodStart());
    }

    @Test
    void run_noCatchUp_billsOnlyTheCurrentPeriod() {
        PackageFixture f = new PackageFixture(d("2026-06-10"), PackagePolicy.defaults().withCatchUpPeriods(0));
        f.pkg("E1", "1000.00", PackageSchedule.MONTHLY, "2026-01-01", null);
        assertEquals(d("2026-06-01"), only(f.acme.packages().run(d("2026-06-10"))).periodStart());
    }

    @Test
    void run_afterEngagementEnded_billsMissingLastPeriodProratedAndNothingBeyond() {
        PackageFixture f = new PackageFixture(d("2026-05-01"));
        f.pkg("E1", "1000.00", PackageSchedule.MONTHLY, "2026-04-01", null);
        f.acme.packages().run(d("2026-04-01"));
        Engagement ended = f.acme.engagements().end(EngagementId.of("E1"), d("2026-05-20"));
        assertEquals(EngagementStatus.ENDED, ended.status());

        PackageRunResult r = f.acme.packages().run(d("2026-06-02"));
        PackageRunResult.Created may = only(r);
        assertEquals(LocalDateRange.of(d("2026-05-01"), d("2026-05-21")), may.period().range());
        assertEquals(Money.of("EUR", "645.16"), may.net(), "1000.00 × 20 / 31");
        assertEquals(List.of(), f.acme.packages().run(d("2026-07-01")).created());
    }

    @Test
    void run_tenantNumbering_numbersAreGaplessAcrossFailuresAndDryRunPreviewsThem() {
        PackageFixture f = new PackageFixture(d("2026-03-01"), PackagePolicy.defaults().withTenantNumbering());
        f.pkg("A", "100.00", PackageSchedule.MONTHLY, "2026-03-01", null);
        f.memory.inTransaction(ACME, s -> {
            s.get(EngagementStore.class).insert(Engagement.ofPackage(EngagementId.of("B"), ClientId.of("ghost"),
                    "Ghost", Money.of("EUR", "100.00"), PackageSchedule.MONTHLY, d("2026-03-01"), null));
            return null;
        });
        f.pkg("C", "100.00", PackageSchedule.MONTHLY, "2026-03-01", null);

        PackageRunResult r = f.acme.packages().run(d("2026-03-01"));
        assertEquals(List.of("PKG-2026-00001", "PKG-2026-00002"), r.created().stream()
                .map(PackageRunResult.Created::number).toList());
        assertEquals(1, r.failed().size());
        PackageRunResult next = f.acme.packages().run(d("2026-04-01"), PackageRunOptions.all().dryRun(true));
        assertEquals(List.of("PKG-2026-00003", "PKG-2026-00004"), next.created().stream()
                .map(PackageRunResult.Created::number).toList(), "dry-run preview continues the counter");
    }

    @Test
    void run_tenantNumberingWithOwnSeriesConfiguration_followsIt() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.pkg("A", "100.00", PackageSchedule.MONTHLY, "2026-03-01", null);
        NumberingPolicy numbering = NumberingPolicy.defaults().withSeries("PKG",
                SeriesNumbering.of("R-{seq:4}", "R").withStartAfter("", 41));
        f.acme.profile().update(f.acme.profile().get().withNumbering(numbering));
        Packages run = Billing.builder().stores(Internals.store(f.billing)).clock(f.clock)
                .policies(BillingPolicies.defaults().withPackages(PackagePolicy.defaults().withTenantNumbering()))
                .build().tenant(ACME, Actor.user("alice@acme.test")).packages();
        assertEquals("R-0042", only(run.run(d("2026-03-01"))).number());
    }

    @Test
    void run_customPattern_isUsed() {
        PackageFixture f = new PackageFixture(d("2026-03-01"),
                PackagePolicy.defaults().withNumberPattern("RET/{clientId}/{engagementId}/{periodStart}"));
        f.pkg("A", "100.00", PackageSchedule.MONTHLY, "2026-03-01", null);
        assertEquals("RET/globex/A/2026-03-01", only(f.acme.packages().run(d("2026-03-01"))).number());
    }

    @Test
    void job_allTenants_runsEachTenantAndFiltersByTenant() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        TenantId other = TenantId.of("other");
        f.addTenant(other, new BigDecimal("20"));
        f.addClient(other, Client.of(GLOBEX, "Globex UK", PackageFixture.ADDRESS, Currencies.of("EUR")));
        f.pkg("E1", "100.00", PackageSchedule.MONTHLY, "2026-03-01", null);
        f.billing.tenant(other, Actor.system("setup")).engagements().create(Engagement.ofPackage(EngagementId.of("E1"),
                GLOBEX, "Retainer", Money.of("EUR", "100.00"), PackageSchedule.MONTHLY, d("2026-03-01"), null));
        Packages job = f.billing.packages(PackageBillingJob.DEFAULT_ACTOR);

        PackageRunResult onlyOther = job.run(d("2026-03-01"), PackageRunOptions.all().forTenant(other));
        assertEquals(List.of(other), onlyOther.created().stream().map(PackageRunResult.Created::tenant).toList());
        assertEquals(Money.of("EUR", "120.00"), onlyOther.created().get(0).total(), "the other tenant's 20 % VAT");
        assertEquals(List.of(), f.invoices(ACME));

        PackageRunResult all = job.run(d("2026-03-01"), PackageRunOptions.all());
        assertEquals(List.of(ACME), all.created().stream().map(PackageRunResult.Created::tenant).toList());
        assertEquals(List.of(other), all.skipped().stream().map(PackageRunResult.Skipped::tenant).toList());
        AuditRecord audit = f.memory.auditRecords(ACME).stream()
                .filter(a -> a.action().equals(PackageBillingRun.AUDIT_ACTION)).findFirst().orElseThrow();
        assertEquals(PackageBillingJob.DEFAULT_ACTOR, audit.actor());
    }

    @Test
    void job_unknownTenantOrEngagement_throwsNotFound() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        Packages job = f.billing.packages(PackageBillingJob.DEFAULT_ACTOR);
        assertThrows(NotFoundException.class, () -> job.run(d("2026-03-01"),
                PackageRunOptions.all().forTenant(TenantId.of("nobody"))));
        assertThrows(NotFoundException.class, () -> job.run(d("2026-03-01"),
                PackageRunOptions.all().forEngagement(EngagementId.of("nope"))));
    }

    @Test
    void job_engagementFilterWithoutTenant_findsItsTenant() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.pkg("E1", "100.00", PackageSchedule.MONTHLY, "2026-03-01", null);
        f.pkg("E2", "100.00", PackageSchedule.MONTHLY, "2026-03-01", null);
        PackageRunResult r = f.billing.packages(PackageBillingJob.DEFAULT_ACTOR).run(d("2026-03-01"),
                PackageRunOptions.all().forEngagement(EngagementId.of("E2")));
        assertEquals(EngagementId.of("E2"), only(r).engagementId());
        assertEquals(List.of(), r.skipped());
    }
}
