package dev.billops.core.payment;

import static dev.billops.core.payment.PaymentFixture.EUR;
import static dev.billops.core.payment.PaymentFixture.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.event.InvoicePaid;
import dev.billops.core.event.PaymentReceived;
import dev.billops.core.event.PaymentRefunded;
import dev.billops.core.id.ClientId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.memory.StoreSnapshot;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Hand-checked examples of four payment stories: partial payment, overpayment, refund after
 * the credit was used, and (in {@link ReminderServiceTest}) a late fee. Every amount below was
 * worked out on paper from the invoice totals (net × 1.19).
 */
class PaymentExamplesTest {

    private static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);
    private static final LocalDate FEB_4 = LocalDate.of(2026, 2, 4);

    private final PaymentFixture f = new PaymentFixture(LocalDate.of(2026, 1, 20));
    private final ClientId acme = f.client("acme-gmbh", EUR);

    @Test
    void record_partialThenRest_partiallyPaidThenPaidOnce() {
        // 1,000.00 net + 19 % VAT = 1,190.00
        Invoice inv = f.issueWithVat(acme, "INV-2026-0001", eur("1000.00"), JAN_5, FEB_4);
        assertEquals(eur("1190.00"), inv.totals().payable());

        Payment first = f.payments.record(PaymentRequest.of(acme, eur("500.00"))
                .withReceivedOn(LocalDate.of(2026, 1, 20)).toInvoice(inv.id()));
        Invoice afterFirst = f.invoice(inv.id());
        assertEquals(eur("500.00"), afterFirst.paid());
        assertEquals(eur("690.00"), afterFirst.amountDue());
        assertEquals(InvoiceStatus.PARTIALLY_PAID, afterFirst.status());
        assertEquals(List.of(new Allocation(inv.id(), eur("500.00"), LocalDate.of(2026, 1, 20), 1)),
                first.allocations());
        assertEquals(eur("0.00"), first.unallocated());
        assertTrue(f.events(InvoicePaid.class).isEmpty());

        f.payments.record(PaymentRequest.of(acme, eur("690.00")).withReceivedOn(LocalDate.of(2026, 2, 1))
                .toInvoice(inv.id()));
        Invoice paid = f.invoice(inv.id());
        assertEquals(eur("1190.00"), paid.paid());
        assertEquals(eur("0.00"), paid.amountDue());
        assertEquals(InvoiceStatus.PAID, paid.status());
        assertEquals(1, f.events(InvoicePaid.class).size());
        assertEquals(2, f.events(PaymentReceived.class).size());

        List<PaymentApplication> history = f.receivables.history(inv.id());
        assertEquals(List.of(eur("500.00"), eur("690.00")), history.stream().map(PaymentApplication::amount).toList());
        // Between the two payments the balance was 690.00; after the second, nothing.
        assertEquals(eur("690.00"), f.receivables.balance(inv.id(), LocalDate.of(2026, 1, 25)).due());
        assertEquals(eur("0.00"), f.receivables.balance(inv.id(), LocalDate.of(2026, 2, 2)).due());
        assertEquals(eur("1190.00"), f.receivables.balance(inv.id(), JAN_5).due());
    }

    @Test
    void record_overpayment_restBecomesCreditUsedOnLaterInvoices() {
        Invoice inv1 = f.issueWithVat(acme, "INV-1", eur("1000.00"), JAN_5, FEB_4);      // 1,190.00
        Payment p = f.payments.record(PaymentRequest.of(acme, eur("1500.00")).toInvoice(inv1.id()));
        assertEquals(InvoiceStatus.PAID, f.invoice(inv1.id()).status());
        assertEquals(eur("310.00"), p.unallocated());
        assertEquals(eur("310.00"), f.payments.creditBalance(acme, EUR));

        Invoice inv2 = f.issueWithVat(acme, "INV-2", eur("200.00"), JAN_5, FEB_4);       // 238.00
        Invoice inv3 = f.issueWithVat(acme, "INV-3", eur("100.00"), JAN_5, FEB_4);       // 119.00

        Invoice paid2 = f.payments.applyCredit(inv2.id());
        assertEquals(InvoiceStatus.PAID, paid2.status());
        assertEquals(eur("72.00"), f.payments.creditBalance(acme, EUR));                 // 310 − 238

        Invoice part3 = f.payments.applyCredit(inv3.id());
        assertEquals(InvoiceStatus.PARTIALLY_PAID, part3.status());
        assertEquals(eur("72.00"), part3.paid());
        assertEquals(eur("47.00"), part3.amountDue());                                    // 119 − 72
        assertEquals(eur("0.00"), f.payments.creditBalance(acme, EUR));

        Payment after = f.payment(p.id());
        assertEquals(List.of(eur("1190.00"), eur("238.00"), eur("72.00")),
                after.allocations().stream().map(Allocation::amount).toList());
        assertEquals(List.of(1, 2, 3), after.allocations().stream().map(Allocation::sequence).toList());
        assertEquals(List.of(new ClientBalance(acme, f.clock.today(), eur("47.00"), eur("0.00"))),
                f.receivables.clientBalance(acme, f.clock.today()));
    }

    @Test
    void refund_afterCreditWasUsed_reversesNewestAllocationFirst() {
        Invoice a = f.issueWithVat(acme, "INV-A", eur("500.00"), JAN_5, FEB_4);         // 595.00
        Payment p = f.payments.record(PaymentRequest.of(acme, eur("1000.00")).toInvoice(a.id()));
        assertEquals(eur("405.00"), p.unallocated());                                     // 1000 − 595
        Invoice b = f.issueWithVat(acme, "INV-B", eur("400.00"), JAN_5, FEB_4);          // 476.00
        assertEquals(eur("405.00"), f.payments.applyCredit(b.id()).paid());               // B due 71.00

        Payment refunded = f.payments.refund(p.id(), eur("700.00"));

        // Nothing unallocated, so 700 comes from allocations, newest first: all 405 of B, then 295 of A.
        Invoice bAfter = f.invoice(b.id());
        assertEquals(eur("0.00"), bAfter.paid());
        assertEquals(InvoiceStatus.ISSUED, bAfter.status());
        assertEquals(eur("476.00"), bAfter.amountDue());
        Invoice aAfter = f.invoice(a.id());
        assertEquals(eur("300.00"), aAfter.paid());                                       // 595 − 295
        assertEquals(eur("295.00"), aAfter.amountDue());
        assertEquals(InvoiceStatus.PARTIALLY_PAID, aAfter.status());
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, refunded.status());
        assertEquals(eur("700.00"), refunded.refunded());
        assertEquals(List.of(new Allocation(a.id(), eur("300.00"), f.clock.today(), 1)), refunded.allocations());
        assertEquals(eur("0.00"), f.payments.creditBalance(acme, EUR));                  // 1000 − 700 = 300 allocated
        assertEquals(List.of(eur("700.00")), f.events(PaymentRefunded.class).stream()
                .map(PaymentRefunded::amount).toList());

        StoreSnapshot before = f.snapshot();
        RefundExceedsPaymentException tooMuch = assertThrows(RefundExceedsPaymentException.class,
                () -> f.payments.refund(p.id(), eur("300.01")));
        assertEquals(eur("300.00"), tooMuch.refundable());
        assertEquals(before, f.snapshot());

        Payment full = f.payments.refund(p.id(), eur("300.00"));
        assertEquals(PaymentStatus.REFUNDED, full.status());
        assertTrue(full.allocations().isEmpty());
        assertEquals(InvoiceStatus.ISSUED, f.invoice(a.id()).status());
        assertEquals(eur("595.00"), f.invoice(a.id()).amountDue());
    }

    @Test
    void refund_withUnallocatedRest_takesTheCreditFirst() {
        Invoice a = f.issueWithVat(acme, "INV-A", eur("500.00"), JAN_5, FEB_4);         // 595.00
        Payment p = f.payments.record(PaymentRequest.of(acme, eur("1000.00")).toInvoice(a.id()));

        Payment refunded = f.payments.refund(p.id(), eur("100.00"));

        assertEquals(eur("305.00"), refunded.unallocated());                             // 405 − 100
        assertEquals(InvoiceStatus.PAID, f.invoice(a.id()).status());
        assertEquals(eur("595.00"), refunded.allocated());
    }
}
