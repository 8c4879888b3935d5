package dev.billops.core.invoice;

import dev.billops.core.internal.invoice.InvoiceGenerator;
import dev.billops.core.internal.invoice.MonthlyFees;
import dev.billops.core.internal.invoice.ProjectMonth;
import dev.billops.core.spi.InvoiceStore;
import static dev.billops.core.timeentry.TimeBillingFixture.ACME;
import static dev.billops.core.timeentry.TimeBillingFixture.ADDRESS;
import static dev.billops.core.timeentry.TimeBillingFixture.ALICE;
import static dev.billops.core.timeentry.TimeBillingFixture.APP;
import static dev.billops.core.timeentry.TimeBillingFixture.BERLIN;
import static dev.billops.core.timeentry.TimeBillingFixture.BOB;
import static dev.billops.core.timeentry.TimeBillingFixture.DEV;
import static dev.billops.core.timeentry.TimeBillingFixture.EUR;
import static dev.billops.core.timeentry.TimeBillingFixture.FIRM;
import static dev.billops.core.timeentry.TimeBillingFixture.WEB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Client;
import dev.billops.core.project.Project;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.time.DurationRounding;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.RoundingDirection;
import dev.billops.core.time.RoundingScope;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.timeentry.TimeBillingFixture;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryAlreadyBilledException;
import dev.billops.core.timeentry.TimeEntryOnDraftException;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of logging, editing, deleting, moving and un-billing time, drafting,
 * regenerating, deleting and issuing drafts, voiding, and changing the monthly rate, all through
 * the facade. The web project bills a MONTH rate, the app project 120/h rounded up to 15 minutes
 * per entry. After every step: each project's monthly fee is on at most one draft or issued
 * invoice per month; and every issued invoice bills each of its entries at the entry's rounded
 * duration as it is stored (so as it was when issued: billed entries never change).
 */
class TimeDraftSequencePropertiesTest {

    private static final ClientId BETA = ClientId.of("beta");
    private static final ProjectId BETA_WEB = ProjectId.of("beta-web");
    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final DurationRounding QUARTER_UP = DurationRounding.ofMinutes(15, RoundingDirection.UP);
    private static final DraftOptions PER_ENTRY = DraftOptions.defaults().withGrouping(GroupingPolicy.perEntry());

    /** One step: {@code kind} picks the operation, {@code a} and {@code b} its arguments. */
    record Op(int kind, int a, int b) {
        @Override
        public String toString() {
            String[] names = {"log", "log", "edit", "nonBillable", "delete", "move", "draft", "draft", "regenerate",
                "deleteDraft", "issue", "issue", "void", "rateChange"};
            return names[kind] + "(" + a + ", " + b + ")";
        }
    }

    static Gen<List<Op>> runs() {
        return Gen.listOf(Gen.zip(Gen.ints(0, 13), Gen.ints(0, 999), Gen.ints(0, 999), Op::new), 1, 40);
    }

    /** The run's state: the fixture and the ids it made. */
    private static final class World {
        final TimeBillingFixture f = new TimeBillingFixture();
        final List<TimeEntryId> entries = new ArrayList<>();
        final List<InvoiceId> drafts = new ArrayList<>();
        final List<InvoiceId> issued = new ArrayList<>();
        int rules;

        World() {
            f.firm.clients().create(Client.of(BETA, "Beta", ADDRESS, EUR));
            f.firm.projects().create(Project.of(BETA_WEB, BETA, "Beta web"));
            f.firm.projects().update(f.firm.projects().get(APP).withRounding(QUARTER_UP, RoundingScope.PER_ENTRY));
            f.firm.rates().delete(RateRuleId.of("web-rate"));
            f.firm.rates().create(new RateRule(RateRuleId.of("web-m0"), RateScope.project(WEB),
                    UnitPrice.of(EUR, "3000"), RateUnit.MONTH, LocalDate.of(2026, 1, 1), null));
        }

        <T> T pick(List<T> list, int i) {
            return list.get(i % list.size());
        }

