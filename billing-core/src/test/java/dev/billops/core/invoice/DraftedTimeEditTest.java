package dev.billops.core.invoice;

import dev.billops.core.spi.InvoiceStore;
import static dev.billops.core.timeentry.TimeBillingFixture.ACME;
import static dev.billops.core.timeentry.TimeBillingFixture.ADDRESS;
import static dev.billops.core.timeentry.TimeBillingFixture.ALICE;
import static dev.billops.core.timeentry.TimeBillingFixture.BERLIN;
import static dev.billops.core.timeentry.TimeBillingFixture.DEV;
import static dev.billops.core.timeentry.TimeBillingFixture.EUR;
import static dev.billops.core.timeentry.TimeBillingFixture.FIRM;
import static dev.billops.core.timeentry.TimeBillingFixture.WEB;
import static dev.billops.core.timeentry.TimeBillingFixture.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.money.Money;
import dev.billops.core.party.Client;
import dev.billops.core.project.Project;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.TimeBillingFixture;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryOnDraftException;
import dev.billops.core.spi.TimeEntryStore;
import dev.billops.core.memory.StoreSnapshot;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Time changed after it was drafted is never billed stale: an entry on a draft cannot be edited
 * or deleted (the host regenerates the draft first), and issuing re-checks the draft's entries.
 */
class DraftedTimeEditTest {

    private static final LocalDateRange NOVEMBER = LocalDateRange.ofMonth(YearMonth.of(2026, 11));
    private static final ClientId BETA = ClientId.of("beta");
    private static final ProjectId BETA_WEB = ProjectId.of("beta-web");

    /** One hour on web (100/h), drafted; a second client beta with a project. */
    private static final class Drafted {
        final TimeBillingFixture f = new TimeBillingFixture();
        final TimeEntry entry;
        final Invoice draft;

        Drafted() {
            f.firm.clients().create(Client.of(BETA, "Beta", ADDRESS, EUR));
            f.firm.projects().create(Project.of(BETA_WEB, BETA, "Beta web"));
            entry = f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00")).entries().get(0);
            draft = f.firm.invoices().draft(ACME, NOVEMBER).orElseThrow();
        }

        TimeEntry stored() {
            return f.firm.timeEntries().get(entry.id());
        }
    }

    private static TimeSpan eightHours() {
        return TimeSpan.of(LocalDateTime.parse("2026-11-02T09:00"), LocalDateTime.parse("2026-11-02T17:00"), BERLIN);
    }

    private static void refusedNamingTheDraft(Drafted d, UnaryOperator<TimeEntry> edit) {
        StoreSnapshot before = d.f.snapshot();
        TimeEntryOnDraftException e = assertThrows(TimeEntryOnDraftException.class,
                () -> d.f.firm.timeEntries().update(edit.apply(d.stored())));
        assertEquals(d.entry.id(), e.entryId());
        assertEquals(d.draft.id(), e.invoiceId());
        assertTrue(e.getMessage().contains(d.draft.id().value()), e.getMessage());
        assertEquals(before, d.f.snapshot(), "nothing stored");
    }

    @Test
    void update_durationOfADraftedEntry_throwsNamingTheDraftAndStoresNothing() {
        refusedNamingTheDraft(new Drafted(), e -> e.withSpan(eightHours()));
    }

    @Test
    void update_draftedEntryMadeNonBillable_throwsNamingTheDraft() {
        refusedNamingTheDraft(new Drafted(), e -> e.withBillable(false));
    }

    @Test
    void update_draftedEntryMovedToAnotherClientsProject_throwsNamingTheDraft() {
        refusedNamingTheDraft(new Drafted(), e -> new TimeEntry(e.id(), BETA_WEB, e.timekeeperId(), e.activityId(),
                e.span(), e.description(), e.billable(), e.explicitRate(), e.explicitRateUnit(), e.state(),
                e.invoiceId(), e.externalUid(), e.version()));
    }

    @Test
    void delete_draftedEntry_throwsNamingTheDraftAndStoresNothing() {
        Drafted d = new Drafted();
        StoreSnapshot before = d.f.snapshot();
        TimeEntryOnDraftException e = assertThrows(TimeEntryOnDraftException.class,
                () -> d.f.firm.timeEntries().delete(d.entry.id()));
        assertEquals(d.draft.id(), e.invoiceId());
        assertEquals(before, d.f.snapshot());
    }

