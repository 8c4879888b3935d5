package dev.billops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billops.core.spi.NumberSequenceStore;
import dev.billops.core.spi.StoreSession;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link NumberSequenceStore}: counters per (series, period key) that start after
 * {@code startAfter}, count up by one, and give a number back when the transaction that took it
 * rolls back. Gaplessness under concurrency is in {@link ConcurrencyContract}. See
 * {@link StoreContract} for how to run it.
 */
public abstract class NumberSequenceContract extends StoreContract {

    private static NumberSequenceStore seq(StoreSession s) {
        return s.get(NumberSequenceStore.class);
    }

    @Test
    void next_newCounter_startsAfterStartAfterAndCountsByOne() {
        assertEquals(0, txLong(s -> seq(s).current("INV", "2026")));
        assertEquals(1, txLong(s -> seq(s).next("INV", "2026", 0)));
        assertEquals(2, txLong(s -> seq(s).next("INV", "2026", 0)));
        assertEquals(2, txLong(s -> seq(s).current("INV", "2026")));
        assertEquals(1001, txLong(s -> seq(s).next("LEGACY", "", 1000)));
        assertEquals(1002, txLong(s -> seq(s).next("LEGACY", "", 1000)));
        assertEquals(3, txLong(s -> {
            seq(s).next("INV", "2026", 0);
            return seq(s).current("INV", "2026");
        }));
    }

    @Test
    void next_seriesAndPeriodKeys_countIndependently() {
        assertEquals(1, txLong(s -> seq(s).next("INV", "2026", 0)));
        assertEquals(1, txLong(s -> seq(s).next("INV", "2027", 0)));
        assertEquals(1, txLong(s -> seq(s).next("CN", "2026", 0)));
        assertEquals(1, txLong(s -> seq(s).next("INV", "", 0)));
        assertEquals(2, txLong(s -> seq(s).next("INV", "2026", 0)));
        assertEquals(1, txLong(s -> seq(s).current("INV", "2027")));
        assertEquals(0, txLong(s -> seq(s).current("INV", "2028")));
    }

    @Test
    void next_transactionRolledBack_givesNumberBack() {
        assertEquals(1, txLong(s -> seq(s).next("INV", "2026", 0)));
        assertThrows(IllegalStateException.class, () -> run(s -> {
            assertEquals(2, seq(s).next("INV", "2026", 0));
            assertEquals(3, seq(s).next("INV", "2026", 0));
            throw new IllegalStateException("issue failed after numbering");
        }));
        assertEquals(1, txLong(s -> seq(s).current("INV", "2026")));
        assertEquals(2, txLong(s -> seq(s).next("INV", "2026", 0)));
        assertThrows(IllegalStateException.class, () -> run(s -> {
            seq(s).next("NEW", "", 99);
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(0, txLong(s -> seq(s).current("NEW", "")));
        assertEquals(100, txLong(s -> seq(s).next("NEW", "", 99)));
    }
}
