package dev.billops.integrations.s3store;

import dev.billops.core.id.TenantId;
import dev.billops.spi.InvalidDocumentIdException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules that keep every object key inside its tenant's part of the bucket.
 *
 * <p>A key is {@code [<prefix>/]<tenant folder>/<document id>}. The tenant folder is {@code t-}
 * and the tenant id with every character outside {@code [a-z0-9-]} written as {@code _xx} (its
 * hex code): injective, never {@code .} or {@code ..}, distinct for ids that differ only in case
 * (the same folder name the file-system store uses). A document id is {@code /}-separated
 * segments of {@code [A-Za-z0-9._+@=-]}, 1–255 characters each, none {@code .} or {@code ..};
 * anything else (blank, absolute, backslashes, control characters, empty segments, non-ASCII)
 * is refused with an {@link InvalidDocumentIdException} naming the id and the rule, as is an id
 * that would make the key longer than S3's 1,024 bytes. Immutable.
 */
final class DocumentKeys {

    /** S3's limit on the length of a key, in UTF-8 bytes. */
    static final int MAX_KEY_BYTES = 1024;

    private static final int MAX_SEGMENT_LENGTH = 255;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._+@=-]+");
    private static final Pattern PREFIX_CHARS = Pattern.compile("[A-Za-z0-9._+@=/-]*");

    private final String root;

    private DocumentKeys(String root) {
        this.root = root;
    }

    /**
     * The keys under {@code prefix} (blank for the bucket's top level); the prefix follows the
     * document id rules, so it too names no {@code ..} and no empty segment.
     */
    static DocumentKeys under(String prefix) {
        String p = prefix.strip();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.isEmpty()) {
            checkId(p);
        }
        return new DocumentKeys(p.isEmpty() ? "" : p + "/");
    }

    /** The key prefix shared by all tenants, empty or ending in {@code /}. */
    String root() {
        return root;
    }

    /** The key prefix of {@code tenant}'s documents, ending in {@code /}. */
    String tenantRoot(TenantId tenant) {
        return root + tenantFolder(tenant) + "/";
    }

    /** The key of a document, after checking its id. */
    String key(TenantId tenant, String documentId) {
        checkId(documentId);
        String key = tenantRoot(tenant) + documentId;
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            throw new InvalidDocumentIdException(documentId.substring(0, Math.min(40, documentId.length())) + "…",
                    "makes a key of " + bytes + " bytes; S3 keys have at most " + MAX_KEY_BYTES);
        }
        return key;
    }

    /**
     * The key prefix to list for the ids starting with {@code idPrefix}, or empty when no valid
     * id can start with it (it has characters no id has, starts with {@code /}, or has an empty,
     * {@code .} or {@code ..} segment before its last {@code /}).
     */
    Optional<String> listPrefix(TenantId tenant, String idPrefix) {
        if (!PREFIX_CHARS.matcher(idPrefix).matches() || idPrefix.startsWith("/")) {
            return Optional.empty();
        }
        int lastSlash = idPrefix.lastIndexOf('/');
        if (lastSlash >= 0) {
            for (String s : idPrefix.substring(0, lastSlash).split("/", -1)) {
                if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(tenantRoot(tenant) + idPrefix);
    }

    /** The document id of {@code key} if it is one of {@code tenant}'s and a valid id, else empty. */
    Optional<String> documentId(TenantId tenant, String key) {
        String tenantRoot = tenantRoot(tenant);
        if (!key.startsWith(tenantRoot)) {
            return Optional.empty();
        }
        String id = key.substring(tenantRoot.length());
        return isValid(id) ? Optional.of(id) : Optional.empty();
    }

    /** Throws {@link InvalidDocumentIdException} saying which rule {@code documentId} breaks. */
    static void checkId(String documentId) {
        if (documentId.isBlank()) {
            throw new InvalidDocumentIdException(printable(documentId), "is blank");
        }
        if (documentId.length() > MAX_KEY_BYTES) {
            throw new InvalidDocumentIdException(printable(documentId.substring(0, 40)) + "…",
                    "is longer than " + MAX_KEY_BYTES + " characters");
        }
        for (int i = 0; i < documentId.length(); i++) {
            if (Character.isISOControl(documentId.charAt(i))) {
                throw new InvalidDocumentIdException(printable(documentId), "contains a control character");
            }
        }
        if (documentId.indexOf('\\') >= 0) {
            throw new InvalidDocumentIdException(documentId, "contains a backslash; separate folders with '/'");
        }
        if (documentId.startsWith("/")) {
            throw new InvalidDocumentIdException(documentId, "is absolute; ids are relative to the tenant's space");
        }
        for (String s : documentId.split("/", -1)) {
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
    }

    static boolean isValid(String documentId) {
        try {
            checkId(documentId);
            return true;
        } catch (InvalidDocumentIdException e) {
            return false;
        }
    }

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