    @Test
    void update_afterTheDraftIsDeleted_isAllowedAndTheNewDraftBillsTheNewDuration() {
        Drafted d = new Drafted();
        d.f.firm.invoices().deleteDraft(d.draft.id());
        d.f.firm.timeEntries().update(d.stored().withSpan(eightHours()));
        Invoice issued = d.f.firm.invoices().issue(d.f.firm.invoices().draft(ACME, NOVEMBER).orElseThrow().id());
        assertEquals(new BigDecimal("8.0000"), issued.lines().get(0).quantity());
        assertEquals(Money.of(EUR, "800.00"), issued.totals().taxExclusive());
        assertEquals(issued.id(), d.stored().invoiceId());
    }

    @Test
    void regenerate_draftedEntryThenEdited_newDraftBillsTheEditAndTheOldOneIsGone() {
        Drafted d = new Drafted();
        d.f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-03", "09:00", "10:00"));
        Invoice regenerated = d.f.firm.invoices().regenerate(d.draft.id(), DraftOptions.defaults()).orElseThrow();
        assertEquals(new BigDecimal("2.0000"), regenerated.lines().get(0).quantity(), "picks up the new entry");
        assertEquals(NOVEMBER, regenerated.servicePeriod());
        assertTrue(d.f.memory.inTransaction(FIRM, s -> s.get(InvoiceStore.class).find(d.draft.id())).isEmpty());
        d.f.firm.invoices().deleteDraft(regenerated.id());
        d.f.firm.timeEntries().delete(d.entry.id());
        Invoice issued = d.f.firm.invoices().issue(d.f.firm.invoices().draft(ACME, NOVEMBER).orElseThrow().id());
        assertEquals(new BigDecimal("1.0000"), issued.lines().get(0).quantity());
    }

    @Test
    void issue_draftedEntryChangedBehindTheServices_throwsAndStoresNothing() {
        // a writer that bypassed the services (or raced them) made the entry non-billable
        Drafted d = new Drafted();
        d.f.memory.inTransaction(FIRM, s -> s.get(TimeEntryStore.class).update(d.stored().withBillable(false)));
        StoreSnapshot before = d.f.snapshot();
        DraftOutOfDateException e = assertThrows(DraftOutOfDateException.class,
                () -> d.f.firm.invoices().issue(d.draft.id()));
        assertEquals(d.entry.id(), e.entryId());
        assertEquals(before, d.f.snapshot());

        Drafted moved = new Drafted();
        moved.f.memory.inTransaction(FIRM, s -> s.get(TimeEntryStore.class).update(new TimeEntry(moved.entry.id(),
                BETA_WEB, ALICE, DEV, moved.entry.span(), "x", true, null, null, moved.entry.state(), null, null,
                moved.stored().version())));
        assertThrows(DraftOutOfDateException.class, () -> moved.f.firm.invoices().issue(moved.draft.id()));

        Drafted longer = new Drafted();
        longer.f.memory.inTransaction(FIRM, s -> s.get(TimeEntryStore.class).update(longer.stored()
                .withSpan(eightHours())));
        StoreSnapshot beforeLonger = longer.f.snapshot();
        DraftOutOfDateException changed = assertThrows(DraftOutOfDateException.class,
                () -> longer.f.firm.invoices().issue(longer.draft.id()));
        assertTrue(changed.getMessage().contains("was changed"), changed.getMessage());
        assertEquals(beforeLonger, longer.f.snapshot());
        Invoice regenerated = longer.f.firm.invoices().regenerate(longer.draft.id(), DraftOptions.defaults())
                .orElseThrow();
        assertEquals(new BigDecimal("8.0000"), longer.f.firm.invoices().issue(regenerated.id()).lines().get(0)
                .quantity());

        Drafted deleted = new Drafted();
        deleted.f.memory.inTransaction(FIRM, s -> {
            s.get(TimeEntryStore.class).delete(deleted.entry.id());
            return null;
        });
        assertThrows(DraftOutOfDateException.class, () -> deleted.f.firm.invoices().issue(deleted.draft.id()));
        assertEquals(List.of(), deleted.f.firm.invoices().get(deleted.draft.id()).lines().stream()
                .filter(l -> l.entryIds().isEmpty()).toList());
    }
}
