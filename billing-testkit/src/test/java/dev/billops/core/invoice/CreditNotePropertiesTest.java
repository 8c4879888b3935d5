package dev.billops.core.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.BillingException;
import dev.billops.core.id.ClientId;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.tax.PriceBasis;
import dev.billops.core.tax.TaxRoundingPolicy;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.LocalDateRange;
import dev.billops.testkit.gen.MoneyGens;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import dev.billops.testkit.store.StoreSnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Credit notes never make a balance negative: random invoices (mixed categories and rates,
 * allowances, net or gross prices, either rounding policy) go through random sequences of
 * payments and full, line and amount credits; after every step the balance is payable − paid −
 * credited ≥ 0, credited is the sum of the credit notes, and a refused step stored nothing.
 */
class CreditNotePropertiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private static final Gen<TaxTreatment> TAXES = Gen.oneOf(LifecycleFixture.VAT19, LifecycleFixture.VAT7,
            TaxTreatment.zeroRated(), TaxTreatment.exempt("Art. 132"), TaxTreatment.reverseCharge(),
            TaxTreatment.intraCommunity(), TaxTreatment.export());

    /** A line: hours, price and tax. */
    record LineSpec(BigDecimal hours, UnitPrice price, TaxTreatment tax) {
    }

    /** One step: kind 0 pay, 1 full credit, 2 credit lines, 3 credit an amount; a share in per mille. */
    record Step(int kind, int share, List<Integer> positions) {
    }

    /** An invoice and what happens to it. */
    record Scenario(List<LineSpec> lines, int discountPercent, PriceBasis basis, TaxRoundingPolicy rounding,
            List<Step> steps) {
    }

    private static final Gen<LineSpec> LINES = Gen.zip(
            Gen.bigDecimals(new BigDecimal("0.25"), new BigDecimal("200"), 2),
            MoneyGens.unitPrices(LifecycleFixture.EUR).filter(p -> p.amount().signum() > 0), TAXES, LineSpec::new);

    private static final Gen<Step> STEPS = Gen.zip(Gen.ints(0, 3), Gen.ints(0, 1200),
            Gen.listOf(Gen.ints(1, 12), 1, 3), Step::new);

    /** The invoice part of a scenario. */
    record Body(List<LineSpec> lines, int discountPercent) {
    }

    private static final Gen<Scenario> SCENARIOS = Gen.zip(
            Gen.zip(Gen.listOf(LINES, 1, 12), Gen.oneOf(0, 0, 5, 10), Body::new),
            Gen.enumValues(PriceBasis.class), Gen.enumValues(TaxRoundingPolicy.class), Gen.listOf(STEPS, 1, 12),
            (body, basis, rounding, steps) -> new Scenario(body.lines(), body.discountPercent(), basis, rounding,
                    steps));

    @Test
    @DisplayName("BR-CO-16: credit notes and payments never make a balance negative")
    void credits_anySequence_balanceNeverNegativeAndRefusedStepsStoreNothing() {
        AtomicInteger accepted = new AtomicInteger();
        Property.forAll(SCENARIOS).tries(80).verify(sc -> {
            LifecycleFixture f = new LifecycleFixture(TODAY);
            ClientId client = f.client("c", 30, "FR12345678901");
            Invoice draft = f.lifecycle.createDraft(client);
            for (LineSpec l : sc.lines()) {
                draft = f.lifecycle.addLine(draft.id(), InvoiceLine.of(1, "work", l.hours(),
                        UnitCode.HOUR, l.price(), l.tax()));
            }
            if (sc.discountPercent() > 0) {
                draft = f.lifecycle.addPercentageAdjustment(draft.id(), false,
                        BigDecimal.valueOf(sc.discountPercent()), "discount");
            }
            Invoice priced = draft.withPricing(sc.basis(), sc.rounding(), null)
                    .withServicePeriod(LocalDateRange.of(TODAY.minusDays(30), TODAY));
            f.scope.tx(s -> s.get(InvoiceStore.class).update(priced));
            Invoice inv = f.lifecycle.issue(draft.id());
            Money payable = inv.totals().payable();

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
                                f.pay(current, amount);
                            }
                        }
                        case 1 -> f.lifecycle.creditFully(inv.id());
                        case 2 -> f.lifecycle.creditLines(inv.id(), step.positions());
                        default -> f.lifecycle.creditAmount(inv.id(), amount, "adjustment");
                    }
                    if (step.kind() != 0) {
                        accepted.incrementAndGet();
                    }
                    assertFalse(step.kind() == 3 && amount.isGreaterThan(due), "credited " + amount + " > " + due);
                } catch (BillingException refused) {
                    assertEquals(before, f.snapshot(), "refused " + step + " (" + refused.getMessage()
                            + ") stored something");
                    if (step.kind() == 3 && amount.isGreaterThan(due)) {
                        assertTrue(refused instanceof CreditExceedsBalanceException, refused.toString());
                    }
                }
                Invoice after = f.stored(inv);
                assertFalse(after.amountDue().isNegative(), () -> "balance " + after.amountDue() + " after " + step);
                Money notes = Money.zero(LifecycleFixture.EUR);
                for (Invoice note : f.lifecycle.creditNotesOf(inv.id())) {
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
        assertTrue(accepted.get() > 40, "only " + accepted + " credits were accepted: the runs test too little");
    }

    @Test
    @DisplayName("BR-CO-14 BR-CO-17: with per-line rounding, crediting every line one by one credits exactly the payable")
    void creditLines_everyLineOncePerLineRounding_balanceExactlyZero() {
        Property.forAll(Gen.listOf(LINES, 1, 8)).tries(60).verify(lines -> {
            LifecycleFixture f = new LifecycleFixture(TODAY);
            ClientId client = f.client("c", 30, "FR12345678901");
            Invoice draft = f.lifecycle.createDraft(client);
            for (LineSpec l : lines) {
                draft = f.lifecycle.addLine(draft.id(), InvoiceLine.of(1, "work", l.hours(), UnitCode.HOUR, l.price(),
                        l.tax()));
            }
            Invoice perLine = draft.withPricing(PriceBasis.NET, TaxRoundingPolicy.PER_LINE, null)
                    .withServicePeriod(LocalDateRange.of(TODAY.minusDays(30), TODAY));
            f.scope.tx(s -> s.get(InvoiceStore.class).update(perLine));
            Invoice inv = f.lifecycle.issue(draft.id());
            Money credited = Money.zero(LifecycleFixture.EUR);
            for (int p = 1; p <= lines.size(); p++) {
                credited = credited.plus(f.lifecycle.creditLines(inv.id(), List.of(p)).totals().payable());
            }
            assertEquals(inv.totals().payable(), credited);
            assertTrue(f.stored(inv).amountDue().isZero());
            assertEquals(InvoiceStatus.PAID, f.stored(inv).status());
        });
    }
}
