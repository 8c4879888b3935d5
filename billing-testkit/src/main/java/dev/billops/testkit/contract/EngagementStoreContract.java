package dev.billops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billops.core.engagement.Engagement;
import dev.billops.core.engagement.EngagementStatus;
import dev.billops.core.spi.EngagementStore;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.internal.Transitions;
import dev.billops.testkit.gen.DomainGens;
import dev.billops.testkit.gen.MoneyGens;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link EngagementStore}: round trips, duplicates, optimistic locking, listing by
 * client, and streaming of the billable (PACKAGE and MIXED) engagements in id order. See
 * {@link StoreContract} for how to run it.
 */
public abstract class EngagementStoreContract extends StoreContract {

    protected static final ClientId ACME = ClientId.of("acme");
    protected static final ClientId GLOBEX = ClientId.of("globex");

    private static EngagementStore engagements(StoreSession s) {
        return s.get(EngagementStore.class);
    }

    private void insert(Engagement... all) {
        run(s -> {
            for (Engagement e : all) {
                engagements(s).insert(e);
            }
        });
    }

    @Test
    void insert_richAndSparse_roundTripEveryField() {
        for (int i = 0; i < DomainGens.HOSTILE_TEXTS.size(); i++) {
            Engagement rich = Fixtures.richEngagement(EngagementId.of("rich-" + i), ACME, DomainGens.HOSTILE_TEXTS.get(i));
            insert(rich);
            assertEquals(Optional.of(rich), tx(s -> engagements(s).find(rich.id())));
        }
        Engagement sparse = Fixtures.sparseEngagement(EngagementId.of("sparse"), ACME);
        insert(sparse);
        assertEquals(Optional.of(sparse), tx(s -> engagements(s).find(sparse.id())));
    }

    @Test
    void insert_generatedEngagements_roundTrip() {
        Gen<Engagement> gen = MoneyGens.currencies().flatMap(c -> DomainGens.engagements(ACME, c));
        Property.forAll(gen).tries(40).verify(e -> {
            dev.billops.core.id.TenantId fresh = dev.billops.core.id.TenantId.generate();
            run(fresh, s -> engagements(s).insert(e));
            assertEquals(Optional.of(e), tx(fresh, s -> engagements(s).find(e.id())));
        });
    }

    @Test
    void insert_knownId_throwsDuplicateKey() {
        Engagement e = Fixtures.sparseEngagement(EngagementId.of("e"), ACME);
        insert(e);
        assertFailsStoringNothing(DuplicateKeyException.class,
                () -> insert(Fixtures.packageEngagement(e.id(), GLOBEX)));
    }

    @Test
    void update_currentVersion_bumps_stale_throwsConcurrentUpdate_unknown_throwsNotFound() {
        Engagement e = Fixtures.packageEngagement(EngagementId.of("e"), ACME);
        insert(e);
        Engagement endedForm = Transitions.withStatus(Transitions.withEndDate(e, Fixtures.D0.plusMonths(3)),
                EngagementStatus.ENDED);
        Engagement ended = tx(s -> engagements(s).update(endedForm));
        assertEquals(endedForm.withVersion(e.version() + 1), ended);
        assertEquals(Optional.of(ended), tx(s -> engagements(s).find(e.id())));
        assertFailsStoringNothing(ConcurrentUpdateException.class,
                () -> run(s -> engagements(s).update(Transitions.withStatus(e, EngagementStatus.RENEWED))));
        assertFailsStoringNothing(NotFoundException.class, () -> run(s -> engagements(s).update(
                Fixtures.sparseEngagement(EngagementId.of("ghost"), ACME))));
    }

    @Test
    void listByClientAndForEachBillable_filterAndOrderById() {
        Engagement hourly = Fixtures.sparseEngagement(EngagementId.of("e-1"), ACME);
        Engagement mixed = Fixtures.richEngagement(EngagementId.of("e-3"), ACME, "mixed");
        Engagement pkg = Fixtures.packageEngagement(EngagementId.of("e-2"), GLOBEX);
        Engagement pkgAcme = Fixtures.packageEngagement(EngagementId.of("e-0"), ACME);
        insert(hourly, mixed, pkg, pkgAcme);
        assertEquals(List.of(pkgAcme, hourly, mixed), tx(s -> engagements(s).listByClient(ACME)));
        assertEquals(List.of(pkgAcme, hourly, pkg, mixed), tx(s -> engagements(s).list()));
        List<Engagement> billable = new ArrayList<>();
        run(s -> engagements(s).forEachBillable(billable::add));
        assertEquals(List.of(pkgAcme, pkg, mixed), billable);
    }
}
