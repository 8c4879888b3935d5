package dev.billops.integrations.s3store;

import dev.billops.core.id.TenantId;
import dev.billops.spi.PluginException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A stored document's bytes do not have the SHA-256 recorded when it was stored (or it has no
 * recorded SHA-256 at all): the object was changed or damaged outside the store. Not transient:
 * reading it again returns the same bytes. The document is not returned.
 */
public class DocumentChecksumMismatchException extends PluginException {

    private static final long serialVersionUID = 1L;

    private final TenantId tenant;
    private final String documentId;
    private final @Nullable String expectedSha256;
    private final String actualSha256;

    public DocumentChecksumMismatchException(String pluginId, TenantId tenant, String documentId,
            @Nullable String expectedSha256, String actualSha256) {
        super(pluginId, "document " + documentId + " of tenant " + tenant + " is corrupt: "
                + (expectedSha256 == null ? "it has no recorded SHA-256" : "SHA-256 recorded " + expectedSha256)
                + ", read " + actualSha256);
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.documentId = Objects.requireNonNull(documentId, "documentId");
        this.expectedSha256 = expectedSha256;
        this.actualSha256 = Objects.requireNonNull(actualSha256, "actualSha256");
    }

    public TenantId tenant() {
        return tenant;
    }

    public String documentId() {
        return documentId;
    }

    /** The hex SHA-256 recorded with the object, if it had one. */
    public Optional<String> expectedSha256() {
        return Optional.ofNullable(expectedSha256);
    }

    /** The hex SHA-256 of the bytes read. */
    public String actualSha256() {
        return actualSha256;
    }
}
