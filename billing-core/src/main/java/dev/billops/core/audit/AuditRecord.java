package dev.billops.core.audit;

import dev.billops.core.error.Text;
import dev.billops.core.party.Actor;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit log: who did what to which entity, when, with the state before and
 * after (domain values; stores serialize them as JSON).
 *
 * @param at when
 * @param actor who
 * @param action what, e.g. {@code "invoice.issue"}
 * @param entityType e.g. {@code "invoice"}
 * @param entityId the entity's id
 * @param before state before, or null for a creation
 * @param after state after, or null for a deletion
 */
public record AuditRecord(Instant at, Actor actor, String action, String entityType, String entityId,
        @Nullable Object before, @Nullable Object after) {

    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Text.require("audit action", action, 200);
        Text.require("audit entity type", entityType, 200);
        Text.require("audit entity id", entityId, 200);
    }
}
