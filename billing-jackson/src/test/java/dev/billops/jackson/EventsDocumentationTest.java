package dev.billops.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.event.EventTypes;
import dev.billops.testkit.gen.PublicValueSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The event schema a host reads, billing-core/doc/events.md, against the JSON this mapping
 * writes: every core event type is documented, and its documented fields are exactly its JSON
 * properties (besides the common {@code type}, {@code eventId} and {@code occurredAt}).
 */
class EventsDocumentationTest {

    private static final Path DOC = Path.of("..", "billing-core", "doc", "events.md");
    private static final Pattern SECTION = Pattern.compile("^## `([a-z_.]+)`$");
    private static final Pattern FIELD = Pattern.compile("^\\| `(\\w+)` \\|");
    private static final Set<String> COMMON = Set.of("type", "eventId", "occurredAt");

    private final ObjectMapper mapper = BillOpsJson.mapper();

    /** Documented fields per event type, in document order. */
    private static Map<String, Set<String>> documented() throws IOException {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Set<String> current = null;
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            Matcher section = SECTION.matcher(line);
            Matcher field = FIELD.matcher(line);
            if (section.matches()) {
                current = new LinkedHashSet<>();
                out.put(section.group(1), current);
            } else if (line.startsWith("## ")) {
                current = null;
            } else if (current != null && field.find()) {
                current.add(field.group(1));
            }
        }
        return out;
    }

    @Test
    void eventsDoc_documentsEveryCoreTypeAndNoOther() throws IOException {
        assertEquals(EventTypes.core().keySet(), documented().keySet());
    }

    @Test
    void eventsDoc_fieldsOfEachType_areItsJsonProperties() throws Exception {
        Map<String, Set<String>> documented = documented();
        for (var type : EventTypes.core().entrySet()) {
            BillingEvent sample = PublicValueSamples.event(type.getValue(), "doc");
            JsonNode node = mapper.readTree(mapper.writeValueAsString(sample));
            Set<String> fields = new LinkedHashSet<>();
            node.properties().forEach(p -> fields.add(p.getKey()));
            assertTrue(fields.containsAll(COMMON), type.getKey() + ": " + fields);
            assertEquals("\"" + type.getKey() + "\"", node.get("type").toString(), "type property");
            fields.removeAll(COMMON);
            assertEquals(documented.get(type.getKey()), fields, "documented fields of " + type.getKey());
        }
    }
}
