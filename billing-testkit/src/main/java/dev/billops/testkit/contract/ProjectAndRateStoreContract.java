package dev.billops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.project.Project;
import dev.billops.core.project.ProjectStatus;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.rate.RateRule;
import dev.billops.core.spi.RateRuleStore;
import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.testkit.gen.DomainGens;
import dev.billops.testkit.gen.MoneyGens;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link ProjectStore} and {@link RateRuleStore}: round trips, duplicates,
 * optimistic locking of projects, replacing and deleting rules, orderings. See
 * {@link StoreContract} for how to run it.
 */
public abstract class ProjectAndRateStoreContract extends StoreContract {

    private static final ClientId CLIENT = ClientId.of("client-1");

    @Test
    void projectInsert_richAndSparse_roundTripEveryField() {
        Project rich = Fixtures.richProject(ProjectId.of("p-rich"), CLIENT, "Zoë's \"Web\" 😀 '; DROP TABLE x; --");
        Project sparse = Fixtures.sparseProject(ProjectId.of("p-sparse"), CLIENT);
        run(s -> {
            s.get(ProjectStore.class).insert(rich);
            s.get(ProjectStore.class).insert(sparse);
        });
        assertEquals(Optional.of(rich), tx(s -> s.get(ProjectStore.class).find(rich.id())));
        assertEquals(Optional.of(sparse), tx(s -> s.get(ProjectStore.class).find(sparse.id())));
    }

    @Test
    void projectInsert_generatedProjects_roundTrip() {
        Gen<Project> projects = MoneyGens.currencies().flatMap(c -> DomainGens.projects(CLIENT, c));
        Property.forAll(projects).tries(40).verify(p -> {
            dev.billops.core.id.TenantId fresh = dev.billops.core.id.TenantId.generate();
            run(fresh, s -> s.get(ProjectStore.class).insert(p));
            assertEquals(Optional.of(p), tx(fresh, s -> s.get(ProjectStore.class).find(p.id())));
        });
    }

    @Test
    void projectInsert_knownId_throwsDuplicateKey() {
        Project p = Fixtures.sparseProject(ProjectId.of("p"), CLIENT);
        run(s -> s.get(ProjectStore.class).insert(p));
        assertFailsStoringNothing(DuplicateKeyException.class, () -> run(s -> s.get(ProjectStore.class).insert(
                Fixtures.richProject(p.id(), CLIENT, "x"))));
    }

    @Test
    void projectUpdate_currentVersion_bumpsVersion_staleVersion_throwsConcurrentUpdate() {
        Project p = Fixtures.sparseProject(ProjectId.of("p"), CLIENT);
        run(s -> s.get(ProjectStore.class).insert(p));
        Project done = tx(s -> s.get(ProjectStore.class).update(p.withStatus(ProjectStatus.COMPLETED)));
        assertEquals(p.withStatus(ProjectStatus.COMPLETED).withVersion(p.version() + 1), done);
        assertEquals(Optional.of(done), tx(s -> s.get(ProjectStore.class).find(p.id())));
        assertFailsStoringNothing(ConcurrentUpdateException.class,
                () -> run(s -> s.get(ProjectStore.class).update(p.withStatus(ProjectStatus.ARCHIVED))));
        assertFailsStoringNothing(NotFoundException.class, () -> run(s -> s.get(ProjectStore.class).update(
                Fixtures.sparseProject(ProjectId.of("ghost"), CLIENT))));
    }

    @Test
    void projectListByClient_onlyThatClientInIdOrder() {
        ClientId other = ClientId.of("client-2");
        run(s -> {
            ProjectStore projects = s.get(ProjectStore.class);
            projects.insert(Fixtures.sparseProject(ProjectId.of("p-3"), CLIENT));
            projects.insert(Fixtures.sparseProject(ProjectId.of("p-1"), other));
            projects.insert(Fixtures.sparseProject(ProjectId.of("p-2"), CLIENT));
        });
        assertEquals(List.of("p-2", "p-3"), tx(s -> s.get(ProjectStore.class).listByClient(CLIENT)).stream()
                .map(p -> p.id().value()).toList());
        assertEquals(List.of("p-1", "p-2", "p-3"), tx(s -> s.get(ProjectStore.class).list()).stream()
                .map(p -> p.id().value()).toList());
        assertEquals(List.of(), tx(s -> s.get(ProjectStore.class).listByClient(ClientId.of("nobody"))));
    }

    @Test
    void ruleInsert_richAndSparse_roundTripEveryField() {
        RateRule rich = Fixtures.richRule(RateRuleId.of("r-rich"));
        RateRule sparse = Fixtures.sparseRule(RateRuleId.of("r-sparse"));
        run(s -> {
            s.get(RateRuleStore.class).insert(sparse);
            s.get(RateRuleStore.class).insert(rich);
        });
        assertEquals(Optional.of(rich), tx(s -> s.get(RateRuleStore.class).find(rich.id())));
        assertEquals(List.of(rich, sparse), tx(s -> s.get(RateRuleStore.class).list()));
    }

    @Test
    void ruleInsert_generatedRules_roundTrip() {
        Gen<RateRule> rules = MoneyGens.currencies().flatMap(DomainGens::rateRules);
        Property.forAll(rules).tries(40).verify(r -> {
            dev.billops.core.id.TenantId fresh = dev.billops.core.id.TenantId.generate();
            run(fresh, s -> s.get(RateRuleStore.class).insert(r));
            assertEquals(Optional.of(r), tx(fresh, s -> s.get(RateRuleStore.class).find(r.id())));
        });
    }

    @Test
    void ruleInsert_knownId_throwsDuplicateKey() {
        RateRule r = Fixtures.sparseRule(RateRuleId.of("r"));
        run(s -> s.get(RateRuleStore.class).insert(r));
        assertFailsStoringNothing(DuplicateKeyException.class,
                () -> run(s -> s.get(RateRuleStore.class).insert(Fixtures.richRule(r.id()))));
    }

    @Test
    void ruleUpdate_known_replaces_unknown_throwsNotFound() {
        RateRule r = Fixtures.sparseRule(RateRuleId.of("r"));
        run(s -> s.get(RateRuleStore.class).insert(r));
        RateRule closed = new RateRule(r.id(), r.scope(), r.price(), r.unit(), r.effectiveFrom(),
                r.effectiveFrom().plusDays(10));
        run(s -> s.get(RateRuleStore.class).update(closed));
        assertEquals(Optional.of(closed), tx(s -> s.get(RateRuleStore.class).find(r.id())));
        assertFailsStoringNothing(NotFoundException.class,
                () -> run(s -> s.get(RateRuleStore.class).update(Fixtures.sparseRule(RateRuleId.of("ghost")))));
    }

    @Test
    void ruleDelete_known_removes_unknown_throwsNotFound() {
        RateRule r = Fixtures.sparseRule(RateRuleId.of("r"));
        RateRule kept = Fixtures.richRule(RateRuleId.of("kept"));
        run(s -> {
            s.get(RateRuleStore.class).insert(r);
            s.get(RateRuleStore.class).insert(kept);
        });
        run(s -> s.get(RateRuleStore.class).delete(r.id()));
        assertEquals(Optional.empty(), tx(s -> s.get(RateRuleStore.class).find(r.id())));
        assertEquals(List.of(kept), tx(s -> s.get(RateRuleStore.class).list()));
        assertFailsStoringNothing(NotFoundException.class,
                () -> run(s -> s.get(RateRuleStore.class).delete(r.id())));
    }
}
