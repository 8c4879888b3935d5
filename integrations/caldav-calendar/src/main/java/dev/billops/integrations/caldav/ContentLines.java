package dev.billops.integrations.caldav;

import java.util.ArrayList;
import java.util.List;

/**
 * iCalendar content lines (RFC 5545 section 3.1) as they are written: TEXT values escaped
 * (section 3.3.11), lines folded at 75 octets of UTF-8 without splitting a character, CRLF line
 * ends. Not thread-safe.
 */
final class ContentLines {

    static final int MAX_OCTETS = 75;

    private final List<String> lines = new ArrayList<>();

    /** Adds {@code NAME:value} (value written as is). */
    ContentLines add(String name, String value) {
        lines.add(name + ":" + value);
        return this;
    }

    /** Adds {@code NAME;PARAM=value:value}, the parameter value quoted when it needs to be. */
    ContentLines add(String name, String param, String paramValue, String value) {
        lines.add(name + ";" + param + "=" + paramValue(paramValue) + ":" + value);
        return this;
    }

    /** Adds a TEXT property, its value escaped. */
    ContentLines text(String name, String value) {
        return add(name, escape(value));
    }

    /** The unfolded lines, in order. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** The lines folded, each ended by CRLF. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            fold(line, out);
        }
        return out.toString();
    }

    /** Escapes a TEXT value: backslash, semicolon, comma and line breaks; other control characters become spaces. */
    static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> {
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                    b.append("\\n");
                }
                case '\t' -> b.append('\t');
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        b.append(' ');
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        b.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A parameter value, in double quotes if it has a colon, semicolon or comma; quotes and controls dropped. */
    static String paramValue(String value) {
        String clean = value.replaceAll("[\"\\p{Cntrl}]", "");
        return clean.matches(".*[:;,].*") ? "\"" + clean + "\"" : clean;
    }

    /** Appends {@code line} folded into pieces of at most 75 octets, continuation lines starting with a space. */
    static void fold(String line, StringBuilder out) {
        int octets = 0;
        int i = 0;
        while (i < line.length()) {
            int cp = line.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
