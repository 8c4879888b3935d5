package dev.billops.integrations.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.billops.spi.Attachment;
import dev.billops.spi.Notification;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link Notification} into the JSON body of an incoming-webhook post: a {@code text}
 * fallback (shown in push notifications and by clients without Block Kit) plus {@code blocks}: a
 * header with the subject, a section with the body, sections of fields with the facts, and a
 * context line naming the attachments, which a webhook cannot upload.
 *
 * <p>Text is escaped as Slack's mrkdwn wants ({@code &}, {@code <}, {@code >}), so that a body
 * cannot ping {@code <!channel>} or forge links; lengths are cut to Slack's block limits.
 */
final class SlackMessage {

    static final int HEADER_MAX = 150;
    static final int SECTION_TEXT_MAX = 3000;
    static final int FIELD_TEXT_MAX = 2000;
    static final int FIELDS_PER_SECTION = 10;
    static final int FALLBACK_MAX = 4000;
    /** Slack accepts at most 50 blocks; header, body and attachments line leave room for 47. */
    static final int MAX_FACT_SECTIONS = 47;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SlackMessage() {
    }

    static byte[] toJson(Notification n, @Nullable String channel, @Nullable String username) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("text", fallbackText(n));
        if (channel != null) {
            root.put("channel", channel);
        }
        if (username != null) {
            root.put("username", username);
        }
        ArrayNode blocks = root.putArray("blocks");

        String subject = n.subject().isBlank() ? n.kind().name() : n.subject();
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", cut(oneLine(subject), HEADER_MAX))
                .put("emoji", false);

        if (!n.body().isBlank()) {
            ObjectNode section = blocks.addObject().put("type", "section");
            section.putObject("text").put("type", "mrkdwn").put("text", cut(escape(n.body()), SECTION_TEXT_MAX));
        }

        List<Map.Entry<String, String>> facts = new ArrayList<>(n.facts().entrySet());
        for (int from = 0, sections = 0; from < facts.size() && sections < MAX_FACT_SECTIONS;
                from += FIELDS_PER_SECTION, sections++) {
            ObjectNode section = blocks.addObject().put("type", "section");
            ArrayNode fields = section.putArray("fields");
            for (Map.Entry<String, String> fact : facts.subList(from, Math.min(facts.size(), from + FIELDS_PER_SECTION))) {
                String value = fact.getValue().isEmpty() ? "-" : escape(fact.getValue());
                fields.addObject().put("type", "mrkdwn")
                        .put("text", cut("*" + escape(oneLine(fact.getKey())) + "*\n" + value, FIELD_TEXT_MAX));
            }
        }

        if (!n.attachments().isEmpty()) {
            ObjectNode context = blocks.addObject().put("type", "context");
            context.putArray("elements").addObject().put("type", "mrkdwn")
                    .put("text", cut(attachmentsLine(n.attachments()), SECTION_TEXT_MAX));
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            // an ObjectNode of strings always serializes; anything else is a Jackson bug
            throw new UncheckedIOException("could not write the Slack message as JSON", e);
        }
    }

    /** Subject, body, facts and attachment names as plain lines; what a client without blocks shows. */
    static String fallbackText(Notification n) {
        StringBuilder b = new StringBuilder(escape(n.subject()));
        if (!n.body().isBlank()) {
            b.append('\n').append(escape(n.body()));
        }
        n.facts().forEach((k, v) -> b.append('\n').append(escape(k)).append(": ").append(escape(v)));
        if (!n.attachments().isEmpty()) {
            b.append('\n').append(attachmentsLine(n.attachments()));
        }
        return cut(b.toString(), FALLBACK_MAX);
    }

    private static String attachmentsLine(List<Attachment> attachments) {
        StringBuilder b = new StringBuilder("Attachments (not posted to Slack): ");
        String sep = "";
        for (Attachment a : attachments) {
            b.append(sep).append(escape(a.fileName())).append(" (").append(size(a.size())).append(')');
            sep = ", ";
        }
        return b.toString();
    }

    private static String size(int bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        return (bytes + 512) / 1024 + " KiB";
    }

    /** Slack's mrkdwn control characters as the entities Slack documents. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /** At most {@code max} chars, ending in an ellipsis when cut; never splits a surrogate pair. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "\u2026";
    }
}