        TimeEntry entry(int i) {
            return f.firm.timeEntries().get(pick(entries, i));
        }

        /** Runs an edit that is refused exactly when the entry is on a draft or billed. */
        void edit(TimeEntry e, Runnable change) {
            Optional<InvoiceId> onDraft = f.memory.inTransaction(FIRM,
                    s -> s.get(dev.billops.core.spi.TimeEntryStore.class).draftListing(e.id()));
            try {
                change.run();
                assertTrue(e.isOpen() && onDraft.isEmpty(), "edited " + e + " on " + onDraft);
            } catch (TimeEntryOnDraftException ex) {
                assertEquals(onDraft, Optional.of(ex.invoiceId()), "refusal names the draft");
            } catch (TimeEntryAlreadyBilledException ex) {
                assertEquals(EntryState.BILLED, e.state(), ex.getMessage());
            }
        }

        void step(Op op) {
            int a = op.a();
            int b = op.b();
            switch (op.kind()) {
                case 0, 1 -> {
                    int i = entries.size();
                    LocalDateTime start = NOV.atDay(1 + a % 30).atTime(6 + 2 * (i % 6), 0);
                    TimeEntry e = TimeEntry.of(a % 3 == 0 ? APP : WEB, b % 2 == 0 ? ALICE : BOB, DEV,
                            TimeSpan.of(start, start.plusMinutes(1 + b % 110), BERLIN), "work " + i);
                    entries.add(f.firm.timeEntries().log(e).entries().get(0).id());
                }
                case 2 -> {
                    if (!entries.isEmpty()) {
                        TimeEntry e = entry(a);
                        edit(e, () -> f.firm.timeEntries().update(e.withSpan(TimeSpan.of(e.span().start(),
                                e.span().start().plusSeconds(60 + 60L * (b % 110)), BERLIN))));
                    }
                }
                case 3 -> {
                    if (!entries.isEmpty()) {
                        TimeEntry e = entry(a);
                        edit(e, () -> f.firm.timeEntries().update(e.withBillable(!e.billable())));
                    }
                }
                case 4 -> {
                    if (!entries.isEmpty()) {
                        TimeEntry e = entry(a);
                        edit(e, () -> {
                            f.firm.timeEntries().delete(e.id());
                            entries.remove(e.id());
                        });
                    }
                }
                case 5 -> {
                    if (!entries.isEmpty()) {
                        TimeEntry e = entry(a);
                        edit(e, () -> f.firm.timeEntries().update(new TimeEntry(e.id(), BETA_WEB, e.timekeeperId(),
                                e.activityId(), e.span(), e.description(), e.billable(), null, null, e.state(),
                                e.invoiceId(), null, e.version())));
                    }
                }
                case 6, 7 -> {
                    LocalDateRange period = switch (a % 3) {
                        case 0 -> LocalDateRange.ofMonth(NOV);
                        case 1 -> LocalDateRange.of(NOV.atDay(1), NOV.atDay(16));
                        default -> LocalDateRange.of(NOV.atDay(16), NOV.plusMonths(1).atDay(1));
                    };
                    f.firm.invoices().draft(ACME, period, PER_ENTRY).ifPresent(d -> drafts.add(d.id()));
                }
                case 8 -> {
                    if (!drafts.isEmpty()) {
                        InvoiceId old = pick(drafts, a);
                        drafts.remove(old);
                        f.firm.invoices().regenerate(old, PER_ENTRY).ifPresent(d -> drafts.add(d.id()));
                    }
                }
                case 9 -> {
                    if (!drafts.isEmpty()) {
                        InvoiceId d = pick(drafts, a);
                        f.firm.invoices().deleteDraft(d);
                        drafts.remove(d);
                    }
                }
                case 10, 11 -> {
                    if (!drafts.isEmpty()) {
                        InvoiceId d = pick(drafts, a);
                        issued.add(f.firm.invoices().issue(d).id());
                        drafts.remove(d);
                    }
                }
                case 12 -> {
                    if (!issued.isEmpty()) {
                        InvoiceId i = pick(issued, a);
                        if (f.firm.invoices().get(i).status() == InvoiceStatus.ISSUED) {
                            f.firm.invoices().voidInvoice(i);
                        }
                    }
                }
                default -> {
                    RateRuleId current = RateRuleId.of("web-m" + rules);
                    LocalDate from = NOV.atDay(2 + a % 29);
                    if (!from.isAfter(f.firm.rates().find(current).orElseThrow().effectiveFrom())) {
                        return;
                    }
                    f.firm.rates().endOn(current, from);
                    rules++;
                    f.firm.rates().create(new RateRule(RateRuleId.of("web-m" + rules), RateScope.project(WEB),
                            UnitPrice.of(EUR, BigDecimal.valueOf(2000 + b * 10L)), RateUnit.MONTH, from, null));
                }
            }
        }

