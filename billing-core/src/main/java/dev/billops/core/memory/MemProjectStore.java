package dev.billops.core.memory;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.project.Project;
import dev.billops.core.spi.ProjectStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class MemProjectStore implements ProjectStore {

    private static final String KIND = "project";

    private final Session session;

    MemProjectStore(Session session) {
        this.session = session;
    }

    @Override
    public void insert(Project project) {
        Objects.requireNonNull(project, "project");
        Table<ProjectId, Project> t = session.state().projects;
        t.requireAbsent(project.id(), KIND);
        t.put(project);
    }

    @Override
    public Project update(Project project) {
        Objects.requireNonNull(project, "project");
        Table<ProjectId, Project> t = session.state().projects;
        Project stored = t.require(project.id(), KIND);
        Table.requireVersion(KIND, project.id(), stored.version(), project.version());
        Project next = project.withVersion(stored.version() + 1);
        t.put(next);
        return next;
    }

    @Override
    public Optional<Project> find(ProjectId id) {
        Objects.requireNonNull(id, "id");
        return session.state().projects.find(id);
    }

    @Override
    public List<Project> listByClient(ClientId clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return session.state().projects.list(p -> p.clientId().equals(clientId));
    }

    @Override
    public List<Project> list() {
        return session.state().projects.list();
    }
}
