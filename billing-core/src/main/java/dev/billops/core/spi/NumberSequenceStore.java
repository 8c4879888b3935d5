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

    /** The last value handed out, or {@code startAfter}-style 0 if none. Read-only. */
    long current(String series, String periodKey);
}
