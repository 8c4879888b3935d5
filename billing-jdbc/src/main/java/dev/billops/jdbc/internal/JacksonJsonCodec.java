package dev.billops.jdbc.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.billops.core.money.Currencies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Function;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * The JSON mapping of the stores on a Jackson {@link ObjectMapper}: records by their components,
 * java.time values and currencies as ISO strings, decimals as written.
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
            throw new UncheckedIOException("cannot read " + type.getName() + " from JSON", e);
        }
    }

    /**
     * A mapper for the domain records: fields (record components) only, so helper methods such as
     * {@code Money.isZero()} are not written; unknown properties are ignored on reading.
     */
    public static ObjectMapper defaultMapper() {
        SimpleModule module = new SimpleModule("billops-jdbc");
        text(module, CurrencyUnit.class, CurrencyUnit::getCurrencyCode, Currencies::of);
        text(module, Instant.class, Instant::toString, Instant::parse);
        text(module, LocalDate.class, LocalDate::toString, LocalDate::parse);
        text(module, LocalDateTime.class, LocalDateTime::toString, LocalDateTime::parse);
        text(module, Duration.class, Duration::toString, Duration::parse);
        text(module, ZoneId.class, ZoneId::getId, ZoneId::of);
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(module);
        mapper.setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        mapper.setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        mapper.configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);
        mapper.configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
        return mapper;
    }

    private static <T> void text(SimpleModule module, Class<T> type, Function<T, String> write,
            Function<String, T> read) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(write.apply(value));
            }

            @Override
            public Class<T> handledType() {
                return type;
            }
        });
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return read.apply(p.getValueAsString());
            }
        });
    }
}
