package dev.billops.integrations.ics;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One content line as read: its name (upper case), parameters (names upper case, values without
 * quotes, first occurrence wins) and the raw, still escaped value.
 */
record RawProperty(String name, Map<String, String> parameters, String value) {

    RawProperty {
        name = name.toUpperCase(Locale.ROOT);
        parameters = Map.copyOf(parameters);
    }

    Optional<String> parameter(String parameterName) {
        return Optional.ofNullable(parameters.get(parameterName));
    }

    /** The value as TEXT: escapes ({@code \n \, \; \\}) resolved. */
    String text() {
        return unescape(value);
    }

    /** The value as a comma-separated TEXT list (CATEGORIES), each item unescaped and trimmed. */
    List<String> textList() {
        java.util.ArrayList<String> items = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
            } else if (c == ',') {
                items.add(unescape(current.toString()).trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        items.add(unescape(current.toString()).trim());
        items.removeIf(String::isEmpty);
        return items;
    }

    static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char n = raw.charAt(++i);
                b.append(n == 'n' || n == 'N' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
