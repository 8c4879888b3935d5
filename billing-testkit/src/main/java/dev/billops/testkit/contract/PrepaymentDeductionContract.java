package dev.billops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.TenantBilling;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.CreditExceedsBalanceException;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.PrepaidOutOfRangeException;
import dev.billops.core.invoice.PrepaymentDeduction;
import dev.billops.core.invoice.PrepaymentNotDeductibleException;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Client;
import dev.billops.core.payment.ClientBalance;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A final invoice that deducts prepayment invoices (type 386, {@code Invoices#deductPrepayments})
 * through the public API on the store under test: it counts what was paid on them as paid at issue
 * (BT-113) while they stay paid, so the client owes exactly the rest; a prepayment invoice is
 * deducted by one issued invoice at most, also when two drafts chose it; voiding the final invoice
 * releases it; what cannot be deducted is refused before anything is stored.
 */
public abstract class PrepaymentDeductionContract extends GermanSellerContract {

    private static final ClientId OTHER = ClientId.of("andere");

    private TenantBilling german(TenantId id) {
        return german(id, Client.of(OTHER, "Andere AG", ADDRESS, EUR).withTerms(14));
    }

    private TenantBilling german() {
        return german(tenant);
    }

    /** An issued prepayment invoice of {@code client} at {@code net} + 19 %, paid in full if asked. */
    private static Invoice prepayment(TenantBilling t, ClientId client, String net, boolean pay) {
        Invoice draft = draft(t, client, net);
        t.invoices().documentType(draft.id(), DocumentType.PREPAYMENT);
        Invoice issued = t.invoices().issue(draft.id());
        if (pay) {
            Money payable = issued.totals().payable();
            t.payments().record(PaymentRequest.of(client, payable).toInvoice(issued.id(), payable));
        }
        return t.invoices().get(issued.id());
    }

    @Test
    void deduct_paidPrepayment_finalOwesTheRestAndPrepaymentStaysPaid() {
        TenantBilling t = german();
        Invoice advance = prepayment(t, CLIENT, "100.00", true);
        Invoice draft = draft(t, CLIENT, "300.00");

        Invoice chosen = t.invoices().deductPrepayments(draft.id(), List.of(advance.id()));
        assertEquals(List.of(new PrepaymentDeduction(advance.id(), advance.number(), TODAY, eur("119.00"))),
                chosen.prepayments());
        Invoice issued = t.invoices().issue(draft.id());

        assertEquals(InvoiceStatus.ISSUED, issued.status());
        assertEquals(eur("357.00"), issued.totals().payable());
        assertEquals(eur("119.00"), issued.prepaid());
        assertEquals(eur("119.00"), issued.deducted());
        assertEquals(eur("238.00"), issued.receivable());
        assertEquals(eur("238.00"), issued.amountDue());
        assertEquals(issued.amountDue(), issued.totals().taxInclusive().minus(issued.prepaid())
                .plus(issued.totals().roundingAmount())); // BR-CO-16
        assertEquals(issued, t.invoices().get(issued.id()));
        assertEquals(InvoiceStatus.PAID, t.invoices().get(advance.id()).status());
        assertEquals(new ClientBalance(CLIENT, TODAY, eur("238.00"), eur("0.00")), balance(t));
        assertEquals(eur("238.00"), t.receivables().balance(issued.id(), TODAY).due());
        assertEquals(eur("238.00"), t.receivables().aging(CLIENT, TODAY).total(EUR).total());

        t.payments().record(PaymentRequest.of(CLIENT, eur("238.00")).toInvoice(issued.id(), eur("238.00")));
        assertEquals(InvoiceStatus.PAID, t.invoices().get(issued.id()).status());
        assertEquals(new ClientBalance(CLIENT, TODAY, eur("0.00"), eur("0.00")), balance(t));
    }

    @Test
    void creditFully_finalInvoiceWithDeduction_creditsWhatIsDueAndTheDeductionStays() {
        TenantBilling t = german();
        Invoice advance = prepayment(t, CLIENT, "100.00", true);
        Invoice draft = draft(t, CLIENT, "300.00");
        t.invoices().deductPrepayments(draft.id(), List.of(advance.id()));
        Invoice issued = t.invoices().issue(draft.id());

        Invoice note = t.invoices().creditFully(issued.id());

        assertEquals(eur("238.00"), note.totals().payable().abs());
        Invoice after = t.invoices().get(issued.id());
        assertEquals(eur("0.00"), after.amountDue());
        assertEquals(InvoiceStatus.PAID, after.status());
        assertEquals(InvoiceStatus.PAID, t.invoices().get(advance.id()).status());
        assertEquals(new ClientBalance(CLIENT, TODAY, eur("0.00"), eur("0.00")), balance(t));
        assertFailsStoringNothing(CreditExceedsBalanceException.class,
                () -> t.invoices().creditAmount(issued.id(), eur("0.01"), "goodwill"));
    }

    @Test
    void creditLines_allLinesOfAFinalInvoiceWithDeduction_exceedTheBalanceAndAreRefused() {
        TenantBilling t = german();
        Invoice advance = prepayment(t, CLIENT, "100.00", true);
        Invoice draft = draft(t, CLIENT, "300.00");
        t.invoices().deductPrepayments(draft.id(), List.of(advance.id()));
        Invoice issued = t.invoices().issue(draft.id());

        assertFailsStoringNothing(CreditExceedsBalanceException.class,
                () -> t.invoices().creditLines(issued.id(), List.of(1)));
    }

    @Test
    void creditFully_negativePrepaid_creditsTheLinesAndTheCarriedAmountStaysDue() {
        TenantBilling t = german();
        Invoice draft = draft(t, CLIENT, "100.00");
        t.invoices().prepaid(draft.id(), eur("-20.00"));
        Invoice issued = t.invoices().issue(draft.id());

        Invoice note = t.invoices().creditFully(issued.id());

        // the lines and their VAT are reversed; the 20.00 owed beyond them is no supply to credit
        assertEquals(eur("119.00"), note.totals().payable().abs());
        assertEquals(eur("19.00"), note.totals().taxTotal().abs());
        assertEquals(eur("20.00"), t.invoices().get(issued.id()).amountDue());
        assertEquals(new ClientBalance(CLIENT, TODAY, eur("20.00"), eur("0.00")), balance(t));
    }

    @Test
    void deduct_prepaymentsCoverAll_paidAtIssueNeverOverdue() {
        TenantBilling t = german();
        Invoice first = prepayment(t, CLIENT, "100.00", true);
        Invoice second = prepayment(t, CLIENT, "200.00", true);
        Invoice draft = draft(t, CLIENT, "300.00");
        t.invoices().deductPrepayments(draft.id(), List.of(first.id(), second.id()));

        Invoice issued = t.invoices().issue(draft.id());

        assertEquals(InvoiceStatus.PAID, issued.status());
        assertEquals(eur("357.00"), issued.prepaid());
        assertEquals(eur("0.00"), issued.amountDue());
        assertFalse(issued.isOverdueOn(issued.dueDate().plusDays(30)));
        assertEquals(new ClientBalance(CLIENT, TODAY, eur("0.00"), eur("0.00")), balance(t));

        // nothing was paid on it: it can still be voided, which releases the prepayment invoices
        Invoice voided = t.invoices().voidInvoice(issued.id());
        assertEquals(InvoiceStatus.VOID, voided.status());
        assertTrue(tx(s -> s.get(InvoiceStore.class).deductingInvoice(first.id())).isEmpty());
        Invoice again = draft(t, CLIENT, "300.00");
        assertEquals(2, t.invoices().deductPrepayments(again.id(), List.of(first.id(), second.id()))
                .prepayments().size());
    }

    @Test
    void deduct_emptyList_withdrawsTheDeductions() {
        TenantBilling t = german();
        Invoice advance = prepayment(t, CLIENT, "100.00", true);
        Invoice draft = draft(t, CLIENT, "300.00");
        t.invoices().deductPrepayments(draft.id(), List.of(advance.id()));
        t.invoices().deductPrepayments(draft.id(), List.of());

        Invoice issued = t.invoices().issue(draft.id());

        assertTrue(issued.prepayments().isEmpty());
        assertEquals(eur("0.00"), issued.prepaid());
        assertEquals(eur("357.00"), issued.amountDue());
        Invoice again = draft(t, CLIENT, "300.00");
        assertEquals(1, t.invoices().deductPrepayments(again.id(), List.of(advance.id())).prepayments().size());
    }

    @Test
    void deduct_unpaidPrepayment_throwsNamingItAndStoresNothing() {
        TenantBilling t = german();
        Invoice advance = prepayment(t, CLIENT, "100.00", false);
        Invoice draft = draft(t, CLIENT, "300.00");

        PrepaymentNotDeductibleException e = assertFailsStoringNothing(PrepaymentNotDeductibleException.class,
                () -> t.invoices().deductPrepayments(draft.id(), List.of(advance.id())));

        assertEquals(advance.id(), e.prepaymentId());
        assertEquals(draft.id(), e.invoiceId());
        assertTrue(e.getMessage().contains(advance.number()) && e.getMessage().contains("ISSUED"), e.getMessage());
    }

    @Test
    void deduct_ordinaryInvoice_throwsAndStoresNothing() {
        TenantBilling t = german();
        Invoice ordinary = t.invoices().issue(draft(t, CLIENT, "100.00").id());
        t.payments().record(PaymentRequest.of(CLIENT, eur("119.00")).toInvoice(ordinary.id(), eur("119.00")));
        Invoice draft = draft(t, CLIENT, "300.00");

        PrepaymentNotDeductibleException e = assertFailsStoringNothing(PrepaymentNotDeductibleException.class,
                () -> t.invoices().deductPrepayments(draft.id(), List.of(ordinary.id())));

        assertTrue(e.getMessage().contains("INVOICE") && e.getMessage().contains(ordinary.number()), e.getMessage());
    }

    @Test
    void deduct_otherClientsPrepayment_throwsAndStoresNothing() {
        TenantBilling t = german();
        Invoice theirs = prepayment(t, OTHER, "100.00", true);
        Invoice draft = draft(t, CLIENT, "300.00");

        PrepaymentNotDeductibleException e = assertFailsStoringNothing(PrepaymentNotDeductibleException.class,
                () -> t.invoices().deductPrepayments(draft.id(), List.of(theirs.id())));

        assertTrue(e.getMessage().contains("andere"), e.getMessage());
    }

    @Test
    void deduct_namedTwice_throwsAndStoresNothing() {
        TenantBilling t = german();
        Invoice advance = prepayment(t, CLIENT, "100.00", true);
        Invoice draft = draft(t, CLIENT, "300.00");

        assertFailsStoringNothing(PrepaymentNotDeductibleException.class,
                () -> t.invoices().deductPrepayments(draft.id(), List.of(advance.id(), advance.id())));
    }

    @Test
    void deduct_fromPrepaymentDraft_throwsAndStoresNothing() {
        TenantBilling t = german();
        Invoice advance = prepayment(t, CLIENT, "100.00", true);
        Invoice draft = draft(t, CLIENT, "300.00");
        t.invoices().documentType(draft.id(), DocumentType.PREPAYMENT);

        assertFailsStoringNothing(PrepaymentNotDeductibleException.class,
                () -> t.invoices().deductPrepayments(draft.id(), List.of(advance.id())));
    }

    @Test
    void deduct_moreThanPayable_throwsNamingTheSumAndStoresNothing() {
        TenantBilling t = german();
        Invoice advance = prepayment(t, CLIENT, "500.00", true);
        Invoice draft = draft(t, CLIENT, "300.00");

        PrepaidOutOfRangeException e = assertFailsStoringNothing(PrepaidOutOfRangeException.class,
                () -> t.invoices().deductPrepayments(draft.id(), List.of(advance.id())));

        assertEquals(eur("595.00"), e.prepaid());
        assertTrue(e.getMessage().contains("595.00") && e.getMessage().contains("357.00"), e.getMessage());
    }

    @Test
    void deduct_linesShrankBelowTheDeductionsBeforeIssue_issueThrowsAndStoresNothing() {
        TenantBilling t = german();
        Invoice advance = prepayment(t, CLIENT, "200.00", true);
        Invoice draft = draft(t, CLIENT, "300.00");
        t.invoices().deductPrepayments(draft.id(), List.of(advance.id()));
        t.invoices().removeLine(draft.id(), 1);
        t.invoices().addLine(draft.id(), InvoiceLine.of("Beratung", BigDecimal.ONE, UnitCode.HOUR,
                UnitPrice.of(EUR, "100.00"), TaxTreatment.standard(new BigDecimal("19"))));

        assertFailsStoringNothing(PrepaidOutOfRangeException.class, () -> t.invoices().issue(draft.id()));
        assertEquals(InvoiceStatus.DRAFT, t.invoices().get(draft.id()).status());
    }

    @Test
    void deduct_twoDraftsChoseTheSamePrepayment_onlyTheFirstIssuedDeductsIt() {
        TenantBilling t = german();
        Invoice advance = prepayment(t, CLIENT, "100.00", true);
        Invoice a = draft(t, CLIENT, "300.00");
        Invoice b = draft(t, CLIENT, "400.00");
        t.invoices().deductPrepayments(a.id(), List.of(advance.id()));
        t.invoices().deductPrepayments(b.id(), List.of(advance.id()));

        Invoice issued = t.invoices().issue(a.id());
        PrepaymentNotDeductibleException e = assertFailsStoringNothing(PrepaymentNotDeductibleException.class,
                () -> t.invoices().issue(b.id()));

        assertTrue(e.getMessage().contains(issued.id().value()), e.getMessage());
        assertEquals(InvoiceStatus.DRAFT, t.invoices().get(b.id()).status());
        assertFailsStoringNothing(PrepaymentNotDeductibleException.class,
                () -> t.invoices().deductPrepayments(b.id(), List.of(advance.id())));

        // voiding the final invoice releases the prepayment invoice
        t.invoices().voidInvoice(issued.id());
        Invoice second = t.invoices().issue(b.id());
        assertEquals(eur("119.00"), second.deducted());
        assertEquals(eur("357.00"), second.amountDue());
    }

    @Test
    void store_secondIssuedInvoiceDeductingTheSamePrepayment_refusedByTheStore() {
        TenantBilling t = german();
        Invoice advance = prepayment(t, CLIENT, "100.00", true);
        Invoice a = draft(t, CLIENT, "300.00");
        t.invoices().deductPrepayments(a.id(), List.of(advance.id()));
        Invoice issued = t.invoices().issue(a.id());
        assertEquals(issued.id(), tx(s -> s.get(InvoiceStore.class).deductingInvoice(advance.id())).orElseThrow());

        // a host bypassing the facade: another issued invoice naming the same prepayment invoice
        Invoice copy = copyOf(issued, InvoiceId.generate(), issued.number() + "-B");
        DuplicateKeyException e = assertThrows(DuplicateKeyException.class, () -> tx(s -> {
            s.get(InvoiceStore.class).insert(copy);
            return null;
        }));
        assertTrue(e.getMessage().contains(advance.id().value()), e.getMessage());
        assertTrue(tx(s -> s.get(InvoiceStore.class).find(copy.id())).isEmpty());
        DuplicateKeyException all = assertThrows(DuplicateKeyException.class, () -> tx(s -> {
            s.get(InvoiceStore.class).insertAll(List.of(copy));
            return null;
        }));
        assertTrue(all.getMessage().contains(advance.id().value()), all.getMessage());
        assertTrue(tx(s -> s.get(InvoiceStore.class).find(copy.id())).isEmpty());
        assertEquals(issued.id(), tx(s -> s.get(InvoiceStore.class).deductingInvoice(advance.id())).orElseThrow());
    }

    @Test
    @Timeout(120)
    void issue_racingDraftsDeductingTheSamePrepayment_exactlyOneIssues() throws Exception {
        TenantBilling t = german();
        Invoice advance = prepayment(t, CLIENT, "100.00", true);
        int n = 4;
        List<InvoiceId> drafts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Invoice d = draft(t, CLIENT, "300.00");
            t.invoices().deductPrepayments(d.id(), List.of(advance.id()));
            drafts.add(d.id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Object> outcomes = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Invoice>> futures = new ArrayList<>();
            for (InvoiceId id : drafts) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return t.invoices().issue(id);
                }));
            }
            go.countDown();
            for (Future<Invoice> f : futures) {
                try {
                    outcomes.add(f.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<Invoice> issued = outcomes.stream().filter(Invoice.class::isInstance).map(Invoice.class::cast).toList();
        assertEquals(1, issued.size(), outcomes.toString());
        assertTrue(outcomes.stream().filter(o -> !(o instanceof Invoice))
                .allMatch(o -> o instanceof PrepaymentNotDeductibleException || o instanceof DuplicateKeyException),
                outcomes.toString());
        assertEquals(issued.get(0).id(), tx(s -> s.get(InvoiceStore.class).deductingInvoice(advance.id()))
                .orElseThrow());
        for (InvoiceId id : drafts) {
            if (!id.equals(issued.get(0).id())) {
                assertEquals(InvoiceStatus.DRAFT, t.invoices().get(id).status());
            }
        }
        // the losers gave their numbers back: the next invoice takes the number after the winner's
        Invoice next = t.invoices().issue(draft(t, CLIENT, "1.00").id());
        assertEquals(sequence(issued.get(0).number()) + 1, sequence(next.number()), next.number());
    }

    private static long sequence(String number) {
        return Long.parseLong(number.replaceAll("^.*\\D", ""));
    }

    /** {@code inv} under another id and number, everything else the same (version 0). */
    private static Invoice copyOf(Invoice inv, InvoiceId id, String number) {
        return new Invoice(id, inv.type(), inv.series(), number, inv.clientId(), inv.currency(), inv.status(),
                inv.issueDate(), inv.dueDate(), inv.servicePeriod(), inv.lines(), inv.adjustments(), inv.priceBasis(),
                inv.taxRounding(), inv.cashIncrement(), inv.taxBreakdown(), inv.lineNets(), inv.totals(), inv.paid(),
                inv.credited(), inv.notes(), inv.metadata(), inv.source(), inv.engagementId(),
                inv.packagePeriodStart(), inv.creditedInvoiceId(), inv.references(), inv.terms(), inv.prepaid(),
                inv.prepayments(), inv.deducted(), 0);
    }

    /**
     * For random amounts of one to three paid prepayment invoices and of the final invoice (never
     * less than their sum), an earlier credit and a part paid later: the final invoice's BT-113 is
     * their sum (plus the credit applied at issue), its amount due is BR-CO-16's, and the client's
     * balance (outstanding − credit) equals everything billed minus everything paid, to the cent.
     */
    @Test
    void deduct_anyAmounts_brCo16AndClientBalanceExact() {
        Gen<BigDecimal> nets = Gen.bigDecimals(new BigDecimal("0.01"), new BigDecimal("3000.00"), 2);
        Gen<Integer> counts = Gen.ints(1, 3);
        Gen<BigDecimal> credits = Gen.frequency(Gen.weighted(1, Gen.constant(BigDecimal.ZERO)),
                Gen.weighted(1, Gen.bigDecimals(new BigDecimal("0.01"), new BigDecimal("2000.00"), 2)));
        Property.forAll(nets, counts, credits).named("deduct_anyAmounts").tries(15).verify((net, count, credit) -> {
            TenantBilling t = german(TenantId.generate());
            Money zero = Money.zero(EUR);
            List<InvoiceId> advances = new ArrayList<>();
            Money deducted = zero;
            BigDecimal sumNet = BigDecimal.ZERO;
            for (int i = 0; i < count; i++) {
                BigDecimal part = net.multiply(BigDecimal.valueOf(i + 1)).divide(BigDecimal.TEN)
                        .setScale(2, java.math.RoundingMode.DOWN).max(new BigDecimal("0.01"));
                Invoice advance = prepayment(t, CLIENT, part.toPlainString(), true);
                advances.add(advance.id());
                deducted = deducted.plus(advance.totals().payable());
                sumNet = sumNet.add(part);
            }
            Money earlier = Money.of(EUR, credit);
            if (earlier.isPositive()) {
                t.payments().record(PaymentRequest.of(CLIENT, earlier).asCredit());
            }
            Invoice draft = draft(t, CLIENT, net.add(sumNet).toPlainString());
            t.invoices().deductPrepayments(draft.id(), advances);

            Invoice issued = t.invoices().issue(draft.id());

            Money payable = issued.totals().payable();
            Money applied = earlier.min(payable.minus(deducted));
            assertEquals(deducted, issued.deducted());
            assertEquals(deducted.plus(applied), issued.prepaid());
            Money brCo16Due = issued.totals().taxInclusive().minus(issued.prepaid())
                    .plus(issued.totals().roundingAmount());
            assertEquals(brCo16Due, issued.amountDue());
            assertEquals(brCo16Due.isZero(), issued.status() == InvoiceStatus.PAID);
            ClientBalance b = balance(t);
            // billed: the prepayment invoices and the final invoice; paid: the prepayment invoices and
            // the credit; the final invoice counts the prepayment invoices as paid once
            assertEquals(payable.minus(deducted).minus(earlier), b.outstanding().minus(b.credit()));
            assertEquals(brCo16Due, b.outstanding());
            assertEquals(b.outstanding(), t.receivables().aging(CLIENT, TODAY).total(EUR).total());
            for (InvoiceId id : advances) {
                assertEquals(InvoiceStatus.PAID, t.invoices().get(id).status());
            }
        });
    }
}
