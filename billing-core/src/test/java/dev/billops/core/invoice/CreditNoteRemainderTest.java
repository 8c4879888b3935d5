package dev.billops.core.invoice;

import static dev.billops.core.invoice.CreditFixture.VAT19;
import static dev.billops.core.invoice.CreditFixture.VAT7;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billops.core.money.Money;
import dev.billops.core.tax.PriceBasis;
import dev.billops.core.tax.TaxPolicy;
import dev.billops.core.tax.TaxRoundingPolicy;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The credit note that credits the last open lines of an invoice takes exactly what is left of
 * it, and document-level amount adjustments are spread over the lines they apply to. Through the
 * public facade only.
 */
class CreditNoteRemainderTest {

    private static Money creditEachLine(CreditFixture f, Invoice inv) {
        Money credited = Money.zero(f.currency);
        for (InvoiceLine line : inv.lines()) {
            credited = credited.plus(f.acme.invoices().creditLines(inv.id(), List.of(line.position()))
                    .totals().payable());
        }
        return credited;
    }

    @Test
    @DisplayName("BR-CO-16: crediting two lines of 10.02 at 19 % one by one leaves nothing due (was 0.01)")
    void creditLines_eachLineOfTwoRoundingUp_lastCreditTakesTheRest() {
        CreditFixture f = new CreditFixture(TaxPolicy.defaults());
        Invoice inv = f.acme.invoices().issue(f.draft(VAT19, "1", "10.02", "1", "10.02").id());
        assertEquals(f.money("23.85"), inv.totals().payable());

        Invoice first = f.acme.invoices().creditLines(inv.id(), List.of(1));
        Invoice last = f.acme.invoices().creditLines(inv.id(), List.of(2));

        assertEquals(f.money("11.92"), first.totals().payable());
        assertEquals(f.money("11.93"), last.totals().payable());
        // the notes reverse the invoice's VAT exactly: 3.81 = 1.90 + 1.91 (BR-S-09 accepts 1.91 on 10.02)
        assertEquals(f.money("1.90"), first.totals().taxTotal());
        assertEquals(f.money("1.91"), last.totals().taxTotal());
        assertEquals(f.money("1.91"), last.taxBreakdown().get(0).taxAmount());
        assertEquals(f.money("0.00"), last.totals().roundingAmount());
        Invoice after = f.stored(inv);
        assertEquals(f.money("0.00"), after.amountDue());
        assertEquals(InvoiceStatus.PAID, after.status());
    }

    @Test
    @DisplayName("BR-CO-16: the second line of two of 10.03 at 19 % can be credited (was refused: 11.94 exceeds 11.93)")
    void creditLines_eachLineOfTwoRoundingDown_lastCreditAccepted() {
        CreditFixture f = new CreditFixture(TaxPolicy.defaults());
        Invoice inv = f.acme.invoices().issue(f.draft(VAT19, "1", "10.03", "1", "10.03").id());
        assertEquals(f.money("23.87"), inv.totals().payable());

        assertEquals(f.money("23.87"), creditEachLine(f, inv));
        assertEquals(f.money("0.00"), f.stored(inv).amountDue());
        assertEquals(InvoiceStatus.PAID, f.stored(inv).status());
    }

    @Test
    @DisplayName("BT-114: with cash rounding the last credit also takes back the invoice's rounding amount")
    void creditLines_cashRounding_lastCreditTakesTheRoundedRest() {
        CreditFixture f = new CreditFixture(TaxPolicy.defaults().withCashIncrement("EUR", new BigDecimal("0.05")));
        Invoice inv = f.acme.invoices().issue(f.draft(VAT19, "1", "10.03", "1", "10.03").id());
        assertEquals(f.money("23.85"), inv.totals().payable());

        assertEquals(f.money("23.85"), creditEachLine(f, inv));
        assertEquals(f.money("0.00"), f.stored(inv).amountDue());
        // the invoice's cash rounding (-0.02) comes back as the closing note's rounding amount
        Invoice closing = f.acme.invoices().creditNotesOf(inv.id()).stream()
                .filter(n -> n.totals().roundingAmount().isNegative()).findFirst().orElseThrow();
        assertEquals(f.money("-0.02"), closing.totals().roundingAmount());
        assertEquals(f.money("1.90"), closing.totals().taxTotal());
    }

    @Test
    @DisplayName("BR-CO-16: per-line rounding, gross prices: the last of three credits takes the rest")
    void creditLines_grossPerLineMixedRates_balanceZero() {
        CreditFixture f = new CreditFixture(TaxPolicy.defaults().withPriceBasis(PriceBasis.GROSS)
                .withRounding(TaxRoundingPolicy.PER_LINE));
        Invoice d = f.draft(VAT19, "1", "10.03", "3", "7.77");
        d = f.acme.invoices().addLine(d.id(), InvoiceLine.of("Books", BigDecimal.ONE, UnitCode.PIECE,
                dev.billops.core.money.UnitPrice.of(f.currency, "19.99"), VAT7));
        d = f.acme.invoices().addAllowance(d.id(), f.money("5.00"), "loyalty");
        Invoice inv = f.acme.invoices().issue(d.id());

        assertEquals(inv.totals().payable(), creditEachLine(f, inv));
        assertEquals(f.money("0.00"), f.stored(inv).amountDue());
    }

    @Test
    @DisplayName("BR-CO-13: a fixed document discount is spread over the lines it applies to (500 + 500 - 500)")
    void creditLines_fixedDocumentDiscount_eachLineCreditsItsShare() {
        CreditFixture f = new CreditFixture(TaxPolicy.defaults());
        Invoice d = f.draft(VAT19, "1", "500.00", "1", "500.00");
        d = f.acme.invoices().addAllowance(d.id(), f.money("500.00"), "goodwill");
        Invoice inv = f.acme.invoices().issue(d.id());
        assertEquals(f.money("595.00"), inv.totals().payable());

        Invoice first = f.acme.invoices().creditLines(inv.id(), List.of(1));
        assertEquals(f.money("297.50"), first.totals().payable());
        assertEquals(f.money("250.00"), first.totals().allowanceTotal());
        Invoice second = f.acme.invoices().creditLines(inv.id(), List.of(2));
        assertEquals(f.money("297.50"), second.totals().payable());
        assertEquals(f.money("0.00"), f.stored(inv).amountDue());
        assertEquals(InvoiceStatus.PAID, f.stored(inv).status());
    }

    @Test
    @DisplayName("BR-CO-13: a fixed charge is spread over the lines by their amounts, to the cent")
    void creditLines_fixedDocumentCharge_sharesInProportionAndSumExactly() {
        CreditFixture f = new CreditFixture(TaxPolicy.defaults());
        Invoice d = f.draft(VAT19, "1", "100.00", "2", "100.00", "1", "100.00");
        d = f.acme.invoices().addCharge(d.id(), f.money("10.00"), "shipping");
        Invoice inv = f.acme.invoices().issue(d.id());

        Invoice first = f.acme.invoices().creditLines(inv.id(), List.of(1));
        Invoice middle = f.acme.invoices().creditLines(inv.id(), List.of(2));
        Invoice last = f.acme.invoices().creditLines(inv.id(), List.of(3));
        assertEquals(f.money("2.50"), first.totals().chargeTotal());
        assertEquals(f.money("5.00"), middle.totals().chargeTotal());
        assertEquals(f.money("2.50"), last.totals().chargeTotal());
        assertEquals(f.money("0.00"), f.stored(inv).amountDue());
    }
}
