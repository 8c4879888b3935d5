package dev.billops.core.payment;

import dev.billops.core.Reminders;
import static dev.billops.core.payment.PaymentFixture.EUR;
import static dev.billops.core.payment.PaymentFixture.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.event.InvoiceOverdue;
import dev.billops.core.event.ReminderDue;
import dev.billops.core.id.ClientId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReminderServiceTest {

    private static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);
    private static final LocalDate FEB_4 = LocalDate.of(2026, 2, 4);

    private final PaymentFixture f = new PaymentFixture(JAN_5);
    private final ClientId acme = f.client("acme", EUR);

    private static List<String> steps(ReminderRun run) {
        return run.reminders().stream().map(ReminderDue::step).toList();
    }

    @Test
    void run_eachStepOnceAndOnlyTheLatestWhenDaysWereMissed() {
        f.issue(acme, "INV-1", eur("100.00"), JAN_5, FEB_4);
        Reminders reminders = f.reminders(new ReminderPolicy(ReminderSchedule.of(ReminderStep.before(3),
                ReminderStep.onDue(), ReminderStep.after(7), ReminderStep.after(14)), null));

        assertEquals(List.of(), steps(reminders.run(LocalDate.of(2026, 1, 31))));
        assertEquals(List.of("before-3"), steps(reminders.run(LocalDate.of(2026, 2, 1))));
        assertEquals(List.of(), steps(reminders.run(LocalDate.of(2026, 2, 2))));
        assertEquals(List.of("due"), steps(reminders.run(FEB_4)));
        assertEquals(List.of(), steps(reminders.run(FEB_4)));
        // after-7 (Feb 11) was missed; on Feb 20 only after-14 (Feb 18) is sent.
        assertEquals(List.of("after-14"), steps(reminders.run(LocalDate.of(2026, 2, 20))));
        assertEquals(List.of(), steps(reminders.run(LocalDate.of(2026, 3, 20))));
        assertEquals(List.of("before-3", "due", "after-14"),
                f.events(ReminderDue.class).stream().map(ReminderDue::step).toList());
    }

    @Test
    void run_overdueEventOncePerInvoice_noneForPaidInvoices() {
        Invoice open = f.issue(acme, "INV-1", eur("100.00"), JAN_5, FEB_4);
        Invoice paid = f.issue(acme, "INV-2", eur("100.00"), JAN_5, FEB_4);
        f.payments.record(PaymentRequest.of(acme, eur("100.00")).toInvoice(paid.id()));
        Reminders reminders = f.reminders(ReminderPolicy.defaults());

        ReminderRun first = reminders.run(LocalDate.of(2026, 2, 9));
        ReminderRun second = reminders.run(LocalDate.of(2026, 2, 10));

        assertEquals(List.of(open.id()), first.overdue().stream().map(InvoiceOverdue::invoiceId).toList());
        assertEquals(5, first.overdue().get(0).daysOverdue());
        assertTrue(second.overdue().isEmpty());
        assertEquals(List.of(open.id()), first.reminders().stream().map(ReminderDue::invoiceId).toList());
    }

    @Test
    void run_lateFee_handChecked_newDraftOnceAndIssuedInvoiceUntouched() {
        // 1,000.00 net + 19 % = 1,190.00; 190.00 paid, so 1,000.00 is due from Feb 5.
        Invoice inv = f.issueWithVat(acme, "INV-2026-0001", eur("1000.00"), JAN_5, FEB_4);
        f.payments.record(PaymentRequest.of(acme, eur("190.00")).toInvoice(inv.id()));
        Invoice before = f.invoice(inv.id());
        // 40.00 + 5 % of the balance, at most 80.00, from 15 days past due.
        LateFeePolicy fee = LateFeePolicy.fixed(eur("40.00")).plusPercentage(new BigDecimal("5"))
                .withCap(eur("80.00")).withGraceDays(14);
        Reminders reminders = f.reminders(ReminderPolicy.defaults().withLateFee(fee));

        ReminderRun withinGrace = reminders.run(LocalDate.of(2026, 2, 10));           // 6 days past due
        assertTrue(withinGrace.lateFeeDrafts().isEmpty());
        assertEquals(1, withinGrace.overdue().size());

        ReminderRun late = reminders.run(LocalDate.of(2026, 3, 10));                  // 34 days past due
        assertEquals(1, late.lateFeeDrafts().size());
        Invoice draft = late.lateFeeDrafts().get(0);
        // 40.00 + 5 % × 1,000.00 = 90.00, capped at 80.00; out of VAT scope, so payable 80.00.
        assertEquals(eur("80.00"), draft.totals().payable());
        assertEquals(InvoiceStatus.DRAFT, draft.status());
        assertEquals(InvoiceSource.LATE_FEE, draft.source());
        assertEquals(Map.of(LateFeePolicy.METADATA_KEY, inv.id().value()), draft.metadata());
        assertTrue(draft.lines().get(0).description().contains("INV-2026-0001"), draft.lines().get(0).description());
        assertEquals(draft, f.invoice(draft.id()));
        assertEquals(before, f.invoice(inv.id()), "the issued invoice is never edited");

        assertTrue(reminders.run(LocalDate.of(2026, 3, 20)).lateFeeDrafts().isEmpty());
        assertTrue(reminders.run(LocalDate.of(2026, 4, 20)).lateFeeDrafts().isEmpty());
    }

    @Test
    void lateFeePolicy_feeFor_percentageOnlyAnyCurrency_fixedOnlyItsCurrency() {
        LateFeePolicy pct = LateFeePolicy.percentage(new BigDecimal("1.5"));
        assertEquals(eur("15.01"), pct.feeFor(eur("1000.50")).orElseThrow());          // 15.0075 → 15.01
        assertEquals(PaymentFixture.usd("1.50"), pct.feeFor(PaymentFixture.usd("100.00")).orElseThrow());
        LateFeePolicy fixed = LateFeePolicy.fixed(eur("25.00"));
        assertEquals(eur("25.00"), fixed.feeFor(eur("1.00")).orElseThrow());
        assertTrue(fixed.feeFor(PaymentFixture.usd("100.00")).isEmpty());
        assertTrue(pct.feeFor(eur("0.00")).isEmpty());
    }
}
