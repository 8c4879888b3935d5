package dev.billops.core.memory;

import dev.billops.core.id.ActivityId;
import dev.billops.core.project.Activity;
import dev.billops.core.spi.ActivityStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class MemActivityStore implements ActivityStore {

    private final Session session;

    MemActivityStore(Session session) {
        this.session = session;
    }

    @Override
    public void insert(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        Table<ActivityId, Activity> t = session.state().activities;
        t.requireAbsent(activity.id(), "activity");
        t.put(activity);
    }

    @Override
    public Optional<Activity> find(ActivityId id) {
        Objects.requireNonNull(id, "id");
        return session.state().activities.find(id);
    }

    @Override
    public List<Activity> list() {
        return session.state().activities.list();
    }
}
