package dev.billops.jackson;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Objects;

/**
 * The one JSON configuration BillOps uses everywhere it writes JSON (audit before/after states,
 * outbox payloads, plugin payloads) and that hosts can use for their APIs.
 *
 * <p>It is {@link BillOpsJacksonModule} plus: ISO text for dates, instants and durations (no
 * numeric timestamps); map entries sorted by key so the same value always gives the same bytes
 * (audit diffs, hashes); unknown properties ignored when reading, so JSON stored by an older
 * version stays readable after a field is removed; a property given twice is refused (which one
 * would count is ambiguous).
 */
public final class BillOpsJson {

    private static final ObjectMapper SHARED = newMapper();

    private BillOpsJson() {
    }

    /**
     * The shared, configured mapper. Thread-safe for reading and writing; do not reconfigure it
     * (use {@link #newMapper()} for a mapper of your own).
     */
    public static ObjectMapper mapper() {
        return SHARED;
    }

    /** A new mapper with the BillOps configuration, free for the caller to extend. */
    public static ObjectMapper newMapper() {
        return configure(new ObjectMapper());
    }

    /** Applies the BillOps configuration to {@code mapper} and returns it. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return mapper.registerModule(new BillOpsJacksonModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
