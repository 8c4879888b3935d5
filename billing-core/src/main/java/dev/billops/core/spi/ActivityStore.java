package dev.billops.core.spi;

import dev.billops.core.project.Activity;
import dev.billops.core.id.ActivityId;
import java.util.List;
import java.util.Optional;

/** Port: activities of the session tenant. {@code insert} rejects a known id with {@code DuplicateKeyException}. */
public interface ActivityStore {

    void insert(Activity activity);

    Optional<Activity> find(ActivityId id);

    /** All activities ordered by id. */
    List<Activity> list();
}
