package dev.billops.core.spi;

/**
 * Port: gapless counters for document numbers, per (tenant, series, period key).
 *
 * <p>{@link #next} is called inside the issuing transaction: the counter row is locked until the
 * transaction ends, so a rolled-back issue gives its number back and concurrent issues in one
 * series get consecutive numbers with no gap and no repeat.
 */
public interface NumberSequenceStore {

    /**
     * Increments and returns the counter of {@code series} in {@code periodKey} (e.g. the year
     * for a yearly reset, or {@code ""}); a new counter starts at {@code startAfter + 1}.
     */
    long next(String series, String periodKey, long startAfter);

    /**
     * Takes {@code count} consecutive numbers at once (one counter update for a whole batch of
     * documents) and returns the last of them: the block is {@code last - count + 1 .. last}. The
     * counter stays locked until the transaction ends, as with {@link #next}. By default
     * {@code count} calls of {@link #next}.
     *
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    default long reserve(String series, String periodKey, long startAfter, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, not " + count);
        }
        long last = 0;
        for (int i = 0; i < count; i++) {
            last = next(series, periodKey, startAfter);
        }
        return last;
    }

    /**
     * Gives back the last {@code count} numbers this transaction took ({@link #next} or
     * {@link #reserve}) and did not use, so the counter has no gap: the counter goes back by
     * {@code count}. Only valid in the transaction that took them, which still holds the counter
     * row; a store that cannot do it throws {@link UnsupportedOperationException} (then callers
     * reserve no more than they are sure to use).
     */
    default void release(String series, String periodKey, int count) {
        throw new UnsupportedOperationException("releasing numbers is not supported by " + getClass().getName());
    }

    /** The last value handed out, or {@code startAfter}-style 0 if none. Read-only. */
    long current(String series, String periodKey);
}
