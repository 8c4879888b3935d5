package dev.billops.core.project;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import java.util.Objects;

/**
 * An update would move a project to another client. Its time and invoices belong to the first
 * client, so this is refused; create a new project instead. Nothing was stored.
 */
public final class ProjectMovedException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final ProjectId projectId;
    private final ClientId from;
    private final ClientId to;

    public ProjectMovedException(ProjectId projectId, ClientId from, ClientId to) {
        super("project " + Objects.requireNonNull(projectId, "projectId") + " belongs to client " + from
                + " and cannot move to client " + to);
        this.projectId = projectId;
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
    }

    public ProjectId projectId() {
        return projectId;
    }

    /** The client it belongs to. */
    public ClientId from() {
        return from;
    }

    /** The client the update named. */
    public ClientId to() {
        return to;
    }
}
