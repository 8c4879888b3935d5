package dev.billops.core.timeentry;

import dev.billops.core.TimeEntries;
import dev.billops.core.spi.TimeEntryStore;
import static dev.billops.core.timeentry.TimeBillingFixture.ACME;
import static dev.billops.core.timeentry.TimeBillingFixture.ALICE;
import static dev.billops.core.timeentry.TimeBillingFixture.APP;
import static dev.billops.core.timeentry.TimeBillingFixture.BOB;
import static dev.billops.core.timeentry.TimeBillingFixture.DEV;
import static dev.billops.core.timeentry.TimeBillingFixture.WEB;
import static dev.billops.core.timeentry.TimeBillingFixture.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.BillingPolicies;
import dev.billops.core.audit.AuditRecord;
import dev.billops.core.error.BillingException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.project.Budget;
import dev.billops.core.project.ProjectStatus;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.time.Granularity;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.memory.StoreSnapshot;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TimeEntryServiceTest {

    private static final LocalDateRange NOVEMBER = LocalDateRange.ofMonth(YearMonth.of(2026, 11));

    private static TimeBillingFixture rejecting() {
        return new TimeBillingFixture(BillingPolicies.defaults().withTimeEntries(
                TimeEntryPolicy.defaults().withOverlaps(OverlapPolicy.REJECT)));
    }

    /** Runs {@code action}, expects {@code type}, and proves that nothing was stored. */
    private static <T extends BillingException> T rejectsAndStoresNothing(TimeBillingFixture f, Class<T> type,
            Supplier<?> action) {
        StoreSnapshot before = f.snapshot();
        T e = assertThrows(type, action::get);
        assertEquals(before, f.snapshot(), "nothing stored after " + e.getMessage());
        return e;
    }

    @Test
    void log_validEntry_storesItWithAuditRecord() {
        TimeBillingFixture f = new TimeBillingFixture();
        TimeEntry e = entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00");
        LogResult r = f.firm.timeEntries().log(e);
        assertEquals(e.id(), r.entry().id());
        assertEquals(r.entry(), f.firm.timeEntries().get(e.id()));
        AuditRecord last = f.memory.auditRecords(TimeBillingFixture.FIRM).get(
                f.memory.auditRecords(TimeBillingFixture.FIRM).size() - 1);
        assertEquals("timeentry.log", last.action());
        assertEquals(e.id().value(), last.entityId());
    }

    @Test
    void log_invalidReferences_throwSpecificExceptionsAndStoreNothing() {
        TimeBillingFixture f = new TimeBillingFixture();
        TimeEntries s = f.firm.timeEntries();
        NotFoundException p = rejectsAndStoresNothing(f, NotFoundException.class,
                () -> s.log(entry(ALICE, ProjectId.of("ghost"), DEV, "2026-11-02", "09:00", "10:00")));
        assertEquals("project", p.kind());
        NotFoundException t = rejectsAndStoresNothing(f, NotFoundException.class,
                () -> s.log(entry(TimekeeperId.of("ghost"), WEB, DEV, "2026-11-02", "09:00", "10:00")));
        assertEquals("timekeeper", t.kind());
        NotFoundException a = rejectsAndStoresNothing(f, NotFoundException.class,
                () -> s.log(entry(ALICE, WEB, ActivityId.of("ghost"), "2026-11-02", "09:00", "10:00")));
        assertEquals("activity", a.kind());
    }

    @Test
    void log_inactiveProjectOrTimekeeper_throwsAndStoresNothing() {
        TimeBillingFixture f = new TimeBillingFixture();
        f.firm.projects().update(f.firm.projects().get(APP).withStatus(ProjectStatus.COMPLETED));
        f.firm.timekeepers().update(new Timekeeper(BOB, "Bob", null, false));
        ProjectNotActiveException p = rejectsAndStoresNothing(f, ProjectNotActiveException.class,
                () -> f.firm.timeEntries().log(entry(ALICE, APP, DEV, "2026-11-02", "09:00", "10:00")));
        assertEquals(ProjectStatus.COMPLETED, p.status());
        TimekeeperInactiveException t = rejectsAndStoresNothing(f, TimekeeperInactiveException.class,
                () -> f.firm.timeEntries().log(entry(BOB, WEB, DEV, "2026-11-02", "09:00", "10:00")));
        assertEquals(BOB, t.timekeeperId());
    }

    @Test
    void log_explicitRateInOtherCurrency_throwsAndStoresNothing() {
        TimeBillingFixture f = new TimeBillingFixture();
        TimeEntry e = entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00")
                .withExplicitRate(UnitPrice.of(Currencies.of("USD"), "90"), RateUnit.HOUR);
        CurrencyMismatchException x = rejectsAndStoresNothing(f, CurrencyMismatchException.class,
                () -> f.firm.timeEntries().log(e));
        assertEquals("USD", x.actual());
    }

    @Test
    void log_entryThatIsNotOpen_throwsAndStoresNothing() {
        TimeBillingFixture f = new TimeBillingFixture();
        TimeEntry billed = entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00").billedOn(InvoiceId.of("i1"));
        InvalidTimeEntryException x = rejectsAndStoresNothing(f, InvalidTimeEntryException.class,
                () -> f.firm.timeEntries().log(billed));
        assertEquals(billed.id(), x.entryId());
    }

    @Test
    void log_knownId_throwsDuplicateKeyAndStoresNothingNew() {
        TimeBillingFixture f = new TimeBillingFixture();
        TimeEntry e = entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00");
        f.firm.timeEntries().log(e);
        rejectsAndStoresNothing(f, DuplicateKeyException.class, () -> f.firm.timeEntries().log(
                entry(BOB, WEB, DEV, "2026-11-03", "09:00", "10:00").withId(e.id())));
    }

    @Test
    void logAll_oneBadEntry_storesNoneOfThem() {
        TimeBillingFixture f = new TimeBillingFixture();
        List<TimeEntry> batch = List.of(
                entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00"),
                entry(BOB, WEB, DEV, "2026-11-02", "09:00", "10:00"),
                entry(ALICE, ProjectId.of("ghost"), DEV, "2026-11-03", "09:00", "10:00"));
        rejectsAndStoresNothing(f, NotFoundException.class, () -> f.firm.timeEntries().logAll(batch));
        TimeEntry twice = batch.get(0);
        rejectsAndStoresNothing(f, InvalidTimeEntryException.class,
                () -> f.firm.timeEntries().logAll(List.of(twice, twice)));
    }

    @Test
    void logAll_validBatch_storesAll() {
        TimeBillingFixture f = new TimeBillingFixture();
        LogResult r = f.firm.timeEntries().logAll(List.of(
                entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00"),
                entry(BOB, APP, null, "2026-11-02", "09:00", "10:00")));
        assertEquals(2, r.entries().size());
        assertEquals(2, f.firm.timeEntries().list(TimeEntryQuery.all(Set.of(), NOVEMBER)).size());
        assertFalse(r.hasOverlaps());
    }

    @Test
    void log_overlapUnderReject_throwsNamingBothAndStoresNothing() {
        TimeBillingFixture f = rejecting();
        TimeEntry first = f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00")).entry();
        TimeEntry second = entry(ALICE, APP, DEV, "2026-11-02", "09:30", "11:00");
        OverlappingTimeEntryException x = rejectsAndStoresNothing(f, OverlappingTimeEntryException.class,
                () -> f.firm.timeEntries().log(second));
        assertEquals(List.of(new Overlap(second.id(), first.id(), ALICE)), x.overlaps());
        assertTrue(x.getMessage().contains(first.id().value()) && x.getMessage().contains(second.id().value()));
    }

    @Test
    void log_touchingOrOtherTimekeeper_isNoOverlap() {
        TimeBillingFixture f = rejecting();
        f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00"));
        f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-02", "10:00", "11:00"));
        f.firm.timeEntries().log(entry(BOB, WEB, DEV, "2026-11-02", "09:00", "11:00"));
        assertEquals(3, f.firm.timeEntries().list(TimeEntryQuery.all(Set.of(), NOVEMBER)).size());
    }

    @Test
    void logAll_overlapWithinBatchUnderReject_storesNothing() {
        TimeBillingFixture f = rejecting();
        rejectsAndStoresNothing(f, OverlappingTimeEntryException.class, () -> f.firm.timeEntries().logAll(List.of(
                entry(BOB, WEB, DEV, "2026-11-02", "09:00", "10:00"),
                entry(BOB, WEB, DEV, "2026-11-02", "09:59", "10:30"))));
    }

    @Test
    void log_overlapUnderWarn_storesAndReports() {
        TimeBillingFixture f = new TimeBillingFixture();
        TimeEntry first = f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00")).entry();
        TimeEntry second = entry(ALICE, WEB, DEV, "2026-11-02", "09:30", "11:00");
        LogResult r = f.firm.timeEntries().log(second);
        assertEquals(List.of(new Overlap(second.id(), first.id(), ALICE)), r.overlaps());
        assertEquals(List.of(new Overlap(second.id(), first.id(), ALICE)),
                f.firm.timeEntries().overlaps(ALICE, NOVEMBER));
    }

    @Test
    void log_overlapUnderAllow_storesSilently() {
        TimeBillingFixture f = new TimeBillingFixture(BillingPolicies.defaults().withTimeEntries(
                new TimeEntryPolicy(OverlapPolicy.ALLOW)));
        f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00"));
        assertFalse(f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-02", "09:30", "11:00")).hasOverlaps());
    }

    @Test
    void update_openEntry_replacesItAndAudits() {
        TimeBillingFixture f = new TimeBillingFixture();
        TimeEntry e = f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00")).entry();
        TimeEntry changed = f.firm.timeEntries().update(e.withDescription("changed").withBillable(false)).entry();
        assertEquals("changed", f.firm.timeEntries().get(e.id()).description());
        assertFalse(changed.billable());
    }

    @Test
    void update_billedEntry_throwsAndStoresNothing() {
        TimeBillingFixture f = new TimeBillingFixture();
        TimeEntry e = f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00")).entry();
        f.memory.inTransaction(TimeBillingFixture.FIRM, s -> {
            s.get(TimeEntryStore.class).markBilled(List.of(e.id()), InvoiceId.of("i1"));
            return null;
        });
        TimeEntryAlreadyBilledException x = rejectsAndStoresNothing(f, TimeEntryAlreadyBilledException.class,
                () -> f.firm.timeEntries().update(e.withDescription("too late")));
        assertEquals(InvoiceId.of("i1"), x.invoiceId());
        rejectsAndStoresNothing(f, TimeEntryAlreadyBilledException.class, () -> {
            f.firm.timeEntries().delete(e.id());
            return null;
        });
    }

    @Test
    void update_intoOverlapUnderReject_throwsButItsOwnOldTimeIsNoOverlap() {
        TimeBillingFixture f = rejecting();
        TimeEntry a = f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00")).entry();
        TimeEntry b = f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-02", "11:00", "12:00")).entry();
        f.firm.timeEntries().update(b.withSpan(entry(ALICE, WEB, DEV, "2026-11-02", "11:30", "12:30").span()));
        TimeEntry moved = f.firm.timeEntries().get(b.id());
        rejectsAndStoresNothing(f, OverlappingTimeEntryException.class, () -> f.firm.timeEntries().update(
                moved.withSpan(entry(ALICE, WEB, DEV, "2026-11-02", "09:30", "10:30").span())));
        assertEquals(a, f.firm.timeEntries().get(a.id()));
    }

    @Test
    void update_unknownEntry_throwsNotFound() {
        TimeBillingFixture f = new TimeBillingFixture();
        rejectsAndStoresNothing(f, NotFoundException.class,
                () -> f.firm.timeEntries().update(entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00")));
        rejectsAndStoresNothing(f, NotFoundException.class, () -> {
            f.firm.timeEntries().delete(TimeEntryId.of("ghost"));
            return null;
        });
    }

    @Test
    void delete_openEntry_removesIt() {
        TimeBillingFixture f = new TimeBillingFixture();
        TimeEntry e = f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00")).entry();
        f.firm.timeEntries().delete(e.id());
        assertTrue(f.firm.timeEntries().find(e.id()).isEmpty());
    }

    @Test
    void summarize_byTimekeeperPerMonth_viaService() {
        TimeBillingFixture f = new TimeBillingFixture();
        f.firm.timeEntries().logAll(List.of(
                entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:30"),
                entry(BOB, APP, DEV, "2026-11-03", "09:00", "10:00").withBillable(false)));
        TimeSummary s = f.firm.timeEntries().summarize(SummaryRequest.of(NOVEMBER, Granularity.MONTH,
                SummaryDimension.TIMEKEEPER).forClient(ACME));
        assertEquals(2, s.rows().size());
        assertEquals(Duration.ofMinutes(90), s.billable());
        assertEquals(Duration.ofHours(1), s.nonBillable());
    }

    @Test
    void budget_overHours_signalsOverBudget() {
        TimeBillingFixture f = new TimeBillingFixture();
        f.firm.projects().update(f.firm.projects().get(WEB).withBudget(new Budget(Duration.ofHours(2), null,
                Budget.Period.MONTHLY)));
        f.firm.timeEntries().logAll(List.of(
                entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:30"),
                entry(BOB, WEB, DEV, "2026-11-03", "09:00", "10:00"),
                entry(BOB, WEB, DEV, "2026-12-03", "09:00", "10:00")));
        BudgetReport r = f.firm.timeEntries().budget(WEB);
        assertTrue(r.overBudget());
        assertTrue(r.month(YearMonth.of(2026, 11)).hoursExceeded());
        assertFalse(r.month(YearMonth.of(2026, 12)).overBudget());
        assertEquals(new dev.billops.core.money.Money(new java.math.BigDecimal("250.00"), TimeBillingFixture.EUR),
                r.month(YearMonth.of(2026, 11)).amount());
        assertEquals(LocalDate.of(2026, 11, 1), r.total().period().startInclusive());
    }
}
