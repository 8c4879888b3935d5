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
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(periodKey, "periodKey");
        if (startAfter < 0) {
            throw new InvalidInputException("number sequence " + series + " must start after 0 or more, not " + startAfter);
        }
        h().createUpdate("INSERT INTO billops_number_sequence (tenant_id, series, period_key, last_value) "
                + "VALUES (:t, :series, :period, :start) ON CONFLICT DO NOTHING")
                .bind("t", t()).bind("series", series).bind("period", periodKey).bind("start", startAfter)
                .execute();
        int updated = h().createUpdate("UPDATE billops_number_sequence SET last_value = last_value + 1 "
                + "WHERE tenant_id = :t AND series = :series AND period_key = :period")
                .bind("t", t()).bind("series", series).bind("period", periodKey)
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("number sequence " + series + "/" + periodKey + " vanished");
        }
        return h().createQuery("SELECT last_value FROM billops_number_sequence "
                + "WHERE tenant_id = :t AND series = :series AND period_key = :period")
                .bind("t", t()).bind("series", series).bind("period", periodKey)
                .mapTo(Long.class).one();
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
