package dev.billops.testkit.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import dev.billops.testkit.property.Shrinkable;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/** The record generators of DomainGens shrink: a failing generated value comes back small. */
class DomainGensShrinkingTest {

    private static final CurrencyUnit EUR = Currencies.of("EUR");
    private static final Money FIFTY = Money.of("EUR", "50.00");

    @Test
    void draftInvoices_failingProperty_shrinksToAtMostTwoLines() {
        AtomicInteger originalsWithMoreThanTwoLines = new AtomicInteger();
        Property.forAll(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE)).tries(5).verify(seed -> {
            AtomicReference<Invoice> firstFailing = new AtomicReference<>();
            AtomicReference<Invoice> lastFailing = new AtomicReference<>();
            // fails whenever some line's net amount exceeds 50: most generated invoices. 20 accepted shrink
            // steps (each invoice rebuilt costs ~10 ms) are plenty, since the lines are the first part drawn
            AssertionError failure = assertThrows(AssertionError.class,
                    () -> Property.forAll(DomainGens.draftInvoices(ClientId.of("c"), EUR)).seed(seed).named("inner").maxShrinkSteps(20)
                            .check(invoice -> {
                                boolean holds = invoice.lines().stream()
                                        .allMatch(line -> line.netAmount().compareTo(FIFTY) <= 0);
                                if (!holds) {
                                    firstFailing.compareAndSet(null, invoice);
                                    lastFailing.set(invoice);
                                }
                                return holds;
                            }));
            Invoice original = firstFailing.get();
            Invoice shrunk = lastFailing.get();
            if (original.lines().size() > 2) {
                originalsWithMoreThanTwoLines.incrementAndGet();
            }
            assertTrue(shrunk.lines().size() <= 2, () -> "shrunk to " + shrunk.lines().size() + " lines from "
                    + original.lines().size() + ": " + failure.getMessage());
        });
        assertTrue(originalsWithMoreThanTwoLines.get() >= 1,
                "too few generated invoices had more than two lines: " + originalsWithMoreThanTwoLines);
    }

    @Test
    void draftInvoices_shrinkCandidates_areValidInvoicesNumberedFromOne() {
        Property.forAll(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE)).tries(3).verify(seed -> {
            Shrinkable<Invoice> tree = DomainGens.draftInvoices(ClientId.of("c"), EUR)
                    .generateShrinkable(new SplittableRandom(seed));
            List<Shrinkable<Invoice>> candidates = tree.shrinks().limit(40).toList();
            assertFalse(candidates.isEmpty(), "no shrink candidates for " + tree.value());
            for (Shrinkable<Invoice> candidate : candidates) {
                Invoice smaller = candidate.value();
                assertEquals(EUR, smaller.currency());
                for (int i = 0; i < smaller.lines().size(); i++) {
                    assertEquals(i + 1, smaller.lines().get(i).position(), smaller.toString());
                }
            }
        });
    }
}
