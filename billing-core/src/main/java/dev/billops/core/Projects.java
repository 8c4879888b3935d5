package dev.billops.core;

import dev.billops.core.project.ProjectMovedException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.party.Client;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.project.Project;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.internal.TenantScope;
import dev.billops.core.event.ProjectClosed;
import dev.billops.core.event.ProjectCreated;
import dev.billops.core.event.ProjectUpdated;
import dev.billops.core.id.EventId;
import dev.billops.core.project.ProjectStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenant's projects. Before writing: the client must exist ({@link NotFoundException}) and a
 * money budget must be in the client's currency ({@link CurrencyMismatchException}); a project
 * never moves to another client ({@link ProjectMovedException}). Thread-safe; obtain it from
 * {@code TenantBilling.projects()}.
 */
public final class Projects {

    private final TenantScope scope;

    Projects(TenantScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** Stores a new project; a known id throws {@code DuplicateKeyException}. */
    public Project create(Project project) {
        Objects.requireNonNull(project, "project");
        return scope.tx(session -> {
            check(session, project);
            ProjectStore store = session.get(ProjectStore.class);
            store.insert(project);
            Project stored = store.find(project.id()).orElse(project);
            scope.audit(session, "project.create", "project", project.id().value(), null, stored);
            scope.publish(session, new ProjectCreated(EventId.generate(), scope.clock().instant(), stored.id(),
                    stored.clientId(), stored.name()));
            return stored;
        });
    }

    /** Stores a new project {@code name} of {@code client} with default settings ({@link Project#of}). */
    public Project create(ClientId client, String name) {
        return create(Project.of(client, name));
    }

    /**
     * Replaces a project (optimistic on its version); returns it with its new version. Changing
     * its rounding or VAT rate affects invoices generated from then on, never issued ones.
     *
     * @throws NotFoundException if no project has its id
     * @throws ProjectMovedException if it names another client than the stored project
     */
    public Project update(Project project) {
        Objects.requireNonNull(project, "project");
        return scope.tx(session -> {
            ProjectStore store = session.get(ProjectStore.class);
            Project before = store.find(project.id())
                    .orElseThrow(() -> new NotFoundException("project", project.id().value()));
            if (!before.clientId().equals(project.clientId())) {
                throw new ProjectMovedException(project.id(), before.clientId(), project.clientId());
            }
            check(session, project);
            Project after = store.update(project);
            scope.audit(session, "project.update", "project", project.id().value(), before, after);
            scope.publish(session, new ProjectUpdated(EventId.generate(), scope.clock().instant(), after.id(),
                    after.clientId(), after.status()));
            if (isOpen(before.status()) && !isOpen(after.status())) {
                scope.publish(session, new ProjectClosed(EventId.generate(), scope.clock().instant(), after.id(),
                        after.clientId(), after.status()));
            }
            return after;
        });
    }

    private static boolean isOpen(ProjectStatus status) {
        return status == ProjectStatus.ACTIVE || status == ProjectStatus.ON_HOLD;
    }

    private static void check(StoreSession session, Project project) {
        Client client = session.get(ClientStore.class).find(project.clientId())
                .orElseThrow(() -> new NotFoundException("client", project.clientId().value()));
        if (project.budget() != null && project.budget().amount() != null) {
            String expected = client.currency().getCurrencyCode();
            String actual = project.budget().amount().currencyCode();
            if (!expected.equals(actual)) {
                throw new CurrencyMismatchException(expected, actual, "budget of project " + project.id());
            }
        }
    }

    public Optional<Project> find(ProjectId id) {
        Objects.requireNonNull(id, "id");
        return scope.tx(session -> session.get(ProjectStore.class).find(id));
    }

    /** @throws NotFoundException if there is no such project */
    public Project get(ProjectId id) {
        return find(id).orElseThrow(() -> new NotFoundException("project", id.value()));
    }

    /** Projects of one client, ordered by id. */
    public List<Project> listByClient(ClientId client) {
        Objects.requireNonNull(client, "client");
        return scope.tx(session -> session.get(ProjectStore.class).listByClient(client));
    }

    /** All projects, ordered by id. */
    public List<Project> list() {
        return scope.tx(session -> session.get(ProjectStore.class).list());
    }
}
