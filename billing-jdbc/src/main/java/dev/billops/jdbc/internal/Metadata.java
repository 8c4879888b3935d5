package dev.billops.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billops.core.error.StoreFailureException;
import java.util.Map;
import java.util.TreeMap;

/** Invoice metadata (string to string) as a JSON object, keys sorted so equal maps give equal text. */
final class Metadata {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> TYPE = new TypeReference<>() {
    };

    private Metadata() {
    }

    static String write(Map<String, String> metadata) {
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(metadata));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("string metadata cannot fail to serialize", e);
        }
    }

    static Map<String, String> read(String json) {
        try {
            return MAPPER.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new StoreFailureException("stored invoice metadata is not a JSON object of strings: " + json, null, e);
        }
    }
}
