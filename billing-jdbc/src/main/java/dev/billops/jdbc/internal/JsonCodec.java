package dev.billops.jdbc.internal;

import org.jspecify.annotations.Nullable;

/**
 * How the stores turn domain values into JSON and back: audit before/after states, outbox event
 * payloads. The one seam between the stores and the JSON mapping, so that the mapping can follow
 * the {@code billing-jackson} module without touching any store.
 */
public interface JsonCodec {

    /** {@code value} as JSON text; null gives null. */
    @Nullable String write(@Nullable Object value);

    /** Reads JSON text written by {@link #write} back as {@code type}. */
    <T> T read(String json, Class<T> type);
}
