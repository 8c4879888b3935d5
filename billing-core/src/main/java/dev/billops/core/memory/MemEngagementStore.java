package dev.billops.core.memory;

import dev.billops.core.engagement.Engagement;
import dev.billops.core.spi.EngagementStore;
import dev.billops.core.engagement.PricingMode;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

final class MemEngagementStore implements EngagementStore {

    private static final String KIND = "engagement";

    private final Session session;

    MemEngagementStore(Session session) {
        this.session = session;
    }

    @Override
    public void insert(Engagement engagement) {
        Objects.requireNonNull(engagement, "engagement");
        Table<EngagementId, Engagement> t = session.state().engagements;
        t.requireAbsent(engagement.id(), KIND);
        t.put(engagement);
    }

    @Override
    public Engagement update(Engagement engagement) {
        Objects.requireNonNull(engagement, "engagement");
        Table<EngagementId, Engagement> t = session.state().engagements;
        Engagement stored = t.require(engagement.id(), KIND);
        Table.requireVersion(KIND, engagement.id(), stored.version(), engagement.version());
        Engagement next = engagement.withVersion(stored.version() + 1);
        t.put(next);
        return next;
    }

    @Override
    public Optional<Engagement> find(EngagementId id) {
        Objects.requireNonNull(id, "id");
        return session.state().engagements.find(id);
    }

    /** The store's transactions run one at a time, so every row is locked already. */
    @Override
    public Optional<Engagement> lock(EngagementId id) {
        return find(id);
    }

    @Override
    public List<Engagement> listByClient(ClientId clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return session.state().engagements.list(e -> e.clientId().equals(clientId));
    }

    @Override
    public void forEachBillable(Consumer<Engagement> sink) {
        Objects.requireNonNull(sink, "sink");
        // collected first so that the sink may write to the store while we iterate
        session.state().engagements.list(e -> e.mode() == PricingMode.PACKAGE || e.mode() == PricingMode.MIXED).forEach(sink);
    }

    @Override
    public List<Engagement> list() {
        return session.state().engagements.list();
    }
}
