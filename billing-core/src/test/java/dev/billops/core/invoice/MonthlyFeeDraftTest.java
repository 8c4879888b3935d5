package dev.billops.core.invoice;

import dev.billops.core.spi.InvoiceStore;
import static dev.billops.core.timeentry.TimeBillingFixture.ACME;
import static dev.billops.core.timeentry.TimeBillingFixture.ALICE;
import static dev.billops.core.timeentry.TimeBillingFixture.BOB;
import static dev.billops.core.timeentry.TimeBillingFixture.DEV;
import static dev.billops.core.timeentry.TimeBillingFixture.EUR;
import static dev.billops.core.timeentry.TimeBillingFixture.FIRM;
import static dev.billops.core.timeentry.TimeBillingFixture.WEB;
import static dev.billops.core.timeentry.TimeBillingFixture.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.timeentry.TimeBillingFixture;
import dev.billops.core.memory.StoreSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A project's MONTH rate is billed once per calendar month, whatever the number of drafts, and a
 * fee that changes inside the month is prorated by the days each rate was in force.
 */
class MonthlyFeeDraftTest {

    private static final LocalDateRange NOVEMBER = LocalDateRange.ofMonth(YearMonth.of(2026, 11));

    /** The web project at 3,000.00 a month (instead of 100/h). */
    private static TimeBillingFixture monthly() {
        TimeBillingFixture f = new TimeBillingFixture();
        f.firm.rates().delete(RateRuleId.of("web-rate"));
        f.firm.rates().create(new RateRule(RateRuleId.of("web-month"), RateScope.project(WEB),
                UnitPrice.of(EUR, "3000"), RateUnit.MONTH, LocalDate.of(2026, 1, 1), null));
        return f;
    }

    /** Monthly fee net amount of the web project over every issued or draft invoice of acme. */
    private static Money feeBilled(TimeBillingFixture f) {
        Money sum = Money.zero(EUR);
        for (Invoice inv : f.memory.inTransaction(FIRM, s -> s.get(InvoiceStore.class).list(InvoiceQuery.ofClient(ACME)))) {
            if (inv.status() == InvoiceStatus.VOID) {
                continue;
            }
            for (InvoiceLine l : inv.lines()) {
                if (l.unit() == UnitCode.MONTH && WEB.equals(l.projectId())) {
                    sum = sum.plus(l.netAmount());
                }
            }
        }
        return sum;
    }

    @Test
    void draft_rateChangeOnThe15th_billsOneFeeProratedByDays() {
        TimeBillingFixture f = monthly();
        f.firm.rates().endOn(RateRuleId.of("web-month"), LocalDate.of(2026, 11, 15));
        f.firm.rates().create(new RateRule(RateRuleId.of("web-month-2"), RateScope.project(WEB),
                UnitPrice.of(EUR, "3300"), RateUnit.MONTH, LocalDate.of(2026, 11, 15), null));
        f.firm.timeEntries().logAll(List.of(
                entry(ALICE, WEB, DEV, "2026-11-03", "09:00", "12:00"),
                entry(BOB, WEB, DEV, "2026-11-20", "09:00", "12:00")));
        Invoice draft = f.firm.invoices().draft(ACME, NOVEMBER).orElseThrow();
        // 3,000 × 14/30 + 3,300 × 16/30 = 1,400.00 + 1,760.00 (was 3,000 + 3,300 = 6,300)
        assertEquals(List.of("Website – 2026-11 (prorated: 14 of 30 days) 1400.00 [2026-11-01, 2026-11-15)",
                "Website – 2026-11 (prorated: 16 of 30 days) 1760.00 [2026-11-15, 2026-12-01)"),
                draft.lines().stream().map(l -> l.description() + " " + l.netAmount().amount() + " " + l.period())
                        .toList());
        assertEquals(Money.of(EUR, "3160.00"), draft.totals().taxExclusive());
        assertEquals(2, draft.lines().stream().mapToInt(l -> l.entryIds().size()).sum());
    }

