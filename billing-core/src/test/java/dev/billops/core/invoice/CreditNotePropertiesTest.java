package dev.billops.core.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.billops.core.error.BillingException;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.tax.PriceBasis;
import dev.billops.core.tax.TaxPolicy;
import dev.billops.core.tax.TaxRoundingPolicy;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.LocalDateRange;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import dev.billops.core.memory.StoreSnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Credit notes through the public facade, for random invoices: any currency (EUR, CHF, JPY, BHD),
 * mixed categories and rates, fixed and percentage document allowances and charges, net or gross
 * prices, either rounding policy, with or without cash rounding (the policy set with
 * {@code BillingPolicies.withTax}).
 * <ul>
 *   <li>any sequence of payments and full, line and amount credits keeps the balance payable −
 *       paid − credited ≥ 0, credited = the sum of the credit notes, and every refused step is
 *       refused for the one reason the step allows and stores nothing;</li>
 *   <li>crediting every line, in any order and grouping, leaves exactly 0.00 due.</li>
 * </ul>
 */
class CreditNotePropertiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final LocalDateRange PERIOD = LocalDateRange.of(TODAY.minusDays(30), TODAY);

    private static final Gen<TaxTreatment> TAXES = Gen.oneOf(CreditFixture.VAT19, CreditFixture.VAT7,
            TaxTreatment.standard(new BigDecimal("7.7")), TaxTreatment.zeroRated(), TaxTreatment.exempt("Art. 132"),
            TaxTreatment.reverseCharge(), TaxTreatment.intraCommunity(), TaxTreatment.export());

    /**
     * A line: hours and a price per hour. At least 10 minor units per line even in JPY, so that a
     * line outweighs the rounding of up to a dozen notes and the cash rounding (which only EUR,
     * CHF and BHD get, at 5 minor units): otherwise crediting a large part first may rightly be
     * refused because the rest of the invoice is worth less than its rounding.
     */
    record LineSpec(BigDecimal hours, BigDecimal price, TaxTreatment tax) {
    }

    /** Document adjustments: a percentage discount, a fixed discount and a fixed charge (per mille of the lines). */
    record Adjustments(int discountPercent, int fixedDiscountPerMille, int fixedChargePerMille) {
    }

    /** What an invoice is and how it is taxed. */
    record InvoiceSpec(String currency, List<LineSpec> lines, Adjustments adjustments, TaxPolicy policy) {
    }

    /** One step: kind 0 pay, 1 full credit, 2 credit lines, 3 credit an amount; a share in per mille. */
    record Step(int kind, int share, List<Integer> positions) {
    }

    private static final Gen<LineSpec> LINES = Gen.zip(
            Gen.bigDecimals(BigDecimal.ONE, new BigDecimal("200"), 2),
            Gen.bigDecimals(BigDecimal.TEN, new BigDecimal("5000"), 2), TAXES, LineSpec::new);

    private static final Gen<Adjustments> ADJUSTMENTS = Gen.zip(Gen.oneOf(0, 0, 5, 10), Gen.oneOf(0, 0, 100, 333, 500),
            Gen.oneOf(0, 0, 20, 77), Adjustments::new);

    /** The policy of a currency: either basis and rounding; cash rounding of 5 minor units except for JPY. */
    private static Gen<TaxPolicy> policies(String currency) {
        return Gen.zip(Gen.enumValues(PriceBasis.class), Gen.enumValues(TaxRoundingPolicy.class), Gen.booleans(),
                (basis, rounding, cash) -> {
                    TaxPolicy p = TaxPolicy.defaults().withPriceBasis(basis).withRounding(rounding);
                    if (cash && !currency.equals("JPY")) {
                        int digits = dev.billops.core.money.Currencies.of(currency).getDefaultFractionDigits();
                        p = p.withCashIncrement(currency, BigDecimal.valueOf(5, digits));
                    }
                    return p;
                });
    }

    private static final Gen<InvoiceSpec> INVOICES = Gen.oneOf("EUR", "CHF", "JPY", "BHD").flatMap(currency ->
            Gen.zip(Gen.listOf(LINES, 1, 12), ADJUSTMENTS, policies(currency),
                    (lines, adjustments, policy) -> new InvoiceSpec(currency, lines, adjustments, policy)));

    private static final Gen<Step> STEPS = Gen.zip(Gen.ints(0, 3), Gen.ints(0, 1200),
            Gen.listOf(Gen.ints(1, 6), 1, 3), Step::new);

    /** An invoice and what happens to it. */
    record Scenario(InvoiceSpec invoice, List<Step> steps) {
    }

    /** An invoice and the order (a shuffle seed) and grouping in which its lines are credited. */
    record Crediting(InvoiceSpec invoice, long shuffleSeed, List<Integer> groupSizes) {
    }

    /** Issues the invoice through the facade: lines with a service period, then the adjustments. */
    private static Invoice issue(CreditFixture f, InvoiceSpec spec) {
        Invoice d = f.acme.invoices().createDraft(CreditFixture.CLIENT);
        for (LineSpec l : spec.lines()) {
            d = f.acme.invoices().addLine(d.id(), InvoiceLine.of("work", l.hours(), UnitCode.HOUR,
                    UnitPrice.of(f.currency, l.price()), l.tax()).withPeriod(PERIOD));
        }
        Adjustments a = spec.adjustments();
        Money lines = d.totals().lineNetTotal();
        if (a.discountPercent() > 0) {
            d = f.acme.invoices().addAllowancePercent(d.id(), BigDecimal.valueOf(a.discountPercent()),
                    "discount");
        }
        if (a.fixedDiscountPerMille() > 0) {
            d = f.acme.invoices().addAllowance(d.id(), perMille(lines, a.fixedDiscountPerMille()),
                    "goodwill");
        }
        if (a.fixedChargePerMille() > 0) {
            d = f.acme.invoices().addCharge(d.id(), perMille(lines, a.fixedChargePerMille()),
                    "shipping");
        }
        return f.acme.invoices().issue(d.id());
    }

    private static Money perMille(Money amount, int perMille) {
        return amount.times(BigDecimal.valueOf(perMille).movePointLeft(3), RoundingMode.DOWN);
    }

    @Test
    @DisplayName("BR-CO-16: credit notes and payments never make a balance negative; refusals are the expected ones")
    void credits_anySequence_balanceNeverNegativeAndOnlyExpectedRefusals() {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger lineCredits = new AtomicInteger();
        Property.forAll(Gen.zip(INVOICES, Gen.listOf(STEPS, 1, 12), Scenario::new)).tries(120).verify(sc -> {
            CreditFixture f = new CreditFixture(sc.invoice().policy(), sc.invoice().currency());
            Invoice inv = issue(f, sc.invoice());
            Money payable = inv.totals().payable();
            int lineCount = inv.lines().size();
            Set<Integer> credited = new HashSet<>();

            for (Step step : sc.steps()) {
                Invoice current = f.stored(inv);
                Money due = current.amountDue();
                // shares above 1000 per mille ask for more than is open, on purpose
                Money amount = due.times(BigDecimal.valueOf(step.share()).movePointLeft(3), RoundingMode.HALF_UP);
                StoreSnapshot before = f.snapshot();
                try {
                    switch (step.kind()) {
                        case 0 -> {
                            if (amount.isPositive() && !amount.isGreaterThan(due)) {
                                f.acme.payments().record(PaymentRequest.of(CreditFixture.CLIENT, amount)
                                        .toInvoice(inv.id()));
                            }
                        }
                        case 1 -> {
                            boolean mirror = current.paid().isZero() && current.credited().isZero();
                            f.acme.invoices().creditFully(inv.id());
                            if (mirror) {
                                for (int p = 1; p <= lineCount; p++) {
                                    credited.add(p);
                                }
                            }
                        }
                        case 2 -> {
                            f.acme.invoices().creditLines(inv.id(), step.positions());
                            credited.addAll(step.positions());
                            lineCredits.incrementAndGet();
                        }
                        default -> f.acme.invoices().creditAmount(inv.id(), amount, "adjustment");
                    }
                    if (step.kind() != 0) {
                        accepted.incrementAndGet();
                    }
                    String unexpected = expectedRefusal(step, amount, due, lineCount, credited);
                    if (unexpected != null && step.kind() != 2) {
                        fail("step " + step + " should have been refused: " + unexpected);
                    }
                } catch (BillingException refused) {
                    assertEquals(before, f.snapshot(), "refused " + step + " (" + refused.getMessage()
                            + ") stored something");
                    requireExpected(refused, step, amount, due, lineCount, credited);
                }
                Invoice after = f.stored(inv);
                assertFalse(after.amountDue().isNegative(), () -> "balance " + after.amountDue() + " after " + step);
                Money notes = Money.zero(f.currency);
                for (Invoice note : f.acme.invoices().creditNotesOf(inv.id())) {
                    assertTrue(note.totals().payable().isPositive());
                    notes = notes.plus(note.totals().payable());
                }
                assertEquals(notes, after.credited(), "credited = sum of credit notes");
                assertEquals(payable, after.totals().payable(), "an issued invoice's totals never change");
                assertEquals(after.amountDue().isZero() ? InvoiceStatus.PAID
                        : after.paid().isZero() && after.credited().isZero() ? InvoiceStatus.ISSUED
                        : InvoiceStatus.PARTIALLY_PAID, after.status());
            }
        });
        assertTrue(accepted.get() > 20, "only " + accepted + " credits were accepted: the runs test too little");
        // a guard against a vacuous run, not a statistic: 120 runs accept about 20-60 line credits
        assertTrue(lineCredits.get() > 5, "only " + lineCredits + " line credits were accepted");
    }

    /** Why a credit step must be refused before any amount is computed, or null if it need not be. */
    private static String expectedRefusal(Step step, Money amount, Money due, int lineCount, Set<Integer> credited) {
        switch (step.kind()) {
            case 1 -> {
                return due.isPositive() ? null : "nothing is due";
            }
            case 2 -> {
                if (new HashSet<>(step.positions()).size() != step.positions().size()) {
                    return "positions repeat";
                }
                // checked in ascending order of position, the first failing one decides
                for (int p : new java.util.TreeSet<>(step.positions())) {
                    if (p > lineCount) {
                        return "no line " + p;
                    }
                    if (credited.contains(p)) {
                        return "line " + p + " credited before";
                    }
                }
                return null;
            }
            case 3 -> {
                return !amount.isPositive() ? "amount not positive" : amount.isGreaterThan(due) ? "more than due" : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** Fails unless {@code refused} is the one refusal {@code step} allows in this state. */
    private static void requireExpected(BillingException refused, Step step, Money amount, Money due, int lineCount,
            Set<Integer> credited) {
        String reason = expectedRefusal(step, amount, due, lineCount, credited);
        switch (step.kind()) {
            case 1 -> {
                assertTrue(refused instanceof CreditExceedsBalanceException, refused.toString());
                assertEquals("nothing is due", reason, refused.toString());
            }
            case 2 -> {
                if (reason == null) {
                    // the only refusal left: the lines are worth more than what is due
                    CreditExceedsBalanceException e = assertInstance(CreditExceedsBalanceException.class, refused);
                    assertEquals(due, e.creditable());
                    assertTrue(e.requested().isGreaterThan(due), refused.toString());
                } else if (reason.equals("positions repeat")) {
                    assertSame(InvalidInputException.class, refused.getClass(), refused.toString());
                } else if (reason.startsWith("no line")) {
                    assertInstance(NotFoundException.class, refused);
                } else {
                    assertInstance(LineAlreadyCreditedException.class, refused);
                }
            }
            case 3 -> {
                if ("more than due".equals(reason)) {
                    assertInstance(CreditExceedsBalanceException.class, refused);
                } else {
                    assertEquals("amount not positive", reason, refused.toString());
                    assertSame(InvalidInputException.class, refused.getClass(), refused.toString());
                }
            }
            default -> fail("a payment of " + amount + " within the balance " + due + " was refused: " + refused);
        }
    }

    private static <T> T assertInstance(Class<T> type, BillingException e) {
        assertTrue(type.isInstance(e), () -> "expected " + type.getSimpleName() + ", got " + e);
        return type.cast(e);
    }

    @Test
    @DisplayName("BR-CO-16: crediting every line, in any order and grouping, leaves exactly 0.00 due")
    void creditLines_everyLineInAnyGrouping_amountDueExactlyZero() {
        Gen<Crediting> gen = Gen.zip(INVOICES, Gen.longs(0, Long.MAX_VALUE), Gen.listOf(Gen.ints(1, 3), 1, 6),
                Crediting::new);
        Property.forAll(gen).tries(150).verify(c -> {
            CreditFixture f = new CreditFixture(c.invoice().policy(), c.invoice().currency());
            Invoice inv = issue(f, c.invoice());
            List<Integer> positions = new ArrayList<>();
            for (InvoiceLine line : inv.lines()) {
                positions.add(line.position());
            }
            Collections.shuffle(positions, new Random(c.shuffleSeed()));

            List<Invoice> notes = new ArrayList<>();
            int from = 0;
            for (int k = 0; from < positions.size(); k++) {
                int to = Math.min(positions.size(), from + c.groupSizes().get(k % c.groupSizes().size()));
                notes.add(f.acme.invoices().creditLines(inv.id(), positions.subList(from, to)));
                from = to;
            }

            Invoice after = f.stored(inv);
            assertEquals(Money.zero(f.currency), after.amountDue(), "due after crediting every line");
            assertEquals(InvoiceStatus.PAID, after.status());
            Money sum = Money.zero(f.currency);
            for (Invoice note : notes) {
                assertTrue(note.totals().payable().isPositive(), note.totals().toString());
                sum = sum.plus(note.totals().payable());
            }
            assertEquals(inv.totals().payable(), sum);
            // every document allowance and charge went with the lines, to the minor unit (net amounts
            // here: under gross prices the nets of allowances are derived per document)
            if (inv.priceBasis() == PriceBasis.NET) {
                Money allowances = Money.zero(f.currency);
                Money charges = Money.zero(f.currency);
                for (Invoice note : notes) {
                    allowances = allowances.plus(note.totals().allowanceTotal());
                    charges = charges.plus(note.totals().chargeTotal());
                }
                assertEquals(inv.totals().allowanceTotal(), allowances, "allowances credited");
                assertEquals(inv.totals().chargeTotal(), charges, "charges credited");
            }
            if (inv.priceBasis() == PriceBasis.NET && f.currency.getDefaultFractionDigits() >= 2) {
                // with net prices the notes reverse the invoice's VAT of every group to the minor unit
                for (dev.billops.core.tax.TaxSubtotal g : inv.taxBreakdown()) {
                    Money reversed = Money.zero(f.currency);
                    for (Invoice note : notes) {
                        for (dev.billops.core.tax.TaxSubtotal n : note.taxBreakdown()) {
                            if (n.category() == g.category() && java.util.Objects.equals(n.ratePercent(),
                                    g.ratePercent())) {
                                reversed = reversed.plus(n.taxAmount());
                            }
                        }
                    }
                    assertEquals(g.taxAmount(), reversed, "VAT of " + g.category() + " " + g.ratePercent());
                }
            }
            // the closing note's rounding amount only absorbs rounding: the invoice's cash rounding and
            // at most a minor unit per note for each tax group and each document adjustment
            Invoice closing = notes.get(notes.size() - 1);
            BigDecimal unit = BigDecimal.ONE.movePointLeft(f.currency.getDefaultFractionDigits());
            BigDecimal bound = unit.multiply(BigDecimal.valueOf(
                    (long) notes.size() * (inv.taxBreakdown().size() + inv.adjustments().size())));
            BigDecimal residual = closing.totals().roundingAmount().minus(inv.totals().roundingAmount()).amount();
            assertTrue(residual.abs().compareTo(bound) <= 0, "closing rounding " + closing.totals().roundingAmount()
                    + " vs invoice " + inv.totals().roundingAmount() + " beyond " + bound);
        });
    }
}
