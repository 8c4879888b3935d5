package dev.billops.core.bank;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A remittance text read for references: invoice numbers written with any spacing, case or
 * punctuation, and ISO 11649 references written electronically or in groups of four.
 *
 * <p>Letters and digits of the text form its <em>key</em> (upper-cased, everything else
 * dropped). A number is found where its key occurs in the text's key starting and ending at a
 * word boundary of the text, that is next to a character that is no letter or digit (or the
 * text's start or end): {@code INV-2026-0001} is found in {@code "inv 2026 0001, thanks"} but not
 * in {@code "INV-2026-00012"}. A find inside a longer find is dropped, so {@code "INV-2026-0001
 * 2"} names {@code INV-2026-00012} only when that is a number too.
 */
final class RemittanceText {

    /** Invoice numbers with fewer letters and digits are never searched for: too many false finds. */
    static final int MIN_KEY_LENGTH = 4;
    /** An RF reference printed in groups of four has at most seven groups. */
    private static final int MAX_RF_GROUPS = 7;

    private final String text;
    private final String key;
    /** Index in {@link #text} of each character of {@link #key}. */
    private final int[] positions;

    RemittanceText(String text) {
        this.text = text;
        StringBuilder k = new StringBuilder(text.length());
        int[] pos = new int[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isKeyChar(c)) {
                pos[k.length()] = i;
                k.append(Character.toUpperCase(c));
            }
        }
        this.key = k.toString();
        this.positions = java.util.Arrays.copyOf(pos, k.length());
    }

    /** The key of {@code s}: its letters and digits, upper-cased. */
    static String key(String s) {
        StringBuilder k = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isKeyChar(c)) {
                k.append(Character.toUpperCase(c));
            }
        }
        return k.toString();
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) && !Character.isSurrogate(c);
    }

    /**
     * The keys of {@code wanted} found in this text (see the class comment), in the order of the
     * text, each once.
     */
    List<String> find(Map<String, ?> wanted, int longestKey) {
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<int[]> hits = new ArrayList<>();
        for (int start = 0; start < key.length(); start++) {
            if (!boundaryBefore(start)) {
                continue;
            }
            int last = Math.min(key.length(), start + longestKey);
            for (int end = start + MIN_KEY_LENGTH; end <= last; end++) {
                if (boundaryAfter(end - 1) && wanted.containsKey(key.substring(start, end))) {
                    hits.add(new int[] {start, end});
                }
            }
        }
        Set<String> found = new LinkedHashSet<>();
        for (int[] hit : hits) {
            boolean inside = false;
            for (int[] other : hits) {
                if (other != hit && other[0] <= hit[0] && other[1] >= hit[1]
                        && other[1] - other[0] > hit[1] - hit[0]) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                found.add(key.substring(hit[0], hit[1]));
            }
        }
        return List.copyOf(found);
    }

    private boolean boundaryBefore(int k) {
        return k == 0 || positions[k] - positions[k - 1] > 1;
    }

    private boolean boundaryAfter(int k) {
        return k == key.length() - 1 || positions[k + 1] - positions[k] > 1;
    }

    /**
     * The valid ISO 11649 references in the text, in order, each once: written as one word
     * ({@code RF18539007547034}, any case) or in groups of four separated by single spaces
     * ({@code RF18 5390 0754 7034}). Of a grouped reading every prefix of two or more groups whose
     * check digits hold is returned, longest first, so that a reference followed by other short
     * words is found among them; the matcher keeps those that are an open invoice's.
     */
    List<CreditorReference> creditorReferences() {
        List<int[]> tokens = asciiWords();
        Set<CreditorReference> found = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String first = word(tokens.get(i));
            if (first.length() < 4 || !first.startsWith("RF") || !Character.isDigit(first.charAt(2))
                    || !Character.isDigit(first.charAt(3))) {
                continue;
            }
            if (first.length() > 4) {
                CreditorReference.tryParse(first).ifPresent(found::add);
                continue;
            }
            List<String> groups = new ArrayList<>();
            groups.add(first);
            int j = i;
            while (groups.size() < MAX_RF_GROUPS && groups.get(groups.size() - 1).length() == 4
                    && j + 1 < tokens.size() && tokens.get(j + 1)[0] == tokens.get(j)[1] + 1
                    && text.charAt(tokens.get(j)[1]) == ' ' && tokens.get(j + 1)[1] - tokens.get(j + 1)[0] <= 4) {
                j++;
                groups.add(word(tokens.get(j)));
            }
            for (int n = groups.size(); n >= 2; n--) {
                CreditorReference.tryParse(String.join("", groups.subList(0, n))).ifPresent(found::add);
            }
        }
        return List.copyOf(found);
    }

    private String word(int[] token) {
        return key(text.substring(token[0], token[1]));
    }

    /** Start (inclusive) and end (exclusive) of every maximal run of ASCII letters and digits. */
    private List<int[]> asciiWords() {
        List<int[]> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!isAsciiAlphanumeric(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && isAsciiAlphanumeric(text.charAt(i))) {
                i++;
            }
            words.add(new int[] {start, i});
        }
        return words;
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
