package dev.billops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Payments;
import dev.billops.core.TenantBilling;
import dev.billops.core.audit.AuditRecord;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.CreditExceedsBalanceException;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceAlreadyIssuedException;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.PrepaidOutOfRangeException;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.payment.AllocationExceedsBalanceException;
import dev.billops.core.payment.ClientBalance;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.spi.AuditLog;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An amount the host declares as paid for a draft outside BillOps (BT-113, {@code Invoices#prepaid})
 * through the public API on the store under test: it joins the credit applied at issue in
 * {@code prepaid()}, is recorded as a payment of the client, settles the invoice at issue when it
 * covers the payable amount (never overdue, refuses further payments and credit notes) and leaves
 * what exceeds it as the client's credit, so that the client's balance stays exact. Amounts out of
 * range are refused before anything is stored. See {@link StoreContract} for how to run it.
 */
public abstract class PrepaidContract extends GermanSellerContract {

    private TenantBilling german() {
        return german(tenant);
    }

    /** A draft of the client: one line at {@code net} + 19 % VAT. */
    private static Invoice draft(TenantBilling t, String net) {
        return draft(t, CLIENT, net);
    }

    @Test
    void prepaid_partOfPayable_issuedPartiallyPaidWithPrepaidFixed() {
        TenantBilling t = german();
        Invoice draft = draft(t, "100.00");

        Invoice declared = t.invoices().prepaid(draft.id(), eur("50.00"));
        assertEquals(eur("50.00"), declared.prepaid());
        assertEquals(eur("50.00"), t.invoices().get(draft.id()).prepaid());
        Invoice issued = t.invoices().issue(draft.id());

        assertEquals(InvoiceStatus.PARTIALLY_PAID, issued.status());
        assertEquals(eur("119.00"), issued.totals().payable());
        assertEquals(eur("50.00"), issued.prepaid());
        assertEquals(eur("50.00"), issued.paid());
        assertEquals(eur("69.00"), issued.amountDue());
        assertEquals(issued, t.invoices().get(draft.id()));
        List<Payment> history = t.receivables().history(CLIENT);
        assertEquals(1, history.size());
        assertEquals(Payments.DECLARED_PREPAID_METHOD, history.get(0).method());
        assertEquals(issued.number(), history.get(0).externalRef());
        assertEquals(TODAY, history.get(0).receivedOn());
        assertEquals(new ClientBalance(CLIENT, TODAY, eur("69.00"), eur("0.00")), balance(t));
    }

    @Test
    void prepaid_fixedAtIssue_isAuditedWithTheStoredInvoice() {
        TenantBilling t = german();
        t.payments().record(PaymentRequest.of(CLIENT, eur("20.00")).asCredit());
        Invoice draft = draft(t, "100.00");
        t.invoices().prepaid(draft.id(), eur("50.00"));

        Invoice issued = t.invoices().issue(draft.id());
        assertEquals(eur("70.00"), issued.prepaid()); // the declared 50.00 became 70.00 with the credit

        List<AuditRecord> history = tx(s -> s.get(AuditLog.class).history("invoice", issued.id().value()));
        List<String> actions = history.stream().map(AuditRecord::action).toList();
        assertEquals("invoice.prepaid-fixed", actions.get(actions.size() - 1), actions.toString());
        assertTrue(actions.indexOf("invoice.issue") < actions.lastIndexOf("invoice.prepaid-fixed"), actions.toString());
    }

    @Test
    void prepaid_abovePayable_settledAtIssueAndSurplusIsCredit() {
        TenantBilling t = german();
        Invoice draft = draft(t, "100.00");
        t.invoices().prepaid(draft.id(), eur("150.00"));

        Invoice issued = t.invoices().issue(draft.id());

        assertEquals(InvoiceStatus.PAID, issued.status());
        assertEquals(eur("150.00"), issued.prepaid());
        assertEquals(eur("119.00"), issued.paid());
        assertEquals(eur("0.00"), issued.amountDue());
        // BR-CO-16: amount due = 119.00 - 150.00 + 0 = -31.00, which is the client's credit
        assertEquals(eur("-31.00"), issued.totals().taxInclusive().minus(issued.prepaid())
                .plus(issued.totals().roundingAmount()));
        assertEquals(new ClientBalance(CLIENT, TODAY, eur("0.00"), eur("31.00")), balance(t));
        assertEquals(eur("31.00"), t.payments().creditBalance(CLIENT, EUR));
        LocalDate afterDue = issued.dueDate().plusDays(30);
        assertTrue(t.receivables().overdue(CLIENT, afterDue).isEmpty());
        assertFalse(issued.isOverdueOn(afterDue));
        assertTrue(t.receivables().openBalances(CLIENT, TODAY).isEmpty());
        assertEquals(eur("0.00"), t.receivables().aging(CLIENT, afterDue).total(EUR).total());

        assertFailsStoringNothing(AllocationExceedsBalanceException.class, () -> t.payments().record(
                PaymentRequest.of(CLIENT, eur("10.00")).toInvoice(issued.id(), eur("10.00"))));
        assertFailsStoringNothing(CreditExceedsBalanceException.class, () -> t.invoices().creditFully(issued.id()));
        assertFailsStoringNothing(CreditExceedsBalanceException.class,
                () -> t.invoices().creditAmount(issued.id(), eur("0.01"), "goodwill"));
    }

    @Test
    void prepaid_equalToPayable_paidAtIssueWithNothingLeft() {
        TenantBilling t = german();
        Invoice draft = draft(t, "100.00");
        t.invoices().prepaid(draft.id(), eur("119.00"));

        Invoice issued = t.invoices().issue(draft.id());

        assertEquals(InvoiceStatus.PAID, issued.status());
        assertEquals(eur("119.00"), issued.prepaid());
        assertEquals(new ClientBalance(CLIENT, TODAY, eur("0.00"), eur("0.00")), balance(t));
    }

    @Test
    void prepaid_withCreditAppliedOnIssue_prepaidIsBoth() {
        TenantBilling t = german();
        t.payments().record(PaymentRequest.of(CLIENT, eur("20.00")).asCredit());
        Invoice draft = draft(t, "100.00");
        t.invoices().prepaid(draft.id(), eur("50.00"));

        Invoice issued = t.invoices().issue(draft.id());

        assertEquals(eur("70.00"), issued.prepaid());
        assertEquals(eur("70.00"), issued.paid());
        assertEquals(eur("49.00"), issued.amountDue());
        assertEquals(new ClientBalance(CLIENT, TODAY, eur("49.00"), eur("0.00")), balance(t));
    }

    @Test
    void prepaid_partOfPayable_creditNoteTakesOnlyWhatIsDue() {
        TenantBilling t = german();
        Invoice draft = draft(t, "100.00");
        t.invoices().prepaid(draft.id(), eur("50.00"));
        Invoice issued = t.invoices().issue(draft.id());

        assertFailsStoringNothing(CreditExceedsBalanceException.class,
                () -> t.invoices().creditAmount(issued.id(), eur("69.01"), "goodwill"));
        Invoice note = t.invoices().creditFully(issued.id());

        assertEquals(eur("69.00"), note.totals().payable().abs());
        assertEquals(InvoiceStatus.PAID, t.invoices().get(issued.id()).status());
        assertEquals(eur("50.00"), t.invoices().get(issued.id()).prepaid());
        assertEquals(new ClientBalance(CLIENT, TODAY, eur("0.00"), eur("0.00")), balance(t));
    }

    @Test
    void prepaid_zero_withdrawsTheDeclaration() {
        TenantBilling t = german();
        Invoice draft = draft(t, "100.00");
        t.invoices().prepaid(draft.id(), eur("50.00"));
        t.invoices().prepaid(draft.id(), eur("0.00"));

        Invoice issued = t.invoices().issue(draft.id());

        assertEquals(InvoiceStatus.ISSUED, issued.status());
        assertEquals(eur("0.00"), issued.prepaid());
        assertTrue(t.receivables().history(CLIENT).isEmpty());
    }

    @Test
    void prepaid_negative_clientOwesMoreThanPayableAndNoPaymentIsRecorded() {
        TenantBilling t = german();
        Invoice draft = draft(t, "100.00");
        t.invoices().prepaid(draft.id(), eur("-20.00"));

        Invoice issued = t.invoices().issue(draft.id());

        assertEquals(InvoiceStatus.ISSUED, issued.status());
        assertEquals(eur("119.00"), issued.totals().payable());
        assertEquals(eur("-20.00"), issued.prepaid());
        assertEquals(eur("-20.00"), issued.deducted());
        assertEquals(eur("139.00"), issued.receivable());
        assertEquals(eur("139.00"), issued.amountDue());
        // BR-CO-16: amount due = 119.00 - (-20.00) + 0 = 139.00
        assertEquals(issued.amountDue(), issued.totals().taxInclusive().minus(issued.prepaid())
                .plus(issued.totals().roundingAmount()));
        assertEquals(issued, t.invoices().get(draft.id()));
        assertTrue(t.receivables().history(CLIENT).isEmpty());
        assertEquals(new ClientBalance(CLIENT, TODAY, eur("139.00"), eur("0.00")), balance(t));
        assertEquals(eur("139.00"), t.receivables().aging(CLIENT, TODAY).total(EUR).total());
        assertEquals(eur("139.00"), t.receivables().balance(issued.id(), TODAY).due());

        assertFailsStoringNothing(AllocationExceedsBalanceException.class, () -> t.payments().record(
                PaymentRequest.of(CLIENT, eur("139.01")).toInvoice(issued.id(), eur("139.01"))));
        t.payments().record(PaymentRequest.of(CLIENT, eur("139.00")).toInvoice(issued.id(), eur("139.00")));
        Invoice paid = t.invoices().get(issued.id());
        assertEquals(InvoiceStatus.PAID, paid.status());
        assertEquals(eur("-20.00"), paid.prepaid());
        assertEquals(new ClientBalance(CLIENT, TODAY, eur("0.00"), eur("0.00")), balance(t));
    }

    @Test
    void prepaid_negativeWithCreditAppliedOnIssue_creditCountsInPrepaid() {
        TenantBilling t = german();
        t.payments().record(PaymentRequest.of(CLIENT, eur("20.00")).asCredit());
        Invoice draft = draft(t, "100.00");
        t.invoices().prepaid(draft.id(), eur("-10.00"));

        Invoice issued = t.invoices().issue(draft.id());

        assertEquals(eur("10.00"), issued.prepaid()); // 20.00 credit applied - 10.00 declared
        assertEquals(eur("20.00"), issued.paid());
        assertEquals(eur("109.00"), issued.amountDue());
        assertEquals(new ClientBalance(CLIENT, TODAY, eur("109.00"), eur("0.00")), balance(t));
    }

    @Test
    void prepaid_negativeBeyondTenTimesInclusive_throwsNamingItAndStoresNothing() {
        TenantBilling t = german();
        Invoice draft = draft(t, "100.00");
        t.invoices().prepaid(draft.id(), eur("-1190.00")); // the limit itself is accepted

        PrepaidOutOfRangeException e = assertFailsStoringNothing(PrepaidOutOfRangeException.class,
                () -> t.invoices().prepaid(draft.id(), eur("-1190.01")));

        assertEquals(draft.id(), e.invoiceId());
        assertEquals(eur("-1190.01"), e.prepaid());
        assertTrue(e.getMessage().contains("-1190.01") && e.getMessage().contains("119.00"), e.getMessage());
    }

    @Test
    void prepaid_aboveTenTimesInclusive_throwsNamingItAndStoresNothing() {
        TenantBilling t = german();
        Invoice draft = draft(t, "100.00");
        t.invoices().prepaid(draft.id(), eur("1190.00")); // the limit itself is accepted

        PrepaidOutOfRangeException e = assertFailsStoringNothing(PrepaidOutOfRangeException.class,
                () -> t.invoices().prepaid(draft.id(), eur("1190.01")));

        assertEquals(eur("1190.01"), e.prepaid());
        assertTrue(e.getMessage().contains("1190.01") && e.getMessage().contains("119.00"), e.getMessage());
    }

    @Test
    void prepaid_otherCurrency_throwsAndStoresNothing() {
        TenantBilling t = german();
        Invoice draft = draft(t, "100.00");

        CurrencyMismatchException e = assertFailsStoringNothing(CurrencyMismatchException.class,
                () -> t.invoices().prepaid(draft.id(), Money.of(Currencies.of("USD"), "10.00")));

        assertTrue(e.getMessage().contains("USD"), e.getMessage());
    }

    @Test
    void prepaid_onIssuedInvoice_throwsAndStoresNothing() {
        TenantBilling t = german();
        Invoice issued = t.invoices().issue(draft(t, "100.00").id());

        assertFailsStoringNothing(InvoiceAlreadyIssuedException.class,
                () -> t.invoices().prepaid(issued.id(), eur("10.00")));
    }

    @Test
    void issue_linesShrankBelowTheDeclaredLimit_throwsAndStoresNothing() {
        TenantBilling t = german();
        Invoice draft = draft(t, "100.00");
        t.invoices().prepaid(draft.id(), eur("1000.00"));
        t.invoices().removeLine(draft.id(), 1);
        t.invoices().addLine(draft.id(), InvoiceLine.of("Beratung", BigDecimal.ONE, UnitCode.HOUR,
                UnitPrice.of(EUR, "10.00"), TaxTreatment.standard(new BigDecimal("19"))));

        PrepaidOutOfRangeException e = assertFailsStoringNothing(PrepaidOutOfRangeException.class,
                () -> t.invoices().issue(draft.id()));

        assertTrue(e.getMessage().contains("1000.00") && e.getMessage().contains("119.00"), e.getMessage());
        assertEquals(InvoiceStatus.DRAFT, t.invoices().get(draft.id()).status());
    }

    /**
     * For a random net price, an earlier credit and a declared amount from minus the limit to the
     * limit (often above the payable amount, often negative): BT-113 is the declared amount plus the credit applied at issue,
     * the invoice owes max(payable − BT-113, 0) (BR-CO-16 with the negative rest as credit), it is
     * PAID exactly when nothing is owed, and the client's balance (outstanding − credit) equals
     * the invoice's payable amount minus every payment, to the cent.
     */
    @Test
    void prepaid_anyDeclaredAmount_brCo16AndClientBalanceExact() {
        Gen<BigDecimal> nets = Gen.bigDecimals(new BigDecimal("0.01"), new BigDecimal("5000.00"), 2);
        Gen<BigDecimal> credits = Gen.frequency(Gen.weighted(1, Gen.constant(BigDecimal.ZERO)),
                Gen.weighted(1, Gen.bigDecimals(new BigDecimal("0.01"), new BigDecimal("3000.00"), 2)));
        // the declared amount as a share of the limit (10 x tax-inclusive) either way, in thousandths
        Gen<Integer> shares = Gen.frequency(Gen.weighted(1, Gen.constant(0)), Gen.weighted(1, Gen.constant(100)),
                Gen.weighted(1, Gen.constant(1000)), Gen.weighted(1, Gen.constant(-1000)),
                Gen.weighted(6, Gen.ints(0, 1000)), Gen.weighted(3, Gen.ints(-1000, 0)));
        Property.forAll(nets, credits, shares).named("prepaid_anyDeclaredAmount").tries(25).verify((net, credit, share) -> {
            TenantBilling t = german(TenantId.generate());
            Money earlier = Money.of(EUR, credit);
            if (earlier.isPositive()) {
                t.payments().record(PaymentRequest.of(CLIENT, earlier).asCredit());
            }
            Invoice draft = draft(t, net.toPlainString());
            Money limit = draft.totals().taxInclusive().times(Invoice.PREPAID_LIMIT_FACTOR);
            Money declared = limit.times(BigDecimal.valueOf(share, 3), RoundingMode.DOWN);
            t.invoices().prepaid(draft.id(), declared);

            Invoice issued = t.invoices().issue(draft.id());

            Money zero = Money.zero(EUR);
            Money payable = issued.totals().payable();
            Money applied = earlier.min(payable.minus(declared).max(zero));
            assertEquals(declared.min(zero), issued.deducted());
            assertEquals(declared.plus(applied), issued.prepaid());
            Money brCo16Due = issued.totals().taxInclusive().minus(issued.prepaid())
                    .plus(issued.totals().roundingAmount());
            assertEquals(brCo16Due.max(zero), issued.amountDue());
            assertEquals(!brCo16Due.isPositive(), issued.status() == InvoiceStatus.PAID);
            ClientBalance b = balance(t);
            assertEquals(payable.minus(declared).minus(earlier), b.outstanding().minus(b.credit()));
            assertEquals(brCo16Due.max(zero), b.outstanding());
            assertEquals(b.outstanding(), t.receivables().aging(CLIENT, TODAY).total(EUR).total());
        });
    }
}
