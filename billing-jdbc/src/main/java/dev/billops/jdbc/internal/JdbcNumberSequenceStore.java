package dev.billops.jdbc.internal;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.spi.NumberSequenceStore;
import java.util.Objects;

/**
 * Gapless counters. {@link #next} creates the counter row if it is missing ({@code ON CONFLICT DO
 * NOTHING}, safe when two transactions create it at once), then increments it with an UPDATE,
 * which takes the row lock: a concurrent issuer in the same series waits until this transaction
 * ends, and then increments the committed value. A rollback gives the number back.
 */
final class JdbcNumberSequenceStore extends JdbcPort implements NumberSequenceStore {

    JdbcNumberSequenceStore(JdbcSession session) {
        super(session);
    }

    @Override
    public long next(String series, String periodKey, long startAfter) {
        return reserve(series, periodKey, startAfter, 1);
    }

    /** One insert-if-missing, one increment by {@code count} (which locks the row) and one read. */
    @Override
    public long reserve(String series, String periodKey, long startAfter, int count) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(periodKey, "periodKey");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, not " + count);
        }
        if (startAfter < 0) {
            throw new InvalidInputException("number sequence " + series + " must start after 0 or more, not " + startAfter);
        }
        h().createUpdate("INSERT INTO billops_number_sequence (tenant_id, series, period_key, last_value) "
                + "VALUES (:t, :series, :period, :start) ON CONFLICT DO NOTHING")
                .bind("t", t()).bind("series", series).bind("period", periodKey).bind("start", startAfter)
                .execute();
        int updated = h().createUpdate("UPDATE billops_number_sequence SET last_value = last_value + :count "
                + "WHERE tenant_id = :t AND series = :series AND period_key = :period")
                .bind("t", t()).bind("series", series).bind("period", periodKey).bind("count", count)
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("number sequence " + series + "/" + periodKey + " vanished");
        }
        return h().createQuery("SELECT last_value FROM billops_number_sequence "
                + "WHERE tenant_id = :t AND series = :series AND period_key = :period")
                .bind("t", t()).bind("series", series).bind("period", periodKey)
                .mapTo(Long.class).one();
    }

    /**
     * Moves the counter back by {@code count}; the row is locked by this transaction since it took
     * those numbers, so no other transaction took a later one.
     */
    @Override
    public void release(String series, String periodKey, int count) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(periodKey, "periodKey");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, not " + count);
        }
        if (count == 0) {
            return;
        }
        int updated = h().createUpdate("UPDATE billops_number_sequence SET last_value = last_value - :count "
                + "WHERE tenant_id = :t AND series = :series AND period_key = :period AND last_value >= :count")
                .bind("t", t()).bind("series", series).bind("period", periodKey).bind("count", count)
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("number sequence " + series + "/" + periodKey + " cannot give back "
                    + count);
        }
    }

    @Override
    public long current(String series, String periodKey) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(periodKey, "periodKey");
        return h().createQuery("SELECT last_value FROM billops_number_sequence "
                + "WHERE tenant_id = :t AND series = :series AND period_key = :period")
                .bind("t", t()).bind("series", series).bind("period", periodKey)
                .mapTo(Long.class).findOne().orElse(0L);
    }
}
