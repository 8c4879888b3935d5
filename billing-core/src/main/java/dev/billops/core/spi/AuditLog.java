package dev.billops.core.spi;

import dev.billops.core.audit.AuditRecord;
import java.util.List;

/** Port: the append-only audit log of the session tenant. */
public interface AuditLog {

    void append(AuditRecord record);

    /**
     * Appends {@code records} in list order, as {@link #append} appends each; a store may write
     * them together (the JDBC store: one batch).
     */
    default void appendAll(List<AuditRecord> records) {
        for (AuditRecord record : List.copyOf(records)) {
            append(record);
        }
    }

    /** Records of one entity, oldest first. */
    List<AuditRecord> history(String entityType, String entityId);
}
