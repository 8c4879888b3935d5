package dev.billops.einvoice.model;

import org.jspecify.annotations.Nullable;

/**
 * An item classification (BT-158), e.g. a CPV or UNSPSC code.
 *
 * @param code the classification code
 * @param listId the scheme (UNTDID 7143), e.g. {@code "STI"} for CPV
 * @param listVersion the scheme version, or null
 */
public record ItemClassification(String code, String listId, @Nullable String listVersion) {

    public ItemClassification {
        code = Checks.text("item classification code", code);
        listId = Checks.text("item classification scheme", listId);
        listVersion = Checks.optional("item classification scheme version", listVersion);
    }
}
