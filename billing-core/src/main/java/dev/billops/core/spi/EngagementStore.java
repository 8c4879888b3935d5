package dev.billops.core.spi;

import dev.billops.core.Engagements;
import dev.billops.core.engagement.Engagement;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port: engagements of the session tenant. {@code insert} rejects a known id with
 * {@code DuplicateKeyException}; {@code update} is optimistic on the version and returns the
 * engagement with its new version.
 */
public interface EngagementStore {

    void insert(Engagement engagement);

    Engagement update(Engagement engagement);

    Optional<Engagement> find(EngagementId id);

    /**
     * The engagement, its row locked against other writers and lockers until the session's
     * transaction ends ({@code SELECT … FOR UPDATE}): renewals, ends and the package run's
     * per-invoice transaction take it first, so they serialize per engagement. Returns the latest
     * committed state.
     */
    Optional<Engagement> lock(EngagementId id);

    List<Engagement> listByClient(ClientId clientId);

    /** Engagements with mode PACKAGE or MIXED, ordered by id, streamed. */
    void forEachBillable(Consumer<Engagement> sink);

    /** All engagements ordered by id. */
    List<Engagement> list();
}
