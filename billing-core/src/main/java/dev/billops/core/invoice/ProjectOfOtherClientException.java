package dev.billops.core.invoice;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import java.util.Objects;

/** A project was named for a client's invoice but belongs to another client. Nothing was stored. */
public final class ProjectOfOtherClientException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final ProjectId projectId;
    private final ClientId clientId;
    private final ClientId ownerId;

    public ProjectOfOtherClientException(ProjectId projectId, ClientId clientId, ClientId ownerId) {
        super("project " + Objects.requireNonNull(projectId, "projectId") + " belongs to client " + ownerId
                + ", not to client " + clientId);
        this.projectId = projectId;
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
    }

    public ProjectId projectId() {
        return projectId;
    }

    /** The client the invoice was for. */
    public ClientId clientId() {
        return clientId;
    }

    /** The client the project belongs to. */
    public ClientId ownerId() {
        return ownerId;
    }
}
