package dev.billops.core.spi;

import dev.billops.core.Engagements;
import dev.billops.core.engagement.Engagement;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

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

    /**
     * Claims what it can of {@code ids} for this transaction: locks, as {@link #lock} does, those
     * whose row no other transaction holds, skips the others without waiting
     * ({@code SELECT … FOR UPDATE SKIP LOCKED}), and returns the locked ones (unknown ids are left
     * out). Workers of one package run split engagements this way instead of queueing for the same
     * rows. By default each is {@linkplain #lock locked}, waiting if needed (right for a store whose
     * transactions run one at a time).
     */
    default List<Engagement> claim(List<EngagementId> ids) {
        List<Engagement> out = new ArrayList<>(ids.size());
        for (EngagementId id : ids) {
            lock(id).ifPresent(out::add);
        }
        return out;
    }

    /** A package period that has an invoice: the engagement, the period's first day, and the invoice's number (null for a draft). */
    record InvoicedPeriod(EngagementId engagement, LocalDate periodStart, @Nullable String number) {

        public InvoicedPeriod {
            Objects.requireNonNull(engagement, "engagement");
            Objects.requireNonNull(periodStart, "periodStart");
        }
    }

    /**
     * Every package period of the engagements {@code ids} that has an invoice, read in bulk (the
     * package run's plan and its chunks ask this instead of one
     * {@code InvoiceStore.findByEngagementPeriod} per period). Empty if the store cannot answer in
     * bulk, which is the default: callers then ask the invoice store period by period.
     */
    default Optional<List<InvoicedPeriod>> invoicedPeriods(List<EngagementId> ids) {
        return Optional.empty();
    }

    List<Engagement> listByClient(ClientId clientId);

    /** Engagements with mode PACKAGE or MIXED, ordered by id, streamed. */
    void forEachBillable(Consumer<Engagement> sink);

    /** All engagements ordered by id. */
    List<Engagement> list();
}
