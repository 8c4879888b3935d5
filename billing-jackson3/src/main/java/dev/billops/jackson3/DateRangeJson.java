package dev.billops.jackson3;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.SerializationContext;
import dev.billops.core.error.BillingException;
import dev.billops.core.time.LocalDateRange;
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

    static final class Serializer extends ValueSerializer<LocalDateRange> {
        @Override
        public void serialize(LocalDateRange value, JsonGenerator gen, SerializationContext serializers) {
            gen.writeStartObject();
            gen.writeStringProperty("start", value.startInclusive().toString());
            gen.writeStringProperty("endExclusive", value.endExclusive().toString());
            gen.writeEndObject();
        }
    }

    static final class Deserializer extends ValueDeserializer<LocalDateRange> {
        @Override
        public LocalDateRange deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.isExpectedStartObjectToken()) {
                return (LocalDateRange) ctxt.handleUnexpectedToken(LocalDateRange.class, p);
            }
            String start = null;
            String end = null;
            for (String field = p.nextName(); field != null; field = p.nextName()) {
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

        private static LocalDate date(DeserializationContext ctxt, @Nullable String text, String field) {
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
