package dev.billops.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.billops.core.error.StoreFailureException;
import dev.billops.jackson.BillOpsJson;
import java.io.IOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The JSON mapping of the stores on a Jackson {@link ObjectMapper}: by default the public mapping of
 * billing-jackson, so audit states and outbox payloads read like the host's own API.
 *
 * <p>Thread-safe. The mapper given to {@link #JacksonJsonCodec(ObjectMapper)} must be configured
 * once and not changed afterwards.
 */
public final class JacksonJsonCodec implements JsonCodec {

    private final ObjectMapper mapper;

    /** A codec on the stores' own mapping ({@link #defaultMapper()}). */
    public JacksonJsonCodec() {
        this(defaultMapper());
    }

    public JacksonJsonCodec(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public @Nullable String write(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new StoreFailureException("a stored " + type.getName() + " cannot be read from its JSON: "
                    + e.getMessage(), null, e);
        }
    }

    /**
     * The public BillOps JSON mapping ({@link BillOpsJson}): typed ids as plain strings, money as
     * {@code {"amount":"12.50","currency":"EUR"}}, java.time values as ISO text, records as their
     * components, events with their {@code "type"}; unknown properties are ignored on reading. What a
     * host's API writes for a value is what the audit log and the outbox store for it.
     */
    public static ObjectMapper defaultMapper() {
        return BillOpsJson.newMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }
}
