package dev.billops.core.rate;

import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimekeeperId;
import org.jspecify.annotations.Nullable;

/**
 * Which work a rate rule applies to: any combination of client, project, timekeeper and
 * activity; a null component matches anything. All null is the tenant-wide default rate.
 */
public record RateScope(
        @Nullable ClientId clientId,
        @Nullable ProjectId projectId,
        @Nullable TimekeeperId timekeeperId,
        @Nullable ActivityId activityId) {

    public static RateScope any() {
        return new RateScope(null, null, null, null);
    }

    public static RateScope client(ClientId id) {
        return new RateScope(id, null, null, null);
    }

    public static RateScope project(ProjectId id) {
        return new RateScope(null, id, null, null);
    }

    public RateScope withTimekeeper(@Nullable TimekeeperId id) {
        return new RateScope(clientId, projectId, id, activityId);
    }

    public RateScope withActivity(@Nullable ActivityId id) {
        return new RateScope(clientId, projectId, timekeeperId, id);
    }
}
