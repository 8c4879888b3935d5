package dev.billops.core.audit;

import java.util.List;

/** Port: the append-only audit log of the session tenant. */
public interface AuditLog {

    void append(AuditRecord record);

    /** Records of one entity, oldest first. */
    List<AuditRecord> history(String entityType, String entityId);
}
