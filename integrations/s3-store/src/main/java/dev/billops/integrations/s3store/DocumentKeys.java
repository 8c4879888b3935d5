package dev.billops.integrations.s3store;

import dev.billops.core.id.TenantId;
import dev.billops.spi.DocumentIds;
import dev.billops.spi.InvalidDocumentIdException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules that keep every object key inside its tenant's part of the bucket.
 *
 * <p>A key is {@code [<prefix>/]<tenant folder>/<document id>}. The tenant folder is {@code t-}
 * and the tenant id with every character outside {@code [a-z0-9-]} written as {@code _xx} (its
 * hex code): injective, never {@code .} or {@code ..}, distinct for ids that differ only in case
 * ({@link DocumentIds#tenantFolder}, the folder name the file-system store uses). Document ids
 * follow {@link DocumentIds}; an id that would make the key longer than S3's 1,024 bytes is
 * refused too. Immutable.
 */
final class DocumentKeys {

    /** S3's limit on the length of a key, in UTF-8 bytes. */
    static final int MAX_KEY_BYTES = 1024;

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
        DocumentIds.segments(documentId);
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
        return DocumentIds.tenantFolder(tenant);
    }
}
