package dev.billops.jdbc.internal;

import java.util.Objects;

/**
 * What every port implementation of one store shares: the dialect, the JSON codec and the
 * streaming and batching sizes.
 *
 * @param dialect SQL differences between the databases
 * @param json audit and outbox serialization
 * @param fetchSize rows fetched per round trip when streaming
 * @param batchSize rows per JDBC batch when inserting many
 */
public record StoreContext(SqlDialect dialect, JsonCodec json, int fetchSize, int batchSize) {

    public StoreContext {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(json, "json");
        if (fetchSize < 1 || batchSize < 1) {
            throw new IllegalArgumentException("fetch size " + fetchSize + " and batch size " + batchSize
                    + " must be positive");
        }
    }
}
