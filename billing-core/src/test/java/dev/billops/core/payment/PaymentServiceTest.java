package dev.billops.core.payment;

import static dev.billops.core.payment.PaymentFixture.EUR;
import static dev.billops.core.payment.PaymentFixture.USD;
import static dev.billops.core.payment.PaymentFixture.eur;
import static dev.billops.core.payment.PaymentFixture.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.NotFoundException;
import dev.billops.core.event.PaymentFailed;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.memory.StoreSnapshot;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PaymentServiceTest {

    private static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);
    private static final LocalDate FEB_4 = LocalDate.of(2026, 2, 4);

    private final PaymentFixture f = new PaymentFixture(LocalDate.of(2026, 1, 20));
    private final ClientId acme = f.client("acme-gmbh", EUR);
    private final ClientId globex = f.client("globex", EUR);

    private <T extends Throwable> T rejectedAndNothingStored(Class<T> type, Executable operation) {
        StoreSnapshot before = f.snapshot();
        T thrown = assertThrows(type, operation);
        assertEquals(before, f.snapshot(), "a rejected operation must store nothing");
        return thrown;
    }

    @Test
    void record_sameIdempotencyKeyAndData_returnsFirstPaymentAndChangesNothing() {
        Invoice inv = f.issue(acme, "INV-1", eur("1000.00"), JAN_5, FEB_4);
        PaymentRequest request = PaymentRequest.of(acme, eur("400.00")).withIdempotencyKey("bank-7731")
                .withExternalRef("STMT-1").toInvoice(inv.id());
        Payment first = f.payments.record(request);
        StoreSnapshot before = f.snapshot();

        Payment again = f.payments.record(request);

        assertEquals(first, again);
        assertEquals(before, f.snapshot());
        assertEquals(eur("400.00"), f.invoice(inv.id()).paid());
    }

    @Test
    void record_sameIdempotencyKeyDifferentAmount_throwsKeyReusedAndStoresNothing() {
        Payment first = f.payments.record(PaymentRequest.of(acme, eur("400.00")).withIdempotencyKey("bank-7731"));

        IdempotencyKeyReusedException e = rejectedAndNothingStored(IdempotencyKeyReusedException.class,
                () -> f.payments.record(PaymentRequest.of(acme, eur("400.01")).withIdempotencyKey("bank-7731")));

        assertEquals("bank-7731", e.key());
        assertEquals(first.id(), e.existingPaymentId());
        assertTrue(e.getMessage().contains("400.01"), e.getMessage());
    }

    @Test
    void record_sameIdempotencyKeyOtherClientOrDate_throwsKeyReused() {
        f.payments.record(PaymentRequest.of(acme, eur("400.00")).withIdempotencyKey("k1")
                .withReceivedOn(LocalDate.of(2026, 1, 10)));
        rejectedAndNothingStored(IdempotencyKeyReusedException.class,
                () -> f.payments.record(PaymentRequest.of(globex, eur("400.00")).withIdempotencyKey("k1")));
        rejectedAndNothingStored(IdempotencyKeyReusedException.class,
                () -> f.payments.record(PaymentRequest.of(acme, eur("400.00")).withIdempotencyKey("k1")
                        .withReceivedOn(LocalDate.of(2026, 1, 11))));
    }

    @Test
    void record_paymentInOtherCurrencyToInvoice_throwsCurrencyMismatchAndStoresNothing() {
        Invoice inv = f.issue(acme, "INV-1", eur("1000.00"), JAN_5, FEB_4);

        PaymentCurrencyMismatchException e = rejectedAndNothingStored(PaymentCurrencyMismatchException.class,
                () -> f.payments.record(PaymentRequest.of(acme, usd("100.00")).toInvoice(inv.id())));

        assertEquals("EUR", e.invoiceCurrency());
        assertEquals("USD", e.paymentCurrency());
        assertEquals(inv.id(), e.invoiceId());
        assertTrue(e.getMessage().contains("INV-1"), e.getMessage());
    }

    @Test
    void record_autoInOtherCurrency_skipsInvoicesAndKeepsCredit() {
        Invoice inv = f.issue(acme, "INV-1", eur("1000.00"), JAN_5, FEB_4);

        Payment p = f.payments.record(PaymentRequest.of(acme, usd("100.00")));

        assertTrue(p.allocations().isEmpty());
        assertEquals(usd("100.00"), f.payments.creditBalance(acme, USD));
        assertEquals(eur("0.00"), f.payments.creditBalance(acme, EUR));
        assertEquals(InvoiceStatus.ISSUED, f.invoice(inv.id()).status());
        PaymentCurrencyMismatchException e = rejectedAndNothingStored(PaymentCurrencyMismatchException.class,
                () -> f.payments.allocate(p.id(), List.of(AllocationTarget.upToDue(inv.id()))));
        assertEquals("USD", e.paymentCurrency());
    }

    @Test
    void record_auto_paysOldestDueFirstThenOldestIssue() {
        Invoice laterDue = f.issue(acme, "INV-A", eur("100.00"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1));
        Invoice sameDueNewer = f.issue(acme, "INV-B", eur("100.00"), LocalDate.of(2026, 1, 16),
                LocalDate.of(2026, 2, 15));
        Invoice sameDueOlder = f.issue(acme, "INV-C", eur("100.00"), LocalDate.of(2026, 1, 10),
                LocalDate.of(2026, 2, 15));

        Payment p = f.payments.record(PaymentRequest.of(acme, eur("150.00")));

        assertEquals(List.of(sameDueOlder.id(), sameDueNewer.id()),
                p.allocations().stream().map(Allocation::invoiceId).toList());
        assertEquals(List.of(eur("100.00"), eur("50.00")), p.allocations().stream().map(Allocation::amount).toList());
        assertEquals(InvoiceStatus.PAID, f.invoice(sameDueOlder.id()).status());
        assertEquals(InvoiceStatus.PARTIALLY_PAID, f.invoice(sameDueNewer.id()).status());
        assertEquals(InvoiceStatus.ISSUED, f.invoice(laterDue.id()).status());
    }

    @Test
    void record_exactAmountAboveBalance_throwsExceedsBalanceAndStoresNothing() {
        Invoice inv = f.issue(acme, "INV-1", eur("100.00"), JAN_5, FEB_4);

        AllocationExceedsBalanceException e = rejectedAndNothingStored(AllocationExceedsBalanceException.class,
                () -> f.payments.record(PaymentRequest.of(acme, eur("200.00")).toInvoice(inv.id(), eur("100.01"))));

        assertEquals(eur("100.01"), e.requested());
        assertEquals(eur("100.00"), e.amountDue());
    }

    @Test
    void record_toDraftVoidCreditNoteOrOtherClientsInvoice_throwsNotPayableAndStoresNothing() {
        Invoice draft = f.draft(acme, eur("100.00"));
        Invoice voided = f.issue(acme, "INV-V", eur("100.00"), JAN_5, FEB_4);
        f.scope.tx(s -> s.get(InvoiceStore.class).update(Transitions.withStatus(voided, InvoiceStatus.VOID)));
        Invoice theirs = f.issue(globex, "INV-G", eur("100.00"), JAN_5, FEB_4);

        for (Invoice target : List.of(draft, voided, theirs)) {
            InvoiceNotPayableException e = rejectedAndNothingStored(InvoiceNotPayableException.class,
                    () -> f.payments.record(PaymentRequest.of(acme, eur("10.00")).toInvoice(target.id())));
            assertEquals(target.id(), e.invoiceId());
        }
    }

    @Test
    void record_unknownClientOrInvoice_throwsNotFoundAndStoresNothing() {
        rejectedAndNothingStored(NotFoundException.class,
                () -> f.payments.record(PaymentRequest.of(ClientId.of("nobody"), eur("10.00"))));
        rejectedAndNothingStored(NotFoundException.class,
                () -> f.payments.record(PaymentRequest.of(acme, eur("10.00"))
                        .toInvoice(dev.billops.core.id.InvoiceId.of("missing"))));
        rejectedAndNothingStored(NotFoundException.class,
                () -> f.payments.refund(PaymentId.of("missing"), eur("1.00")));
    }

    @Test
    void record_secondTargetFails_firstTargetNotStoredEither() {
        Invoice ok = f.issue(acme, "INV-1", eur("100.00"), JAN_5, FEB_4);
        Invoice small = f.issue(acme, "INV-2", eur("10.00"), JAN_5, FEB_4);

        rejectedAndNothingStored(AllocationExceedsBalanceException.class,
                () -> f.payments.record(PaymentRequest.of(acme, eur("200.00")).toInvoice(ok.id())
                        .toInvoice(small.id(), eur("20.00"))));
        assertEquals(eur("0.00"), f.invoice(ok.id()).paid());
    }

    @Test
    void allocate_moreThanUnallocated_throwsInsufficientCreditAndStoresNothing() {
        Payment p = f.payments.record(PaymentRequest.of(acme, eur("50.00")).asCredit());
        Invoice inv = f.issue(acme, "INV-1", eur("100.00"), JAN_5, FEB_4);

        InsufficientCreditException e = rejectedAndNothingStored(InsufficientCreditException.class,
                () -> f.payments.allocate(p.id(), List.of(AllocationTarget.of(inv.id(), eur("60.00")))));
        assertEquals(eur("50.00"), e.available());

        Payment allocated = f.payments.allocate(p.id(), List.of(AllocationTarget.of(inv.id(), eur("30.00"))));
        assertEquals(eur("20.00"), allocated.unallocated());
        assertEquals(f.clock.today(), allocated.allocations().get(0).date());
        assertEquals(eur("70.00"), f.invoice(inv.id()).amountDue());
    }

    @Test
    void applyCredit_exactAmountAboveCreditOrBalance_isRejected() {
        f.payments.record(PaymentRequest.of(acme, eur("50.00")).asCredit());
        Invoice inv = f.issue(acme, "INV-1", eur("40.00"), JAN_5, FEB_4);

        rejectedAndNothingStored(AllocationExceedsBalanceException.class,
                () -> f.payments.applyCredit(inv.id(), eur("45.00")));
        Invoice big = f.issue(acme, "INV-2", eur("400.00"), JAN_5, FEB_4);
        rejectedAndNothingStored(InsufficientCreditException.class,
                () -> f.payments.applyCredit(big.id(), eur("60.00")));

        assertEquals(eur("15.00"), f.payments.applyCredit(big.id(), eur("15.00")).paid());
        assertEquals(eur("35.00"), f.payments.creditBalance(acme, EUR));
    }

    @Test
    void applyCredit_client_usesCreditOldestPaymentFirstOnOldestInvoices() {
        Payment older = f.payments.record(PaymentRequest.of(acme, eur("30.00")).asCredit()
                .withReceivedOn(LocalDate.of(2026, 1, 2)));
        Payment newer = f.payments.record(PaymentRequest.of(acme, eur("30.00")).asCredit()
                .withReceivedOn(LocalDate.of(2026, 1, 3)));
        Invoice first = f.issue(acme, "INV-1", eur("40.00"), JAN_5, FEB_4);
        Invoice second = f.issue(acme, "INV-2", eur("40.00"), JAN_5, LocalDate.of(2026, 2, 5));

        List<Invoice> changed = f.payments.applyCredit(acme);

        assertEquals(List.of(first.id(), second.id()), changed.stream().map(Invoice::id).toList());
        assertEquals(eur("40.00"), f.invoice(first.id()).paid());
        assertEquals(eur("20.00"), f.invoice(second.id()).paid());
        assertEquals(eur("0.00"), f.payment(older.id()).unallocated());
        assertEquals(eur("0.00"), f.payment(newer.id()).unallocated());
        assertEquals(List.of(first.id()), f.payment(older.id()).allocations().stream()
                .map(Allocation::invoiceId).toList());
    }

    @Test
    void recordFailed_storesFailedPaymentWithoutCreditAndPublishesEvent() {
        Invoice inv = f.issue(acme, "INV-1", eur("100.00"), JAN_5, FEB_4);

        Payment failed = f.payments.recordFailed(PaymentRequest.of(acme, eur("100.00")).withMethod("card"), inv.id(),
                "card declined");

        assertEquals(PaymentStatus.FAILED, failed.status());
        assertTrue(failed.allocations().isEmpty());
        assertEquals(eur("0.00"), f.payments.creditBalance(acme, EUR));
        assertEquals(InvoiceStatus.ISSUED, f.invoice(inv.id()).status());
        List<PaymentFailed> events = f.events(PaymentFailed.class);
        assertEquals(1, events.size());
        assertEquals("card declined", events.get(0).reason());
        RefundExceedsPaymentException e = rejectedAndNothingStored(RefundExceedsPaymentException.class,
                () -> f.payments.refund(failed.id(), eur("1.00")));
        assertTrue(e.getMessage().contains("FAILED"), e.getMessage());
    }

    @Test
    void refund_otherCurrencyOrNonPositive_isRejected() {
        Payment p = f.payments.record(PaymentRequest.of(acme, eur("50.00")).asCredit());
        rejectedAndNothingStored(CurrencyMismatchException.class, () -> f.payments.refund(p.id(), usd("1.00")));
        rejectedAndNothingStored(RefundExceedsPaymentException.class, () -> f.payments.refund(p.id(), eur("0.00")));
    }

    @Test
    void paymentRequest_invalidValues_throwSpecificExceptions() {
        assertThrows(dev.billops.core.error.InvalidInputException.class,
                () -> PaymentRequest.of(acme, eur("0.00")));
        assertThrows(dev.billops.core.error.InvalidInputException.class,
                () -> PaymentRequest.of(acme, eur("1.00")).withIdempotencyKey(" "));
        assertThrows(InsufficientCreditException.class, () -> PaymentRequest.of(acme, eur("10.00"))
                .toInvoice(dev.billops.core.id.InvoiceId.of("a"), eur("6.00"))
                .toInvoice(dev.billops.core.id.InvoiceId.of("b"), eur("6.00")));
        assertThrows(PaymentCurrencyMismatchException.class, () -> PaymentRequest.of(acme, eur("10.00"))
                .toInvoice(dev.billops.core.id.InvoiceId.of("a"), usd("6.00")));
    }
}
