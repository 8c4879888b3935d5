package dev.billops.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits a migration script into statements at semicolons that are not inside a quoted string,
 * a quoted identifier, a comment or a PostgreSQL dollar-quoted body. Comment-only pieces are
 * dropped.
 */
public final class SqlScript {

    private SqlScript() {
    }

    public static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean meaningful = false;
        int n = script.length();
        int i = 0;
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(script, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                current.append(script, i, end);
                i = end;
            } else if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < n) {
                    if (script.charAt(end) == c) {
                        if (end + 1 < n && script.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(n, end + 1);
                current.append(script, i, end);
                meaningful = true;
                i = end;
            } else if (c == '$' && dollarTag(script, i) != null) {
                String tag = dollarTag(script, i);
                int end = script.indexOf(tag, i + tag.length());
                end = end < 0 ? n : end + tag.length();
                current.append(script, i, end);
                meaningful = true;
                i = end;
            } else if (c == ';') {
                if (meaningful) {
                    out.add(current.toString().trim());
                }
                current.setLength(0);
                meaningful = false;
                i++;
            } else {
                if (!Character.isWhitespace(c)) {
                    meaningful = true;
                }
                current.append(c);
                i++;
            }
        }
        if (meaningful) {
            out.add(current.toString().trim());
        }
        return out;
    }

    /** The dollar-quote tag starting at {@code at} ({@code $$} or {@code $name$}), or null. */
    private static @Nullable String dollarTag(String s, int at) {
        int i = at + 1;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '$' && (i == at + 1 || !Character.isDigit(s.charAt(at + 1)))) {
            return s.substring(at, i + 1);
        }
        return null;
    }
}
