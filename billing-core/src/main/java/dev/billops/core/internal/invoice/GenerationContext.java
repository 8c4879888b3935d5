package dev.billops.core.internal.invoice;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.project.Activity;
import dev.billops.core.project.Project;
import dev.billops.core.internal.rate.RateResolver;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The master data invoice generation reads: the seller, the client billed, the client's projects
 * (their rounding rules and VAT rates), the names of timekeepers and activities for line
 * descriptions, and the rate rules.
 *
 * @param tenant the seller (default VAT rate)
 * @param client the client billed
 * @param projects the client's projects by id; entries on other projects are never billed
 * @param timekeepers timekeepers by id (names only; a missing one is described by its id)
 * @param activities activities by id (names only; a missing one is described by its id)
 * @param rates the rate rules
 */
public record GenerationContext(Tenant tenant, Client client, Map<ProjectId, Project> projects,
        Map<TimekeeperId, Timekeeper> timekeepers, Map<ActivityId, Activity> activities, RateResolver rates) {

    /**
     * @throws InvalidInputException if a project belongs to another client
     */
    public GenerationContext {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(rates, "rates");
        projects = Map.copyOf(Objects.requireNonNull(projects, "projects"));
        timekeepers = Map.copyOf(Objects.requireNonNull(timekeepers, "timekeepers"));
        activities = Map.copyOf(Objects.requireNonNull(activities, "activities"));
        for (Map.Entry<ProjectId, Project> p : projects.entrySet()) {
            if (!p.getKey().equals(p.getValue().id())) {
                throw new InvalidInputException("project map key " + p.getKey() + " is not the id of project "
                        + p.getValue().id());
            }
            if (!p.getValue().clientId().equals(client.id())) {
                throw new InvalidInputException("project " + p.getKey() + " belongs to client "
                        + p.getValue().clientId() + ", not to " + client.id());
            }
        }
    }

    /** A context from plain collections (each keyed by its id). */
    public static GenerationContext of(Tenant tenant, Client client, Collection<Project> projects,
            Collection<Timekeeper> timekeepers, Collection<Activity> activities, RateResolver rates) {
        Map<ProjectId, Project> ps = new HashMap<>();
        for (Project p : projects) {
            ps.put(p.id(), p);
        }
        Map<TimekeeperId, Timekeeper> ts = new HashMap<>();
        for (Timekeeper t : timekeepers) {
            ts.put(t.id(), t);
        }
        Map<ActivityId, Activity> as = new HashMap<>();
        for (Activity a : activities) {
            as.put(a.id(), a);
        }
        return new GenerationContext(tenant, client, ps, ts, as, rates);
    }
}
