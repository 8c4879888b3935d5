package dev.billops.spi;

import dev.billops.core.id.TenantId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The document ids every {@link DocumentStore} accepts, and the name a tenant's space takes in a
 * store, so that ids never leave their tenant's space whatever the store's medium.
 *
 * <p>A document id is 1–1024 characters of {@code /}-separated segments; each segment is 1–255
 * characters of {@code [A-Za-z0-9._+@=-]} and is not {@code .} or {@code ..}. Blank, absolute,
 * backslash, control-character, empty-segment and non-ASCII ids are refused with an
 * {@link InvalidDocumentIdException} naming the id and the rule. A store may add rules of its
 * medium (reserved names, key length). Stateless.
 */
public final class DocumentIds {

    /** The longest id, in characters. */
    public static final int MAX_ID_LENGTH = 1024;

    /** The longest segment, in characters. */
    public static final int MAX_SEGMENT_LENGTH = 255;

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._+@=-]+");

    private DocumentIds() {
    }

    /**
     * The segments of {@code documentId}.
     *
     * @throws InvalidDocumentIdException naming the id and the rule it breaks
     */
    public static List<String> segments(String documentId) {
        if (documentId.isBlank()) {
            throw new InvalidDocumentIdException(printable(documentId), "is blank");
        }
        if (documentId.length() > MAX_ID_LENGTH) {
            throw new InvalidDocumentIdException(printable(documentId.substring(0, 40)) + "…",
                    "is longer than " + MAX_ID_LENGTH + " characters");
        }
        for (int i = 0; i < documentId.length(); i++) {
            char c = documentId.charAt(i);
            if (c == 0) {
                throw new InvalidDocumentIdException(printable(documentId), "contains a NUL character");
            }
            if (Character.isISOControl(c)) {
                throw new InvalidDocumentIdException(printable(documentId), "contains a control character");
            }
        }
        if (documentId.indexOf('\\') >= 0) {
            throw new InvalidDocumentIdException(documentId, "contains a backslash; separate folders with '/'");
        }
        if (documentId.startsWith("/")) {
            throw new InvalidDocumentIdException(documentId, "is absolute; ids are relative to the tenant's space");
        }
        String[] parts = documentId.split("/", -1);
        for (String s : parts) {
            if (s.isEmpty()) {
                throw new InvalidDocumentIdException(documentId, "has an empty segment (a leading, trailing or double '/')");
            }
            if (s.equals(".") || s.equals("..")) {
                throw new InvalidDocumentIdException(documentId, "has a '" + s + "' segment");
            }
            if (s.length() > MAX_SEGMENT_LENGTH) {
                throw new InvalidDocumentIdException(documentId,
                        "has a segment longer than " + MAX_SEGMENT_LENGTH + " characters");
            }
            if (!SEGMENT.matcher(s).matches()) {
                throw new InvalidDocumentIdException(documentId,
                        "has a character outside letters, digits and '.', '_', '+', '@', '=', '-' in segment '" + s + "'");
            }
        }
        return List.of(parts);
    }

    /**
     * The name of {@code tenant}'s space: {@code t-} followed by the id with every character
     * outside {@code [a-z0-9-]} written as {@code _xx} (its hex code). Injective, never {@code .}
     * or {@code ..}, and distinct for ids that differ only in case, so that case-insensitive file
     * systems keep tenants apart too.
     */
    public static String tenantFolder(TenantId tenant) {
        String id = tenant.value();
        StringBuilder b = new StringBuilder("t-");
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
                b.append(c);
            } else {
                b.append('_').append(String.format(Locale.ROOT, "%02x", (int) c));
            }
        }
        return b.toString();
    }

    /** {@code s} with control characters written as {@code \\uXXXX}, for messages. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
