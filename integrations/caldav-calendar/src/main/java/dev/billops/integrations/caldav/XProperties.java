package dev.billops.integrations.caldav;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads the value of a simple property (one without escapes, such as the X-BILLOPS ids) from
 * iCalendar text, after unfolding (RFC 5545 section 3.1). The first occurrence wins.
 */
final class XProperties {

    private XProperties() {
    }

    static Optional<String> value(String ics, String name) {
        String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "").replace("\n ", "").replace("\n\t", "");
        String upper = name.toUpperCase(Locale.ROOT);
        for (String line : unfolded.split("\r?\n")) {
            if (line.length() > upper.length() && line.regionMatches(true, 0, upper, 0, upper.length())) {
                char next = line.charAt(upper.length());
                if (next == ':' || next == ';') {
                    int colon = line.indexOf(':', upper.length());
                    if (colon >= 0) {
                        return Optional.of(line.substring(colon + 1).trim());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
