package dev.billops.core.invoice;

import dev.billops.core.spi.NumberSequenceStore;
import static dev.billops.core.invoice.LifecycleFixture.VAT19;
import static dev.billops.core.invoice.LifecycleFixture.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.BillingException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import dev.billops.core.memory.StoreSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Invoice numbers are gapless and unique per series: failed issues consume nothing. */
class InvoiceNumberingPropertiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    /** What one step of a run tries to issue. */
    enum Attempt {
        /** a valid draft: issued */
        VALID,
        /** no lines: BR-16 */
        EMPTY,
        /** reverse charge for a buyer without VAT id: BR-AE-02 */
        TAX_RULE,
        /** bills a time entry already billed by an earlier invoice */
        ENTRY_TAKEN,
        /** the client was deactivated */
        INACTIVE_CLIENT,
        /** a draft that was issued already */
        ALREADY_ISSUED
    }

    private static final Gen<List<Attempt>> RUNS = Gen.listOf(Gen.frequency(
            Gen.weighted(5, Gen.constant(Attempt.VALID)),
            Gen.weighted(1, Gen.enumValues(Attempt.class))), 1, 60);

    @Test
    void issue_anySequenceOfValidAndFailingIssues_numbersAreOneToNWithoutGapOrRepeat() {
        Property.forAll(RUNS).tries(60).verify(run -> {
            LifecycleFixture f = new LifecycleFixture(TODAY);
            ClientId good = f.client("good", 30, null);
            ClientId gone = f.client("gone", 30, null);
            Invoice goneDraft = f.draft(gone, line("1", "1.00", VAT19));
            f.deactivate(gone);
            TimeEntryId taken = f.entry(TODAY.minusDays(1));
            Invoice first = f.issued(good, LifecycleFixture.line("1", "1.00", VAT19, List.of(taken)));
            List<String> numbers = new ArrayList<>(List.of(first.number()));
            for (Attempt a : run) {
                Invoice draft = switch (a) {
                    case VALID -> f.draft(good, line("1", "10.00", VAT19));
                    case EMPTY -> f.lifecycle.createDraft(good);
                    case TAX_RULE -> f.draft(good, line("1", "10.00", TaxTreatment.reverseCharge()));
                    case ENTRY_TAKEN -> f.draft(good, LifecycleFixture.line("1", "1.00", VAT19, List.of(taken)));
                    case INACTIVE_CLIENT -> goneDraft;
                    case ALREADY_ISSUED -> first;
                };
                if (a == Attempt.VALID) {
                    numbers.add(f.lifecycle.issue(draft.id()).number());
                } else {
                    StoreSnapshot before = f.snapshot();
                    assertThrows(BillingException.class, () -> f.lifecycle.issue(draft.id()), a.name());
                    assertEquals(before, f.snapshot(), a + " stored something");
                }
            }
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= numbers.size(); i++) {
                expected.add(String.format("INV-2026-%05d", i));
            }
            assertEquals(expected, numbers);
            long counter = f.scope.tx(s -> s.get(NumberSequenceStore.class).current("INV", "2026"));
            assertEquals(numbers.size(), counter);
        });
    }

    @Test
    void issue_concurrentIssuers_everyNumberOnceWithoutGap() throws Exception {
        LifecycleFixture f = new LifecycleFixture(TODAY);
        ClientId c = f.client("c", 30, null);
        int threads = 4;
        int perThread = 25;
        List<Invoice> drafts = new ArrayList<>();
        for (int i = 0; i < threads * perThread; i++) {
            drafts.add(f.draft(c, line("1", "1.00", VAT19)));
        }
        ConcurrentLinkedQueue<String> numbers = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Invoice> mine = drafts.subList(t * perThread, (t + 1) * perThread);
                futures.add(pool.submit(() -> {
                    start.await();
                    for (Invoice d : mine) {
                        numbers.add(f.lifecycle.issue(d.id()).number());
                        // every other thread also tries to issue an empty draft, which must take no number
                        assertThrows(EmptyInvoiceException.class, () -> f.lifecycle.issue(
                                f.lifecycle.createDraft(c).id()));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> unique = new TreeSet<>(numbers);
        assertEquals(threads * perThread, numbers.size());
        assertEquals(numbers.size(), unique.size(), "no number twice");
        assertTrue(unique.contains("INV-2026-00001"));
        assertEquals(String.format("INV-2026-%05d", threads * perThread), ((TreeSet<String>) unique).last(), "no gap");
    }
}
