package dev.billops.integrations.filestore;

import dev.billops.core.id.TenantId;
import dev.billops.spi.InvalidDocumentIdException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules that keep ids inside a tenant's folder: which document ids are accepted, and how a
 * tenant id becomes a folder name.
 *
 * <p>A document id is 1–1024 characters of {@code /}-separated segments; each segment is 1–255
 * characters of {@code [A-Za-z0-9._+@=-]}, is not {@code .} or {@code ..}, does not end in a
 * dot, is not a Windows device name ({@code CON}, {@code NUL}, {@code COM1}, …) and does not
 * start with the store's temporary-file prefix. Everything else (blank, absolute, backslashes,
 * NUL and other control characters, drive letters, empty segments, non-ASCII) is rejected with a
 * message that names the id and the rule.
 */
final class DocumentIds {

    /** Prefix of the store's temporary files; ids may not use it, listings skip it. */
    static final String TEMP_PREFIX = ".billops-tmp-";

    private static final int MAX_ID_LENGTH = 1024;
    private static final int MAX_SEGMENT_LENGTH = 255;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._+@=-]+");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);
    private static final Set<String> DEVICE_NAMES = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
            "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private DocumentIds() {
    }

    /** The id's segments, or {@link InvalidDocumentIdException} saying which rule it breaks. */
    static List<String> segments(String documentId) {
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
        if (DRIVE.matcher(documentId).matches()) {
            throw new InvalidDocumentIdException(documentId, "starts with a drive letter");
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
                throw new InvalidDocumentIdException(documentId, "has a segment longer than " + MAX_SEGMENT_LENGTH + " characters");
            }
            if (!SEGMENT.matcher(s).matches()) {
                throw new InvalidDocumentIdException(documentId,
                        "has a character outside letters, digits and '.', '_', '+', '@', '=', '-' in segment '" + s + "'");
            }
            if (s.endsWith(".")) {
                throw new InvalidDocumentIdException(documentId, "has a segment ending in '.' ('" + s + "')");
            }
            if (s.startsWith(TEMP_PREFIX)) {
                throw new InvalidDocumentIdException(documentId, "uses the reserved prefix '" + TEMP_PREFIX + "'");
            }
            int dot = s.indexOf('.');
            if (DEVICE_NAMES.contains((dot < 0 ? s : s.substring(0, dot)).toUpperCase(Locale.ROOT))) {
                throw new InvalidDocumentIdException(documentId, "has a Windows device name as a segment ('" + s + "')");
            }
        }
        return List.of(parts);
    }

    /** Whether {@code documentId} is acceptable (used to skip foreign files in listings). */
    static boolean isValid(String documentId) {
        try {
            segments(documentId);
            return true;
        } catch (InvalidDocumentIdException e) {
            return false;
        }
    }

    /**
     * The folder name of a tenant: {@code t-} followed by the id with every character outside
     * {@code [a-z0-9-]} written as {@code _xx} (its hex code). Injective, never {@code .} or
     * {@code ..}, and distinct for ids that differ only in case, so that case-insensitive file
     * systems keep tenants apart too.
     */
    static String tenantFolder(TenantId tenant) {
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

    private static String printable(String s) {
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
