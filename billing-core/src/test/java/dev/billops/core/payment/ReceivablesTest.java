package dev.billops.core.payment;

import static dev.billops.core.payment.PaymentFixture.EUR;
import static dev.billops.core.payment.PaymentFixture.USD;
import static dev.billops.core.payment.PaymentFixture.eur;
import static dev.billops.core.payment.PaymentFixture.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.Invoice;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceivablesTest {

    private static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);

    private final PaymentFixture f = new PaymentFixture(JUNE_30);
    private final ClientId acme = f.client("acme", EUR);
    private final ClientId initech = f.client("initech", USD);

    @Test
    void aging_invoicesAcrossBuckets_bucketsHandCheckedAndSumToOutstanding() {
        LocalDate issued = LocalDate.of(2026, 1, 2);
        f.issue(acme, "INV-1", eur("100.00"), issued, LocalDate.of(2026, 7, 10));          // not due yet
        f.issue(acme, "INV-2", eur("50.00"), issued, JUNE_30);                             // due today: current
        f.issue(acme, "INV-3", eur("200.00"), issued, LocalDate.of(2026, 6, 15));         // 15 days
        f.issue(acme, "INV-4", eur("300.00"), issued, LocalDate.of(2026, 5, 1));          // 60 days
        Invoice inv5 = f.issue(acme, "INV-5", eur("400.00"), issued, LocalDate.of(2026, 4, 1)); // 90 days
        Invoice inv6 = f.issue(acme, "INV-6", eur("500.00"), issued, LocalDate.of(2026, 3, 1)); // 121 days
        f.issue(initech, "INV-7", usd("70.00"), issued, LocalDate.of(2026, 5, 31));       // 30 days
        f.payments.record(PaymentRequest.of(acme, eur("100.00")).toInvoice(inv6.id()));
        f.payments.record(PaymentRequest.of(acme, eur("400.00")).toInvoice(inv5.id()));     // paid: not listed

        AgingReport report = f.receivables.aging(JUNE_30);

        AgingBuckets eurTotal = report.total(EUR);
        assertEquals(Map.of(
                AgingBucket.CURRENT, eur("150.00"),
                AgingBucket.DAYS_1_30, eur("200.00"),
                AgingBucket.DAYS_31_60, eur("300.00"),
                AgingBucket.DAYS_61_90, eur("0.00"),
                AgingBucket.OVER_90, eur("400.00")), eurTotal.amounts());
        assertEquals(eur("1050.00"), eurTotal.total());
        assertEquals(usd("70.00"), report.total(USD).amount(AgingBucket.DAYS_1_30));
        assertEquals(2, report.clients().size());
        assertEquals(eurTotal, report.client(acme, EUR).orElseThrow().buckets());
        assertTrue(report.client(initech, EUR).isEmpty());

        List<InvoiceBalance> overdue = f.receivables.overdue(JUNE_30);
        assertEquals(List.of("INV-6", "INV-4", "INV-7", "INV-3"), overdue.stream().map(InvoiceBalance::number).toList());
        assertEquals(List.of(121L, 60L, 30L, 15L), overdue.stream().map(InvoiceBalance::daysPastDue).toList());
        assertEquals(eur("400.00"), overdue.get(0).due());
    }

    @Test
    void aging_atEarlierDate_ignoresLaterInvoicesAndPayments() {
        Invoice inv = f.issue(acme, "INV-1", eur("100.00"), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        f.issue(acme, "INV-2", eur("900.00"), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31));
        f.payments.record(PaymentRequest.of(acme, eur("60.00")).withReceivedOn(LocalDate.of(2026, 4, 15))
                .toInvoice(inv.id()));

        AgingReport april10 = f.receivables.aging(LocalDate.of(2026, 4, 10));
        assertEquals(eur("100.00"), april10.total(EUR).amount(AgingBucket.DAYS_1_30));
        assertEquals(eur("100.00"), april10.total(EUR).total());

        AgingReport april20 = f.receivables.aging(LocalDate.of(2026, 4, 20));
        assertEquals(eur("40.00"), april20.total(EUR).total());
    }

    @Test
    void clientBalance_creditAndOutstanding_perCurrencyAtDate() {
        f.issue(acme, "INV-1", eur("100.00"), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1));
        f.payments.record(PaymentRequest.of(acme, eur("30.00")).asCredit().withReceivedOn(LocalDate.of(2026, 6, 10)));
        f.payments.record(PaymentRequest.of(acme, usd("5.00")).withReceivedOn(LocalDate.of(2026, 6, 12)));

        assertEquals(List.of(new ClientBalance(acme, JUNE_30, eur("100.00"), eur("30.00")),
                        new ClientBalance(acme, JUNE_30, usd("0.00"), usd("5.00"))),
                f.receivables.clientBalance(acme, JUNE_30));
        assertEquals(List.of(new ClientBalance(acme, LocalDate.of(2026, 6, 5), eur("100.00"), eur("0.00"))),
                f.receivables.clientBalance(acme, LocalDate.of(2026, 6, 5)));
        assertEquals(eur("70.00"), f.receivables.clientBalance(acme, JUNE_30).get(0).net());
    }

    @Test
    void history_clientAndInvoice_everyStatusInDateOrderAndOnlyTheirOwn() {
        Invoice inv1 = f.issue(acme, "INV-1", eur("100.00"), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1));
        Invoice inv2 = f.issue(acme, "INV-2", eur("50.00"), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1));
        Payment late = f.payments.record(PaymentRequest.of(acme, eur("40.00")).withReceivedOn(LocalDate.of(2026, 6, 20))
                .withExternalRef("bank-2").toInvoice(inv1.id()));
        Payment early = f.payments.record(PaymentRequest.of(acme, eur("80.00")).withReceivedOn(LocalDate.of(2026, 6, 5))
                .withExternalRef("bank-1").toInvoice(inv1.id(), eur("30.00")));
        f.payments.allocate(early.id(), List.of(AllocationTarget.of(inv2.id(), eur("50.00"))));
        Payment failed = f.payments.recordFailed(PaymentRequest.of(acme, eur("100.00"))
                .withReceivedOn(LocalDate.of(2026, 6, 10)), inv1.id(), "card declined");
        f.payments.record(PaymentRequest.of(initech, usd("70.00")).withReceivedOn(LocalDate.of(2026, 6, 7)).asCredit());

        List<Payment> history = f.receivables.history(acme);
        assertEquals(List.of(early.id(), failed.id(), late.id()), history.stream().map(Payment::id).toList(),
                "every status, by value date; initech's payment is not acme's");
        assertEquals(PaymentStatus.FAILED, history.get(1).status());

        List<PaymentApplication> applied = f.receivables.history(inv1.id());
        assertEquals(List.of(early.id(), late.id()), applied.stream().map(PaymentApplication::paymentId).toList());
        assertEquals(List.of(eur("30.00"), eur("40.00")), applied.stream().map(PaymentApplication::amount).toList());
        assertEquals(List.of("bank-1", "bank-2"), applied.stream().map(PaymentApplication::externalRef).toList());
        assertEquals(eur("30.00"), f.receivables.balance(inv1.id(), JUNE_30).due(), "100 − 30 − 40");
        assertEquals(List.of(eur("50.00")), f.receivables.history(inv2.id()).stream()
                .map(PaymentApplication::amount).toList());
    }

    @Test
    void agingBucket_of_boundaries() {
        assertEquals(AgingBucket.CURRENT, AgingBucket.of(-5));
        assertEquals(AgingBucket.CURRENT, AgingBucket.of(0));
        assertEquals(AgingBucket.DAYS_1_30, AgingBucket.of(1));
        assertEquals(AgingBucket.DAYS_1_30, AgingBucket.of(30));
        assertEquals(AgingBucket.DAYS_31_60, AgingBucket.of(31));
        assertEquals(AgingBucket.DAYS_61_90, AgingBucket.of(90));
        assertEquals(AgingBucket.OVER_90, AgingBucket.of(91));
        assertEquals(AgingBucket.OVER_90, AgingBucket.of(100_000));
    }

    @Test
    void balance_creditNoteIssuedLater_countsOnlyFromItsIssueDate() {
        Invoice inv = f.issue(acme, "INV-1", eur("100.00"), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1));
        LocalDate creditedOn = LocalDate.of(2026, 6, 20);
        Invoice note = Transitions.issuedAs(Invoice.draft(dev.billops.core.id.InvoiceId.generate(), acme, EUR,
                        dev.billops.core.invoice.InvoiceSource.CREDIT)
                .withLines(inv.lines())
                .asCreditNoteOf(inv.id()), "CN-1", creditedOn, creditedOn);
        f.scope.tx(s -> {
            dev.billops.core.spi.InvoiceStore store = s.get(dev.billops.core.spi.InvoiceStore.class);
            store.insert(note);
            Invoice current = store.find(inv.id()).orElseThrow();
            return store.update(Transitions.withSettlement(current, current.paid(), eur("100.00")));
        });

        assertEquals(eur("100.00"), f.receivables.balance(inv.id(), LocalDate.of(2026, 6, 19)).due());
        assertEquals(eur("0.00"), f.receivables.balance(inv.id(), creditedOn).due());
        assertEquals(eur("100.00"), f.receivables.aging(LocalDate.of(2026, 6, 19)).total(EUR).total());
        assertEquals(eur("0.00"), f.receivables.aging(JUNE_30).total(EUR).total());
        assertTrue(f.receivables.overdue(LocalDate.of(2026, 12, 31)).isEmpty());
    }
}
