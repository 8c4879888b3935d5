package dev.billops.spi;

import dev.billops.core.id.TenantId;
import java.util.Objects;

/**
 * A document kept by a {@link DocumentStore}.
 *
 * @param tenant whose document it is
 * @param documentId the id it was stored under, e.g. {@code invoices/INV-2026-00042.pdf}
 * @param contentType its MIME type
 * @param size its length in bytes
 * @param sha256 the hex SHA-256 of its content
 * @param location where the store keeps it (a path or URI), for operators
 */
public record StoredDocument(TenantId tenant, String documentId, String contentType, long size, String sha256,
        String location) {

    public StoredDocument {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(location, "location");
    }
}
