package dev.billops.jackson3;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.exc.InvalidFormatException;
import dev.billops.core.error.BillingException;
import dev.billops.core.error.Text;
import java.util.function.Function;

/** Typed ids as plain JSON strings, as values and as map keys. Their {@code toString()} is the id. */
final class IdJson {

    private IdJson() {
    }

    static final class IdSerializer extends ValueSerializer<Object> {
        @Override
        public void serialize(Object value, JsonGenerator gen, SerializationContext serializers) {
            gen.writeString(value.toString());
        }
    }

    static final class IdKeySerializer extends ValueSerializer<Object> {
        @Override
        public void serialize(Object value, JsonGenerator gen, SerializationContext serializers) {
            gen.writeName(value.toString());
        }
    }

    static final class IdDeserializer<T> extends ValueDeserializer<T> {

        private final Class<T> type;
        private final Function<String, T> factory;

        IdDeserializer(Class<T> type, Function<String, T> factory) {
            this.type = type;
            this.factory = factory;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = p.getValueAsString();
            if (text == null) {
                return (T) ctxt.handleUnexpectedToken(type, p);
            }
            try {
                return factory.apply(text);
            } catch (BillingException e) {
                DatabindException refused = InvalidFormatException.from(p, e.getMessage(), Text.quote(text), type);
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
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            try {
                return factory.apply(key);
            } catch (BillingException e) {
                DatabindException refused = InvalidFormatException.from(ctxt.getParser(), e.getMessage(),
                        Text.quote(key), type);
                refused.initCause(e);
                throw refused;
            }
        }
    }
}
