package dev.billops.core.invoice;

import static dev.billops.core.invoice.LifecycleFixture.VAT19;
import static dev.billops.core.invoice.LifecycleFixture.eur;
import static dev.billops.core.invoice.LifecycleFixture.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import dev.billops.core.memory.StoreSnapshot;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.Money;
import dev.billops.core.tax.PayableRounding;
import dev.billops.core.tax.RoundingAmountOutOfBoundsException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A rounding amount (BT-114) the host sets on a draft, not produced by a cash increment: the
 * totals obey BR-CO-16, the issued invoice keeps it, a payment of the rounded amount settles it,
 * and an amount of one currency unit or more, or in another currency, is refused with nothing stored.
 */
class PayableRoundingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private final LifecycleFixture f = new LifecycleFixture(TODAY);
    private final ClientId acme = f.client("acme", 30, null);

    @Test
    void payableRounding_explicitAmount_payableIsInclusivePlusRoundingAndIssuedAsSuch() {
        // 1 x 1000.34 at 19 %: tax 190.0646 -> 190.06; inclusive 1190.40; rounding -0.40: payable 1190.00
        Invoice d = f.draft(acme, line("1", "1000.34", VAT19));
        Invoice rounded = f.lifecycle.payableRounding(d.id(), PayableRounding.amount(eur("-0.40")));
        assertEquals(eur("1190.40"), rounded.totals().taxInclusive());
        assertEquals(eur("-0.40"), rounded.totals().roundingAmount());
        assertEquals(eur("1190.00"), rounded.totals().payable());
        Invoice issued = f.lifecycle.issue(d.id());
        assertEquals(PayableRounding.amount(eur("-0.40")), f.stored(issued).cashIncrement());
        assertEquals(eur("1190.00"), f.stored(issued).totals().payable());
        Invoice paid = f.pay(issued, eur("1190.00"));
        assertEquals(InvoiceStatus.PAID, paid.status());
        assertTrue(paid.amountDue().isZero());
    }

    @Test
    void credit_invoiceWithExplicitRounding_creditNotesTakeExactlyThePayable() {
        Invoice d = f.draft(acme, line("1", "1000.34", VAT19), line("2", "10.00", VAT19));
        f.lifecycle.payableRounding(d.id(), PayableRounding.amount(eur("0.30")));
        // 1000.34 + 20.00 = 1020.34, tax 193.8646 -> 193.86, inclusive 1214.20, rounding +0.30: 1214.50
        Invoice issued = f.lifecycle.issue(d.id());
        assertEquals(eur("1214.50"), issued.totals().payable());
        Invoice full = f.lifecycle.creditFully(issued.id());
        assertEquals(eur("1214.50"), full.totals().payable());

        Invoice d2 = f.draft(acme, line("1", "1000.34", VAT19), line("2", "10.00", VAT19));
        f.lifecycle.payableRounding(d2.id(), PayableRounding.amount(eur("0.30")));
        Invoice second = f.lifecycle.issue(d2.id());
        Invoice first = f.lifecycle.creditLines(second.id(), java.util.List.of(1));
        Invoice last = f.lifecycle.creditLines(second.id(), java.util.List.of(2));
        assertEquals(eur("1214.50"), first.totals().payable().plus(last.totals().payable()));
        assertTrue(f.stored(second).amountDue().isZero());
    }

    @Test
    void payableRounding_positiveAmountThenNone_recalculates() {
        Invoice d = f.draft(acme, line("1", "1000.34", VAT19));
        assertEquals(eur("1191.00"), f.lifecycle.payableRounding(d.id(), PayableRounding.amount(eur("0.60")))
                .totals().payable());
        Invoice cleared = f.lifecycle.payableRounding(d.id(), null);
        assertEquals(eur("0.00"), cleared.totals().roundingAmount());
        assertEquals(eur("1190.40"), cleared.totals().payable());
    }

    @Test
    void amount_oneUnitOrMore_refusedNamingIt() {
        for (String bad : new String[] {"1.00", "-1.00", "12.50"}) {
            RoundingAmountOutOfBoundsException e = assertThrows(RoundingAmountOutOfBoundsException.class,
                    () -> PayableRounding.amount(eur(bad)));
            assertTrue(e.getMessage().contains(bad), e.getMessage());
            assertEquals(eur(bad), e.amount());
        }
        assertEquals(eur("-0.99"), ((PayableRounding.Amount) PayableRounding.amount(eur("-0.99"))).amount());
    }

    @Test
    void payableRounding_otherCurrency_refusedAndNothingStored() {
        Invoice d = f.draft(acme, line("1", "1000.34", VAT19));
        StoreSnapshot before = f.snapshot();
        Money chf = Money.of(Currencies.of("CHF"), "0.05");
        assertThrows(CurrencyMismatchException.class,
                () -> f.lifecycle.payableRounding(d.id(), PayableRounding.amount(chf)));
        assertEquals(before, f.snapshot());
    }

    @Test
    void payableRounding_cashIncrement_asWithPricing() {
        // 1190.40 to 0.05 stays 1190.40; 1 x 1000.35: tax 190.0665 -> 190.07, inclusive 1190.42 -> 1190.40
        Invoice d = f.draft(acme, line("1", "1000.35", VAT19));
        Invoice rounded = f.lifecycle.payableRounding(d.id(), PayableRounding.cashIncrement(new BigDecimal("0.05")));
        assertEquals(eur("-0.02"), rounded.totals().roundingAmount());
        assertEquals(eur("1190.40"), rounded.totals().payable());
    }
}
