package dev.billops.core.project;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;
import dev.billops.core.id.ActivityId;
import java.util.Objects;

/**
 * A kind of work (development, meeting, travel); takes part in rate resolution.
 *
 * @param id activity id
 * @param name display name
 * @param billable whether time on this activity is billable by default
 */
public record Activity(ActivityId id, String name, boolean billable) {

    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Text.require("activity name", name, 1000);
        if (name.isBlank()) {
            throw new InvalidInputException("activity " + id + ": name is blank");
        }
    }

    public static Activity of(ActivityId id, String name) {
        return new Activity(id, name, true);
    }
}
