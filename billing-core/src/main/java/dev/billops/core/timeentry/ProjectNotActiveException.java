package dev.billops.core.timeentry;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ProjectId;
import dev.billops.core.project.ProjectStatus;

/** Time was logged on a project that is not ACTIVE (on hold, completed or archived). Nothing was stored. */
public final class ProjectNotActiveException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final ProjectId projectId;
    private final ProjectStatus status;

    public ProjectNotActiveException(ProjectId projectId, ProjectStatus status) {
        super("project " + projectId + " is " + status + " and accepts no new time");
        this.projectId = projectId;
        this.status = status;
    }

    public ProjectId projectId() {
        return projectId;
    }

    public ProjectStatus status() {
        return status;
    }
}