        void checkInvariants() {
            List<Invoice> all = f.memory.inTransaction(FIRM,
                    s -> s.get(InvoiceStore.class).list(InvoiceQuery.ofClient(ACME)));
            Map<ProjectMonth, InvoiceId> feeOn = new HashMap<>();
            for (Invoice inv : all) {
                if (inv.status() == InvoiceStatus.VOID) {
                    continue;
                }
                for (ProjectMonth fee : MonthlyFees.of(inv)) {
                    InvoiceId other = feeOn.put(fee, inv.id());
                    if (other != null && !other.equals(inv.id())) {
                        fail(fee + " billed on " + other + " and " + inv.id());
                    }
                }
                if (inv.status() == InvoiceStatus.DRAFT) {
                    continue;
                }
                for (InvoiceLine line : inv.lines()) {
                    if (line.unit() != UnitCode.HOUR) {
                        continue;
                    }
                    assertEquals(1, line.entryIds().size(), "per-entry grouping");
                    TimeEntry e = f.firm.timeEntries().get(line.entryIds().get(0));
                    assertEquals(inv.id(), e.invoiceId(), "billed by the invoice that lists it");
                    assertTrue(e.billable() && e.projectId().equals(APP), e.toString());
                    Duration rounded = QUARTER_UP.apply(e.duration());
                    BigDecimal hours = BigDecimal.valueOf(rounded.toNanos())
                            .divide(BigDecimal.valueOf(3_600_000_000_000L), InvoiceGenerator.QUANTITY_SCALE,
                                    RoundingMode.HALF_UP);
                    assertEquals(hours, line.quantity(), "line of " + e.id() + " on " + inv.id());
                }
            }
        }
    }

    @Test
    void anySequenceOfDraftsIssuesEditsAndRateChanges_feeOncePerMonthAndBilledQuantityIsTheRoundedDuration() {
        Property.forAll(runs()).tries(150).verify(run -> {
            World w = new World();
            for (Op op : run) {
                w.step(op);
                w.checkInvariants();
            }
        });
    }

    /** The property's edits must be reachable: a run that edits a drafted entry is refused, then allowed once the draft is regenerated. */
    @Test
    void editOfADraftedEntry_refusedUntilRegenerated_thenBilledAsEdited() {
        World w = new World();
        w.step(new Op(0, 0, 0)); // APP entry of 1 minute on 1 November
        w.step(new Op(6, 0, 0)); // draft November
        TimeEntry e = w.entry(0);
        Supplier<TimeEntry> ninety = () -> w.entry(0).withSpan(TimeSpan.of(e.span().start(),
                e.span().start().plusSeconds(90 * 60), BERLIN));
        try {
            w.f.firm.timeEntries().update(ninety.get());
            fail("edit of a drafted entry was accepted");
        } catch (TimeEntryOnDraftException expected) {
            w.step(new Op(9, 0, 0));
        }
        w.f.firm.timeEntries().update(ninety.get());
        w.step(new Op(6, 0, 0));
        w.step(new Op(10, 0, 0));
        w.checkInvariants();
        assertEquals(new BigDecimal("1.5000"), w.f.firm.invoices().get(w.issued.get(0)).lines().get(0).quantity());
    }
}
