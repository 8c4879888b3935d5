package dev.billops.spi;

import dev.billops.core.id.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Keeps rendered documents (invoice and credit-note PDFs) per tenant.
 *
 * <p>Document ids are relative, slash-separated names such as {@code invoices/INV-2026-1.pdf};
 * ids that could escape the tenant's space throw {@link InvalidDocumentIdException}. A tenant
 * never sees another tenant's documents. Writes are atomic: a reader sees the old content or
 * the new, never a part.
 */
public interface DocumentStore extends BillingPlugin {

    /** Stores {@code content} under {@code documentId}, replacing what was there. */
    StoredDocument put(TenantId tenant, String documentId, String contentType, byte[] content);

    /** The content stored under {@code documentId}, if any. */
    Optional<byte[]> get(TenantId tenant, String documentId);

    /** Removes the document; false if there was none. */
    boolean delete(TenantId tenant, String documentId);

    /** The ids of the tenant's documents under {@code prefix} (empty for all), sorted. */
    List<String> list(TenantId tenant, String prefix);
}
