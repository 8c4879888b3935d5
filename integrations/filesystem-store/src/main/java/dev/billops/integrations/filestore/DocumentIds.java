package dev.billops.integrations.filestore;

import dev.billops.core.id.TenantId;
import dev.billops.spi.InvalidDocumentIdException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ids this store accepts: the shared document id rules ({@link dev.billops.spi.DocumentIds})
 * plus what file systems need. A segment may not end in a dot, be a Windows device name
 * ({@code CON}, {@code NUL}, {@code COM1}, …) or start with the store's temporary-file prefix, and
 * an id may not start with a drive letter.
 */
final class DocumentIds {

    /** Prefix of the store's temporary files; ids may not use it, listings skip it. */
    static final String TEMP_PREFIX = ".billops-tmp-";

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);
    private static final Set<String> DEVICE_NAMES = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
            "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private DocumentIds() {
    }

    /** The id's segments, or {@link InvalidDocumentIdException} saying which rule it breaks. */
    static List<String> segments(String documentId) {
        if (DRIVE.matcher(documentId).matches() && documentId.length() <= dev.billops.spi.DocumentIds.MAX_ID_LENGTH
                && documentId.indexOf('\\') < 0
                && documentId.chars().noneMatch(Character::isISOControl)) {
            throw new InvalidDocumentIdException(documentId, "starts with a drive letter");
        }
        List<String> parts = dev.billops.spi.DocumentIds.segments(documentId);
        for (String s : parts) {
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
        return parts;
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

    /** The folder of a tenant: {@link dev.billops.spi.DocumentIds#tenantFolder}. */
    static String tenantFolder(TenantId tenant) {
        return dev.billops.spi.DocumentIds.tenantFolder(tenant);
    }
}
