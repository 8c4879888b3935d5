package dev.billops.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.billops.core.error.BillingException;
import dev.billops.core.time.LocalDateRange;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * {@link LocalDateRange} as {@code {"start":"2026-11-01","endExclusive":"2026-12-01"}}: ISO dates,
 * the exclusive end named as such so nobody reads it as the last day.
 */
final class DateRangeJson {

    private DateRangeJson() {
    }

    static final class Serializer extends JsonSerializer<LocalDateRange> {
        @Override
        public void serialize(LocalDateRange value, JsonGenerator gen, SerializerProvider serializers)
                throws IOException {
            gen.writeStartObject();
            gen.writeStringField("start", value.startInclusive().toString());
            gen.writeStringField("endExclusive", value.endExclusive().toString());
            gen.writeEndObject();
        }
    }

    static final class Deserializer extends JsonDeserializer<LocalDateRange> {
        @Override
        public LocalDateRange deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                return (LocalDateRange) ctxt.handleUnexpectedToken(LocalDateRange.class, p);
            }
            String start = null;
            String end = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                p.nextToken();
                switch (field) {
                    case "start" -> start = p.getValueAsString();
                    case "endExclusive" -> end = p.getValueAsString();
                    default -> p.skipChildren();
                }
            }
            LocalDate from = date(ctxt, start, "start");
            LocalDate to = date(ctxt, end, "endExclusive");
            try {
                return LocalDateRange.of(from, to);
            } catch (BillingException e) {
                throw ctxt.weirdStringException(from + "/" + to, LocalDateRange.class, e.getMessage());
            }
        }

        private static LocalDate date(DeserializationContext ctxt, @Nullable String text, String field)
                throws IOException {
            if (text == null) {
                throw ctxt.weirdStringException("null", LocalDateRange.class, "a date range needs \"" + field + "\"");
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw ctxt.weirdStringException(text, LocalDateRange.class, field + " '" + text
                        + "' is not an ISO date");
            }
        }
    }
}
