package dev.billops.core.payment;

import dev.billops.core.Reminders;
import dev.billops.core.internal.payment.Ledger;
import static dev.billops.core.payment.PaymentFixture.EUR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.event.ReminderDue;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.money.Money;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import dev.billops.core.memory.StoreSnapshot;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaymentPropertiesTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    /** An invoice to create: amount in cents, issued {@code issueOffset} days after START, due {@code terms} later. */
    record InvoiceShape(long cents, int issueOffset, int terms) {
    }

    private static final Gen<InvoiceShape> INVOICE_SHAPES = Gen.zip(Gen.longs(1, 100_000), Gen.ints(0, 20), Gen.ints(0, 40), InvoiceShape::new);

    private static Invoice create(PaymentFixture f, ClientId client, InvoiceShape shape, int n) {
        LocalDate issued = START.plusDays(shape.issueOffset());
        return f.issue(client, "INV-" + n, Money.ofMinor(EUR, shape.cents()), issued, issued.plusDays(shape.terms()));
    }

    @Test
    void autoAllocate_anyInvoicesAnyAmount_paysOldestDueFirstNeverBeyondTotals() {
        Property.forAll(Gen.listOf(INVOICE_SHAPES, 0, 8), Gen.longs(1, 500_000)).verify((shapes, cents) -> {
            PaymentFixture f = new PaymentFixture(START.plusDays(30));
            ClientId client = f.client("c", EUR);
            List<Invoice> invoices = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
                invoices.add(create(f, client, shapes.get(i), i));
            }
            Money amount = Money.ofMinor(EUR, cents);

            Payment p = f.payments.record(PaymentRequest.of(client, amount).autoAllocated());

            invoices.sort(Ledger.OLDEST_DUE_FIRST);
            Money total = Money.zero(EUR);
            for (Invoice inv : invoices) {
                total = total.plus(inv.totals().payable());
            }
            assertEquals(amount.min(total), p.allocated());
            assertEquals(amount.minus(amount.min(total)), p.unallocated());
            // The paid invoices are a prefix in oldest-due order: all full except possibly the last one paid.
            boolean reachedUnpaid = false;
            for (Invoice before : invoices) {
                Invoice after = f.invoice(before.id());
                assertFalse(after.amountDue().isNegative());
                if (reachedUnpaid) {
                    assertEquals(InvoiceStatus.ISSUED, after.status(), "a younger invoice was paid first");
                } else if (after.status() != InvoiceStatus.PAID) {
                    reachedUnpaid = true;
                }
            }
            List<InvoiceId> order = p.allocations().stream().map(Allocation::invoiceId).toList();
            assertEquals(invoices.stream().map(Invoice::id).limit(order.size()).toList(), order);
        });
    }

    @Test
    void refund_anyAmount_reversesNewestAllocationsFirstAndReopensInvoices() {
        Gen<List<Long>> invoiceCents = Gen.listOf(Gen.longs(1, 20_000), 1, 6);
        Property.forAll(invoiceCents, Gen.longs(0, 30_000), Gen.longs(1, 200_000)).verify((cents, extra, refundCents) -> {
            PaymentFixture f = new PaymentFixture(START);
            ClientId client = f.client("c", EUR);
            long sum = 0;
            for (long c : cents) {
                sum += c;
            }
            // One payment: credit first, then applied invoice by invoice, so allocation i has sequence i + 1.
            Payment p = f.payments.record(PaymentRequest.of(client, Money.ofMinor(EUR, sum + extra)).asCredit());
            List<Invoice> invoices = new ArrayList<>();
            for (int i = 0; i < cents.size(); i++) {
                Invoice inv = f.issue(client, "INV-" + i, Money.ofMinor(EUR, cents.get(i)), START, START);
                f.payments.applyCredit(inv.id());
                invoices.add(inv);
            }
            Money refund = Money.ofMinor(EUR, Math.min(refundCents, sum + extra));

            Payment after = f.payments.refund(p.id(), refund);

            // Expected: the credit (extra) goes first, then allocations from the newest back.
            long toReverse = Math.max(0, refund.toMinor() - extra);
            Map<InvoiceId, Long> expectedPaid = new HashMap<>();
            for (int i = cents.size() - 1; i >= 0; i--) {
                long back = Math.min(toReverse, cents.get(i));
                toReverse -= back;
                expectedPaid.put(invoices.get(i).id(), cents.get(i) - back);
            }
            for (Invoice inv : invoices) {
                Invoice now = f.invoice(inv.id());
                long paid = expectedPaid.get(inv.id());
                assertEquals(Money.ofMinor(EUR, paid), now.paid());
                InvoiceStatus status = paid == inv.totals().payable().toMinor() ? InvoiceStatus.PAID
                        : paid > 0 ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.ISSUED;
                assertEquals(status, now.status());
            }
            assertEquals(refund, after.refunded());
            assertEquals(refund.toMinor() == sum + extra ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED,
                    after.status());
            List<Integer> sequences = after.allocations().stream().map(Allocation::sequence).toList();
            assertEquals(sequences.stream().sorted().toList(), sequences);
        });
    }

    @Test
    void aging_anyBalancesAnyDate_eachInvoiceInItsBucketAndBucketsSumToOutstanding() {
        Property.forAll(Gen.listOf(INVOICE_SHAPES, 0, 10), Gen.listOf(Gen.longs(0, 100_000), 0, 10), Gen.ints(0, 200))
                .verify((shapes, payments, asOfOffset) -> {
                    PaymentFixture f = new PaymentFixture(START.plusDays(60));
                    ClientId client = f.client("c", EUR);
                    List<Invoice> invoices = new ArrayList<>();
                    for (int i = 0; i < shapes.size(); i++) {
                        invoices.add(create(f, client, shapes.get(i), i));
                    }
                    for (int i = 0; i < payments.size() && !invoices.isEmpty(); i++) {
                        if (payments.get(i) > 0) {
                            f.payments.record(PaymentRequest.of(client, Money.ofMinor(EUR, payments.get(i)))
                                    .withReceivedOn(START).toInvoice(invoices.get(i % invoices.size()).id()));
                        }
                    }
                    LocalDate asOf = START.plusDays(asOfOffset);

                    AgingReport report = f.receivables.aging(asOf);

                    Map<AgingBucket, Money> expected = new EnumMap<>(AgingBucket.class);
                    Money outstanding = Money.zero(EUR);
                    for (Invoice inv : invoices) {
                        Invoice now = f.invoice(inv.id());
                        if (now.issueDate().isAfter(asOf) || !now.amountDue().isPositive()) {
                            continue;
                        }
                        long days = ChronoUnit.DAYS.between(now.dueDate(), asOf);
                        AgingBucket bucket = days <= 0 ? AgingBucket.CURRENT : days <= 30 ? AgingBucket.DAYS_1_30
                                : days <= 60 ? AgingBucket.DAYS_31_60 : days <= 90 ? AgingBucket.DAYS_61_90
                                : AgingBucket.OVER_90;
                        expected.merge(bucket, now.amountDue(), Money::plus);
                        outstanding = outstanding.plus(now.amountDue());
                    }
                    AgingBuckets total = report.total(EUR);
                    for (AgingBucket b : AgingBucket.values()) {
                        assertEquals(expected.getOrDefault(b, Money.zero(EUR)), total.amount(b), b.name());
                    }
                    assertEquals(outstanding, total.total());
                    Money overdue = Money.zero(EUR);
                    for (InvoiceBalance b : f.receivables.overdue(asOf)) {
                        overdue = overdue.plus(b.due());
                    }
                    assertEquals(outstanding.minus(total.amount(AgingBucket.CURRENT)), overdue);
                });
    }

    @Test
    void record_sameKeyRepeated_onePaymentAndNothingChangesAfterTheFirst() {
        Property.forAll(Gen.longs(1, 100_000), Gen.ints(2, 5), Gen.ints(0, 2)).verify((cents, repeats, mode) -> {
            PaymentFixture f = new PaymentFixture(START);
            ClientId client = f.client("c", EUR);
            Invoice inv = f.issue(client, "INV-1", Money.ofMinor(EUR, 50_00), START, START.plusDays(30));
            PaymentRequest request = PaymentRequest.of(client, Money.ofMinor(EUR, cents)).withIdempotencyKey("key");
            request = mode == 0 ? request : mode == 1 ? request.asCredit() : request.toInvoice(inv.id());
            Payment first = f.payments.record(request);
            StoreSnapshot afterFirst = f.snapshot();
            for (int i = 1; i < repeats; i++) {
                assertEquals(first, f.payments.record(request));
            }
            assertEquals(afterFirst, f.snapshot());
            assertEquals(1, f.snapshot().payments().size());
        });
    }

    /** A step of a random schedule; offsets unique after generation. */
    @Test
    void reminders_anyScheduleAnyRunDates_eachStepAtMostOnceAndOnlyWhenItHasCome() {
        Gen<List<Integer>> offsets = Gen.listOf(Gen.ints(-10, 40), 1, 5);
        Gen<List<Integer>> runDays = Gen.listOf(Gen.ints(0, 6), 1, 25);
        Property.forAll(offsets, runDays).verify((rawOffsets, gaps) -> {
            List<ReminderStep> steps = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            for (int o : rawOffsets) {
                if (seen.add(o)) {
                    steps.add(new ReminderStep("s" + (o < 0 ? "m" + -o : String.valueOf(o)), o));
                }
            }
            ReminderSchedule schedule = new ReminderSchedule(steps);
            PaymentFixture f = new PaymentFixture(START);
            ClientId client = f.client("c", EUR);
            LocalDate due = START.plusDays(14);
            Invoice inv = f.issue(client, "INV-1", Money.ofMinor(EUR, 100_00), START, due);
            Reminders service = f.reminders(new ReminderPolicy(schedule, null));
            LocalDate date = START;
            for (int gap : gaps) {
                date = date.plusDays(gap);
                ReminderRun run = service.run(date);
                Optional<ReminderStep> current = schedule.stepOn(due, date);
                for (ReminderDue r : run.reminders()) {
                    assertEquals(inv.id(), r.invoiceId());
                    assertEquals(current.map(ReminderStep::name).orElseThrow(), r.step());
                }
            }
            List<String> sent = f.events(ReminderDue.class).stream().map(ReminderDue::step).toList();
            assertEquals(new HashSet<>(sent).size(), sent.size(), "a step was sent twice: " + sent);
            List<String> inScheduleOrder = steps.stream().sorted(Comparator.comparingInt(ReminderStep::daysFromDue))
                    .map(ReminderStep::name).filter(sent::contains).toList();
            assertEquals(inScheduleOrder, sent);
            assertTrue(sent.isEmpty() || schedule.stepOn(due, date).isPresent());
        });
    }
}
