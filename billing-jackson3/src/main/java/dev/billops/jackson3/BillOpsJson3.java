package dev.billops.jackson3;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The BillOps JSON configuration for Jackson 3, the counterpart of billing-jackson's
 * {@code BillOpsJson}: {@link BillOpsJackson3Module} plus map entries sorted by key (the same value
 * always gives the same bytes) and unknown properties ignored when reading (JSON written by an
 * older version stays readable after a field is removed). Jackson 3 writes java.time values as ISO
 * text by default.
 */
public final class BillOpsJson3 {

    private static final JsonMapper SHARED = builder().build();

    private BillOpsJson3() {
    }

    /** The shared, configured mapper; immutable, as every Jackson 3 mapper, and thread-safe. */
    public static JsonMapper mapper() {
        return SHARED;
    }

    /** A builder with the BillOps configuration, free for the caller to extend. */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .addModule(new BillOpsJackson3Module())
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
