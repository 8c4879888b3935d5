package dev.billops.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.billops.core.error.BillingException;
import dev.billops.core.error.Text;
import java.io.IOException;
import java.util.function.Function;

/** Typed ids as plain JSON strings, as values and as map keys. Their {@code toString()} is the id. */
final class IdJson {

    private IdJson() {
    }

    static final class IdSerializer extends JsonSerializer<Object> {
        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    static final class IdKeySerializer extends JsonSerializer<Object> {
        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeFieldName(value.toString());
        }
    }

    static final class IdDeserializer<T> extends JsonDeserializer<T> {

        private final Class<T> type;
        private final Function<String, T> factory;

        IdDeserializer(Class<T> type, Function<String, T> factory) {
            this.type = type;
            this.factory = factory;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                return (T) ctxt.handleUnexpectedToken(type, p);
            }
            try {
                return factory.apply(text);
            } catch (BillingException e) {
                JsonMappingException refused = InvalidFormatException.from(p, e.getMessage(), Text.quote(text), type);
                refused.initCause(e);
                throw refused;
            }
        }
    }

    static final class IdKeyDeserializer<T> extends KeyDeserializer {

        private final Class<T> type;
        private final Function<String, T> factory;

        IdKeyDeserializer(Class<T> type, Function<String, T> factory) {
            this.type = type;
            this.factory = factory;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            try {
                return factory.apply(key);
            } catch (BillingException e) {
                JsonMappingException refused = InvalidFormatException.from(ctxt.getParser(), e.getMessage(),
                        Text.quote(key), type);
                refused.initCause(e);
                throw refused;
            }
        }
    }
}