    @Test
    void draft_lateEntryAfterTheMonthWasIssued_billsNoSecondFee() {
        TimeBillingFixture f = monthly();
        f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-03", "09:00", "12:00"));
        f.firm.invoices().issue(f.firm.invoices().draft(ACME, NOVEMBER).orElseThrow().id());
        f.firm.timeEntries().log(entry(BOB, WEB, DEV, "2026-11-25", "09:00", "12:00"));
        Invoice late = f.firm.invoices().draft(ACME, NOVEMBER).orElseThrow();
        assertEquals(Money.of(EUR, "0.00"), late.totals().taxExclusive());
        assertEquals(BigDecimal.ZERO, late.lines().get(0).quantity().stripTrailingZeros());
        assertEquals("Website – 2026-11 (monthly fee already billed)", late.lines().get(0).description());
        f.firm.invoices().issue(late.id());
        assertEquals(Money.of(EUR, "3000.00"), feeBilled(f));
    }

    @Test
    void draft_twoDraftsOfOneMonth_secondBillsNoFee() {
        TimeBillingFixture f = monthly();
        f.firm.timeEntries().logAll(List.of(
                entry(ALICE, WEB, DEV, "2026-11-03", "09:00", "12:00"),
                entry(ALICE, WEB, DEV, "2026-11-23", "09:00", "12:00")));
        Invoice first = f.firm.invoices().draft(ACME, LocalDateRange.of(LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 16))).orElseThrow();
        Invoice second = f.firm.invoices().draft(ACME, LocalDateRange.of(LocalDate.of(2026, 11, 16),
                LocalDate.of(2026, 12, 1))).orElseThrow();
        assertEquals(Money.of(EUR, "3000.00"), first.totals().taxExclusive());
        assertEquals(Money.of(EUR, "0.00"), second.totals().taxExclusive());
        f.firm.invoices().issue(second.id());
        f.firm.invoices().issue(first.id());
        assertEquals(Money.of(EUR, "3000.00"), feeBilled(f));
    }

    @Test
    void draft_afterTheFeesInvoiceIsVoided_billsTheFeeAgain() {
        TimeBillingFixture f = monthly();
        f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-03", "09:00", "12:00"));
        Invoice issued = f.firm.invoices().issue(f.firm.invoices().draft(ACME, NOVEMBER).orElseThrow().id());
        f.firm.invoices().voidInvoice(issued.id());
        Invoice again = f.firm.invoices().draft(ACME, NOVEMBER).orElseThrow();
        assertEquals(Money.of(EUR, "3000.00"), again.totals().taxExclusive());
    }

    @Test
    void issue_secondDraftWithTheSameMonthsFee_throwsAndStoresNothing() {
        // two drafts that both bill November's fee, as two racing drafts of disjoint periods could
        TimeBillingFixture f = monthly();
        f.firm.timeEntries().logAll(List.of(
                entry(ALICE, WEB, DEV, "2026-11-03", "09:00", "12:00"),
                entry(ALICE, WEB, DEV, "2026-11-23", "09:00", "12:00")));
        Invoice all = f.firm.invoices().preview(ACME, NOVEMBER).orElseThrow();
        Invoice first = f.firm.invoices().draft(ACME, LocalDateRange.of(LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 16))).orElseThrow();
        InvoiceLine line = all.lines().get(0);
        Invoice racing = Invoice.draft(InvoiceId.of("racing"), ACME, EUR, InvoiceSource.TIME_ENTRIES)
                .withLines(List.of(new InvoiceLine(1, line.description(), line.quantity(), line.unit(), line.price(),
                        line.baseQuantity(), List.of(), line.tax(), line.period(),
                        List.of(line.entryIds().get(1)), line.projectId(), null, null, line.rateRuleId())));
        f.memory.inTransaction(FIRM, s -> {
            s.get(InvoiceStore.class).insert(racing);
            return null;
        });
        f.firm.invoices().issue(first.id());
        StoreSnapshot before = f.snapshot();
        MonthlyFeeAlreadyBilledException e = assertThrows(MonthlyFeeAlreadyBilledException.class,
                () -> f.firm.invoices().issue(racing.id()));
        assertEquals(WEB, e.projectId());
        assertEquals(YearMonth.of(2026, 11), e.month());
        assertEquals(first.id(), e.billedOn());
        assertEquals(before, f.snapshot());
    }
}
