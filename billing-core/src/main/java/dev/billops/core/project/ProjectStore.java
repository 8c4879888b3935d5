package dev.billops.core.project;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import java.util.List;
import java.util.Optional;

/**
 * Port: projects of the session tenant. {@code insert} rejects a known id with
 * {@code DuplicateKeyException}; {@code update} is optimistic on {@link Project#version()} and
 * returns the project with its new version.
 */
public interface ProjectStore {

    void insert(Project project);

    Project update(Project project);

    Optional<Project> find(ProjectId id);

    /** Projects of one client, ordered by id. */
    List<Project> listByClient(ClientId clientId);

    /** All projects ordered by id. */
    List<Project> list();
}
