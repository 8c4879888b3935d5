package dev.billops.core.memory;

import dev.billops.core.spi.NumberSequenceStore;
import java.util.Objects;

final class MemNumberSequenceStore implements NumberSequenceStore {

    private final Session session;

    MemNumberSequenceStore(Session session) {
        this.session = session;
    }

    @Override
    public long next(String series, String periodKey, long startAfter) {
        TenantState state = session.state();
        TenantState.SequenceKey key = key(series, periodKey);
        Long current = state.sequence(key);
        long next = Math.addExact(current == null ? startAfter : current, 1);
        state.sequence(key, next);
        return next;
    }

    /** Sets the counter back; the store's transactions run one at a time, so nobody took a later number. */
    @Override
    public void release(String series, String periodKey, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, not " + count);
        }
        TenantState state = session.state();
        TenantState.SequenceKey key = key(series, periodKey);
        Long current = state.sequence(key);
        if (current == null || current < count) {
            throw new IllegalStateException("number sequence " + series + "/" + periodKey + " is at " + current
                    + ", cannot give back " + count);
        }
        if (count > 0) {
            state.sequence(key, current - count);
        }
    }

    @Override
    public long current(String series, String periodKey) {
        Long current = session.state().sequence(key(series, periodKey));
        return current == null ? 0 : current;
    }

    private static TenantState.SequenceKey key(String series, String periodKey) {
        return new TenantState.SequenceKey(Objects.requireNonNull(series, "series"),
                Objects.requireNonNull(periodKey, "periodKey"));
    }
}
