package dev.billops.core.invoice;

import dev.billops.core.invoice.GenerationPolicy;
import dev.billops.core.internal.invoice.InvoiceDrafts;
import dev.billops.core.internal.Internals;
import dev.billops.core.internal.invoice.Generation;
import dev.billops.core.spi.InvoiceStore;
import static dev.billops.core.timeentry.TimeBillingFixture.ACME;
import static dev.billops.core.timeentry.TimeBillingFixture.ADDRESS;
import static dev.billops.core.timeentry.TimeBillingFixture.ALICE;
import static dev.billops.core.timeentry.TimeBillingFixture.APP;
import static dev.billops.core.timeentry.TimeBillingFixture.BOB;
import static dev.billops.core.timeentry.TimeBillingFixture.DEV;
import static dev.billops.core.timeentry.TimeBillingFixture.EUR;
import static dev.billops.core.timeentry.TimeBillingFixture.FIRM;
import static dev.billops.core.timeentry.TimeBillingFixture.MEET;
import static dev.billops.core.timeentry.TimeBillingFixture.WEB;
import static dev.billops.core.timeentry.TimeBillingFixture.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.BillingException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.event.InvoiceCreated;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.money.Money;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Client;
import dev.billops.core.project.Project;
import dev.billops.core.rate.RateScope;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.timeentry.TimeBillingFixture;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.spi.TimeEntryStore;
import dev.billops.core.memory.StoreSnapshot;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class InvoiceDraftsTest {

    private static final LocalDateRange NOVEMBER = LocalDateRange.ofMonth(YearMonth.of(2026, 11));

    /** The fixture with a week of work: web 1.5 + 3 h at 100, app 2 h at 120, one non-billable hour, one December hour. */
    private static TimeBillingFixture week() {
        TimeBillingFixture f = new TimeBillingFixture();
        f.firm.timeEntries().logAll(List.of(
                entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:30"),
                entry(BOB, WEB, MEET, "2026-11-02", "09:00", "12:00"),
                entry(ALICE, APP, DEV, "2026-11-03", "13:00", "15:00"),
                entry(ALICE, WEB, DEV, "2026-11-04", "09:00", "10:00").withBillable(false),
                entry(ALICE, WEB, DEV, "2026-12-01", "09:00", "10:00")));
        return f;
    }

    private static <T extends BillingException> T rejectsAndStoresNothing(TimeBillingFixture f, Class<T> type,
            Supplier<?> action) {
        StoreSnapshot before = f.snapshot();
        T e = assertThrows(type, action::get);
        assertEquals(before, f.snapshot(), "nothing stored after " + e.getMessage());
        return e;
    }

    @Test
    void draft_unbilledTime_storesDraftWithAuditAndEvent() {
        TimeBillingFixture f = week();
        Invoice draft = f.firm.invoices().draft(ACME, NOVEMBER).orElseThrow();
        assertEquals(InvoiceStatus.DRAFT, draft.status());
        assertEquals(2, draft.lines().size());
        // web 4.5 h × 100 = 450.00 (19 % → 85.50); app 2 h × 120 = 240.00 (7 % → 16.80)
        assertEquals(Money.of(EUR, "690.00"), draft.totals().taxExclusive());
        assertEquals(Money.of(EUR, "792.30"), draft.totals().taxInclusive());
        assertEquals(NOVEMBER, draft.servicePeriod());
        assertEquals(Optional.of(draft), f.memory.inTransaction(FIRM, s -> s.get(InvoiceStore.class).find(draft.id())));
        assertEquals("invoice.draft", f.memory.auditRecords(FIRM).get(f.memory.auditRecords(FIRM).size() - 1).action());
        List<BillingEvent> events = f.memory.events(FIRM);
        assertTrue(events.get(events.size() - 1) instanceof InvoiceCreated c && c.invoiceId().equals(draft.id()));
        for (TimeEntry e : f.firm.timeEntries().list(dev.billops.core.timeentry.TimeEntryQuery.all(java.util.Set.of(),
                NOVEMBER))) {
            assertTrue(e.isOpen(), "drafting does not bill entries; issuing does");
        }
    }

    @Test
    void preview_sameAsDraftAndStoresNothing() {
        TimeBillingFixture f = week();
        DraftOptions options = DraftOptions.defaults().withInvoiceId(InvoiceId.of("inv-1"))
                .withGrouping(GroupingPolicy.perEntry());
        StoreSnapshot before = f.snapshot();
        Invoice preview = f.firm.invoices().preview(ACME, NOVEMBER, options).orElseThrow();
        assertEquals(before, f.snapshot());
        Invoice draft = f.firm.invoices().draft(ACME, NOVEMBER, options).orElseThrow();
        assertEquals(preview.withVersion(draft.version()), draft);
        assertEquals(3, draft.lines().size());
    }

    @Test
    void draft_samePeriodAgain_billsNothingTwiceUntilTheDraftIsDeleted() {
        TimeBillingFixture f = week();
        Invoice first = f.firm.invoices().draft(ACME, NOVEMBER).orElseThrow();
        StoreSnapshot before = f.snapshot();
        assertEquals(Optional.empty(), f.firm.invoices().draft(ACME, NOVEMBER));
        assertEquals(before, f.snapshot());
        f.firm.timeEntries().log(entry(BOB, WEB, DEV, "2026-11-20", "09:00", "10:00"));
        Invoice second = f.firm.invoices().draft(ACME, NOVEMBER).orElseThrow();
        assertEquals(1, second.lines().size(), "only the new entry");
        f.memory.inTransaction(FIRM, s -> {
            s.get(InvoiceStore.class).deleteDraft(first.id());
            return null;
        });
        assertEquals(first.lines().size(), f.firm.invoices().draft(ACME, NOVEMBER).orElseThrow().lines().size());
    }

    @Test
    void voidInvoice_billedTime_entriesOpenAgainAndBillableOnACorrectedInvoice() {
        TimeBillingFixture f = week();
        Invoice issued = f.firm.invoices().issue(f.firm.invoices().draft(ACME, NOVEMBER).orElseThrow().id());
        List<TimeEntryId> billed = new java.util.ArrayList<>();
        issued.lines().forEach(l -> billed.addAll(l.entryIds()));
        assertEquals(3, billed.size());
        assertEquals(Optional.empty(), f.firm.invoices().draft(ACME, NOVEMBER), "billed time is not billed twice");

        f.firm.invoices().voidInvoice(issued.id());
        for (TimeEntryId id : billed) {
            TimeEntry e = f.firm.timeEntries().get(id);
            assertTrue(e.isOpen(), id + " open again after the void");
            assertEquals(null, e.invoiceId());
        }
        assertEquals("timeentry.reopen", f.memory.auditRecords(FIRM).get(f.memory.auditRecords(FIRM).size() - 1)
                .action());

        Invoice corrected = f.firm.invoices().issue(f.firm.invoices().draft(ACME, NOVEMBER).orElseThrow().id());
        assertEquals(issued.totals(), corrected.totals());
        for (TimeEntryId id : billed) {
            assertEquals(corrected.id(), f.firm.timeEntries().get(id).invoiceId());
        }
        assertEquals(Optional.empty(), f.firm.invoices().draft(ACME, NOVEMBER));
    }

    @Test
    void draft_afterEntriesBilled_yieldsNothing() {
        TimeBillingFixture f = week();
        Invoice draft = f.firm.invoices().preview(ACME, NOVEMBER).orElseThrow();
        List<TimeEntryId> ids = new java.util.ArrayList<>();
        draft.lines().forEach(l -> ids.addAll(l.entryIds()));
        f.memory.inTransaction(FIRM, s -> {
            s.get(TimeEntryStore.class).markBilled(ids, InvoiceId.of("issued"));
            return null;
        });
        assertEquals(Optional.empty(), f.firm.invoices().draft(ACME, NOVEMBER));
    }

    @Test
    void draft_oneProjectOnly() {
        TimeBillingFixture f = week();
        Invoice draft = f.firm.invoices().draft(ACME, NOVEMBER, DraftOptions.defaults().forProject(APP)).orElseThrow();
        assertEquals(List.of(APP), draft.lines().stream().map(InvoiceLine::projectId).toList());
    }

    @Test
    void draft_invalidInputs_throwSpecificExceptionsAndStoreNothing() {
        TimeBillingFixture f = week();
        NotFoundException unknown = rejectsAndStoresNothing(f, NotFoundException.class,
                () -> f.firm.invoices().draft(ClientId.of("ghost"), NOVEMBER));
        assertEquals("client", unknown.kind());
        NotFoundException project = rejectsAndStoresNothing(f, NotFoundException.class,
                () -> f.firm.invoices().draft(ACME, NOVEMBER, DraftOptions.defaults().forProject(ProjectId.of("ghost"))));
        assertEquals("project", project.kind());

        f.firm.clients().create(Client.of(ClientId.of("beta"), "Beta", ADDRESS, EUR));
        f.firm.projects().create(Project.of(ProjectId.of("beta-web"), ClientId.of("beta"), "Beta web"));
        ProjectOfOtherClientException other = rejectsAndStoresNothing(f, ProjectOfOtherClientException.class,
                () -> f.firm.invoices().draft(ACME, NOVEMBER,
                        DraftOptions.defaults().forProject(ProjectId.of("beta-web"))));
        assertEquals(ClientId.of("beta"), other.ownerId());

        f.firm.clients().update(f.firm.clients().get(ACME).withActive(false));
        rejectsAndStoresNothing(f, ClientNotActiveException.class, () -> f.firm.invoices().draft(ACME, NOVEMBER));
    }

    @Test
    void draft_entryWithoutRate_throwsNamingItAndStoresNothing() {
        TimeBillingFixture f = week();
        f.firm.rates().delete(dev.billops.core.id.RateRuleId.of("app-rate"));
        f.firm.rates().create(TimeBillingFixture.rule("app-late", RateScope.project(APP), "130"));
        f.firm.rates().endOn(dev.billops.core.id.RateRuleId.of("app-late"), java.time.LocalDate.of(2026, 6, 1));
        NoRateForEntryException e = rejectsAndStoresNothing(f, NoRateForEntryException.class,
                () -> f.firm.invoices().draft(ACME, NOVEMBER));
        assertEquals(APP, e.query().projectId());
    }

    @Test
    void draft_tenantWithoutProfile_throwsNotFound() {
        TimeBillingFixture f = week();
        var other = f.billing.tenant(TenantId.of("other"), Actor.user("x"));
        other.clients().create(Client.of(ACME, "ACME", ADDRESS, EUR));
        NotFoundException e = assertThrows(NotFoundException.class, () -> other.invoices().draft(ACME, NOVEMBER));
        assertEquals("tenant", e.kind());
    }

    @Test
    void generation_reportsBilledTimePerLine() {
        TimeBillingFixture f = week();
        Generation g = new InvoiceDrafts(Internals.scope(f.firm), GenerationPolicy.defaults())
                .generation(ACME, NOVEMBER, DraftOptions.defaults());
        assertEquals(java.time.Duration.ofMinutes(270 + 120), g.totalBilledTime());
    }
}
