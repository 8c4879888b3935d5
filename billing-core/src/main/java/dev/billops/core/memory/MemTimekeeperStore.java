package dev.billops.core.memory;

import dev.billops.core.id.TimekeeperId;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.spi.TimekeeperStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class MemTimekeeperStore implements TimekeeperStore {

    private static final String KIND = "timekeeper";

    private final Session session;

    MemTimekeeperStore(Session session) {
        this.session = session;
    }

    @Override
    public void insert(Timekeeper timekeeper) {
        Objects.requireNonNull(timekeeper, "timekeeper");
        Table<TimekeeperId, Timekeeper> t = session.state().timekeepers;
        t.requireAbsent(timekeeper.id(), KIND);
        t.put(timekeeper);
    }

    @Override
    public void update(Timekeeper timekeeper) {
        Objects.requireNonNull(timekeeper, "timekeeper");
        Table<TimekeeperId, Timekeeper> t = session.state().timekeepers;
        t.require(timekeeper.id(), KIND);
        t.put(timekeeper);
    }

    @Override
    public Optional<Timekeeper> find(TimekeeperId id) {
        Objects.requireNonNull(id, "id");
        return session.state().timekeepers.find(id);
    }

    @Override
    public List<Timekeeper> list() {
        return session.state().timekeepers.list();
    }
}
