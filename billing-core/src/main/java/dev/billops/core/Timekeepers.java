package dev.billops.core;

import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.spi.TimekeeperStore;
import dev.billops.core.internal.TenantScope;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The tenant's timekeepers. Thread-safe; obtain it from {@code TenantBilling.timekeepers()}. */
public final class Timekeepers {

    private final TenantScope scope;

    Timekeepers(TenantScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** Stores a new timekeeper; a known id throws {@code DuplicateKeyException}. */
    public Timekeeper create(Timekeeper timekeeper) {
        Objects.requireNonNull(timekeeper, "timekeeper");
        return scope.tx(session -> {
            session.get(TimekeeperStore.class).insert(timekeeper);
            scope.audit(session, "timekeeper.create", "timekeeper", timekeeper.id().value(), null, timekeeper);
            return timekeeper;
        });
    }

    /** Stores a new active timekeeper {@code name} ({@link Timekeeper#of}). */
    public Timekeeper create(String name) {
        return create(Timekeeper.of(name));
    }

    /**
     * Replaces a timekeeper (e.g. to deactivate one: inactive timekeepers log no new time).
     *
     * @throws NotFoundException if no timekeeper has its id
     */
    public Timekeeper update(Timekeeper timekeeper) {
        Objects.requireNonNull(timekeeper, "timekeeper");
        return scope.tx(session -> {
            TimekeeperStore store = session.get(TimekeeperStore.class);
            Timekeeper before = store.find(timekeeper.id())
                    .orElseThrow(() -> new NotFoundException("timekeeper", timekeeper.id().value()));
            store.update(timekeeper);
            scope.audit(session, "timekeeper.update", "timekeeper", timekeeper.id().value(), before, timekeeper);
            return timekeeper;
        });
    }

    public Optional<Timekeeper> find(TimekeeperId id) {
        Objects.requireNonNull(id, "id");
        return scope.tx(session -> session.get(TimekeeperStore.class).find(id));
    }

    /** @throws NotFoundException if there is no such timekeeper */
    public Timekeeper get(TimekeeperId id) {
        return find(id).orElseThrow(() -> new NotFoundException("timekeeper", id.value()));
    }

    /** All timekeepers, ordered by id. */
    public List<Timekeeper> list() {
        return scope.tx(session -> session.get(TimekeeperStore.class).list());
    }
}
