package dev.billops.core;

import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ActivityId;
import dev.billops.core.project.Activity;
import dev.billops.core.spi.ActivityStore;
import dev.billops.core.internal.TenantScope;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The tenant's activities (kinds of work). Thread-safe; obtain it from {@code TenantBilling.activities()}. */
public final class Activities {

    private final TenantScope scope;

    Activities(TenantScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** Stores a new activity; a known id throws {@code DuplicateKeyException}. */
    public Activity create(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        return scope.tx(session -> {
            session.get(ActivityStore.class).insert(activity);
            scope.audit(session, "activity.create", "activity", activity.id().value(), null, activity);
            return activity;
        });
    }

    public Optional<Activity> find(ActivityId id) {
        Objects.requireNonNull(id, "id");
        return scope.tx(session -> session.get(ActivityStore.class).find(id));
    }

    /** @throws NotFoundException if there is no such activity */
    public Activity get(ActivityId id) {
        return find(id).orElseThrow(() -> new NotFoundException("activity", id.value()));
    }

    /** All activities, ordered by id. */
    public List<Activity> list() {
        return scope.tx(session -> session.get(ActivityStore.class).list());
    }
}
