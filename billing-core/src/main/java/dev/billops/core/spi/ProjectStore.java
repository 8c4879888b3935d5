package dev.billops.core.spi;

import dev.billops.core.project.Project;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
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

    /**
     * Locks the rows of the listed projects until the transaction ends, in id order (so two
     * callers cannot deadlock); unknown ids are ignored. Drafting locks the client's projects
     * before it reads their time, and editing an entry locks its projects before it checks the
     * entry is on no draft, so the two cannot interleave. This default locks nothing, which is
     * right only for a store that runs one transaction at a time; stores with concurrent
     * transactions override it.
     */
    default void lock(Collection<ProjectId> ids) {
        Objects.requireNonNull(ids, "ids");
    }
}
