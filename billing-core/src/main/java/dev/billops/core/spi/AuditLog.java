package dev.billops.core.spi;

import dev.billops.core.audit.AuditRecord;
import java.util.List;

/** Port: the append-only audit log of the session tenant. */
public interface AuditLog {

    void append(AuditRecord record);

    /** Records of one entity, oldest first. */
    List<AuditRecord> history(String entityType, String entityId);
}
