package dev.billops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.party.Client;
import dev.billops.core.party.PartyDetails;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.party.Tenant;
import dev.billops.core.spi.TenantStore;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.spi.TimekeeperStore;
import dev.billops.core.project.Activity;
import dev.billops.core.spi.ActivityStore;
import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.testkit.gen.DomainGens;
import dev.billops.testkit.property.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link TenantStore}, {@link ClientStore}, {@link TimekeeperStore} and
 * {@link ActivityStore}: round trips of every field, duplicate ids, optimistic locking of
 * clients, id order. See {@link StoreContract} for how to run it.
 */
public abstract class PartyStoreContract extends StoreContract {

    @Test
    void tenantFind_nothingSaved_isEmpty() {
        assertEquals(Optional.empty(), tx(s -> s.get(TenantStore.class).find()));
    }

    @Test
    void tenantSave_richAndSparse_roundTripEveryField() {
        for (String text : DomainGens.HOSTILE_TEXTS) {
            Tenant rich = Fixtures.richTenant(tenant, text);
            run(s -> s.get(TenantStore.class).save(rich));
            assertEquals(Optional.of(rich), tx(s -> s.get(TenantStore.class).find()), text);
        }
        Tenant sparse = Fixtures.sparseTenant(tenant);
        run(s -> s.get(TenantStore.class).save(sparse));
        assertEquals(Optional.of(sparse), tx(s -> s.get(TenantStore.class).find()));
    }

    /** Each e-invoice detail alone: a column written or read in the wrong place shows here. */
    private static List<PartyDetails> eachDetailAlone() {
        PartyDetails none = PartyDetails.none();
        return List.of(none.withTradingName("Acme Trading"), none.withIdentifier("4000001123452", null),
                none.withIdentifier("4000001123452", "0088"), none.withLegalRegistration("HRB 12345", null),
                none.withLegalRegistration("HRB 12345", "0204"), none.withTaxRegistrationId("12/345/67890"),
                none.withLegalInfo("Share capital 25,000 EUR"), none.withElectronicAddress("ap@acme.test", "EM"),
                none.withContact("Jo", null, null), none.withContact(null, "+49 30 1", null),
                none.withContact(null, null, "jo@acme.test"), none.withCountrySubdivision("Bavaria"),
                none.withBuyerReference("04011000-12345-03"), none.withExemptionReasonCode("VATEX-EU-132-1I"),
                none.withPayee(dev.billops.core.party.Payee.of("Factor AG")),
                none.withTaxRepresentative(dev.billops.core.party.TaxRepresentative.of("Rep", "DE123456789",
                        dev.billops.core.party.Address.of("Main St 1", "10115", "Berlin", "DE"))),
                none.withCreditorId("DE98ZZZ09999999999"), none.withDebitedAccount("DE89370400440532013000"),
                none.withDeliverTo(dev.billops.core.party.DeliverTo.location("4000001000005", "0088")));
    }

    @Test
    void tenantSave_eachEInvoiceDetailAlone_roundTrips() {
        for (PartyDetails d : eachDetailAlone()) {
            Tenant t = Fixtures.sparseTenant(tenant).withDetails(d);
            run(s -> s.get(TenantStore.class).save(t));
            assertEquals(Optional.of(t), tx(s -> s.get(TenantStore.class).find()), d.toString());
        }
    }

    @Test
    void clientFindAll_knownUnknownAndRepeatedIds_eachKnownClientOnceAsFindGivesIt() {
        Client rich = Fixtures.richClient(ClientId.of("c-rich"), "O'Brien 😀");
        Client sparse = Fixtures.sparseClient(ClientId.of("c-sparse"));
        Client other = Fixtures.sparseClient(ClientId.of("c-other"));
        run(s -> {
            s.get(ClientStore.class).insert(rich);
            s.get(ClientStore.class).insert(sparse);
            s.get(ClientStore.class).insert(other);
        });
        List<Client> found = tx(s -> s.get(ClientStore.class).findAll(List.of(sparse.id(), ClientId.of("unknown"),
                rich.id(), sparse.id())));
        assertEquals(2, found.size(), found.toString());
        assertEquals(java.util.Set.of(tx(s -> s.get(ClientStore.class).find(rich.id())).orElseThrow(),
                tx(s -> s.get(ClientStore.class).find(sparse.id())).orElseThrow()), java.util.Set.copyOf(found));
        assertEquals(List.of(), tx(s -> s.get(ClientStore.class).findAll(List.of())));
        assertEquals(List.of(), tx(otherTenant, s -> s.get(ClientStore.class).findAll(List.of(rich.id()))));
    }

    @Test
    void clientInsertAndUpdate_eachEInvoiceDetailAlone_roundTrips() {
        List<PartyDetails> all = eachDetailAlone();
        for (int i = 0; i < all.size(); i++) {
            Client c = Fixtures.sparseClient(ClientId.of("d-" + i)).withDetails(all.get(i));
            run(s -> s.get(ClientStore.class).insert(c));
            assertEquals(Optional.of(c), tx(s -> s.get(ClientStore.class).find(c.id())), all.get(i).toString());
            Client updated = tx(s -> s.get(ClientStore.class).update(c.withDetails(PartyDetails.none())));
            assertEquals(Optional.of(updated), tx(s -> s.get(ClientStore.class).find(c.id())));
            assertTrue(updated.details().isEmpty());
        }
    }

    @Test
    void tenantSave_idOfAnotherTenant_throwsInvalidInputAndStoresNothing() {
        assertFailsStoringNothing(InvalidInputException.class,
                () -> run(s -> s.get(TenantStore.class).save(Fixtures.sparseTenant(otherTenant))));
        assertTrue(visible(otherTenant).isEmpty());
    }

    @Test
    void tenantIds_afterSave_listsTenantInIdOrder() {
        run(s -> s.get(TenantStore.class).save(Fixtures.sparseTenant(tenant)));
        run(otherTenant, s -> s.get(TenantStore.class).save(Fixtures.sparseTenant(otherTenant)));
        List<dev.billops.core.id.TenantId> ids = store.tenantIds();
        assertTrue(ids.contains(tenant) && ids.contains(otherTenant), ids.toString());
        List<dev.billops.core.id.TenantId> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(sorted, ids);
    }

    @Test
    void clientInsert_richWithHostileTexts_roundTripsEveryField() {
        List<Client> written = new ArrayList<>();
        for (int i = 0; i < DomainGens.HOSTILE_TEXTS.size(); i++) {
            Client c = Fixtures.richClient(ClientId.of("c-" + i), DomainGens.HOSTILE_TEXTS.get(i));
            written.add(c);
            run(s -> s.get(ClientStore.class).insert(c));
        }
        for (Client c : written) {
            assertEquals(Optional.of(c), tx(s -> s.get(ClientStore.class).find(c.id())));
        }
    }

    @Test
    void clientInsert_sparse_roundTripsNulls() {
        Client c = Fixtures.sparseClient(ClientId.of("sparse"));
        run(s -> s.get(ClientStore.class).insert(c));
        assertEquals(Optional.of(c), tx(s -> s.get(ClientStore.class).find(c.id())));
    }

    @Test
    void clientInsert_generatedClients_roundTrip() {
        Property.forAll(DomainGens.clients()).tries(40).verify(c -> {
            dev.billops.core.id.TenantId fresh = dev.billops.core.id.TenantId.generate();
            run(fresh, s -> s.get(ClientStore.class).insert(c));
            assertEquals(Optional.of(c), tx(fresh, s -> s.get(ClientStore.class).find(c.id())));
        });
    }

    @Test
    void clientInsert_knownId_throwsDuplicateKeyAndKeepsFirst() {
        Client first = Fixtures.sparseClient(ClientId.of("dup"));
        run(s -> s.get(ClientStore.class).insert(first));
        assertFailsStoringNothing(DuplicateKeyException.class,
                () -> run(s -> s.get(ClientStore.class).insert(Fixtures.richClient(first.id(), "second"))));
        assertEquals(Optional.of(first), tx(s -> s.get(ClientStore.class).find(first.id())));
    }

    @Test
    void clientUpdate_currentVersion_storesAndReturnsNextVersion() {
        Client c = Fixtures.sparseClient(ClientId.of("c"));
        run(s -> s.get(ClientStore.class).insert(c));
        Client updated = tx(s -> s.get(ClientStore.class).update(c.withTerms(60)));
        assertEquals(c.withTerms(60).withVersion(c.version() + 1), updated);
        assertEquals(Optional.of(updated), tx(s -> s.get(ClientStore.class).find(c.id())));
        Client again = tx(s -> s.get(ClientStore.class).update(updated.withEmail("x@y.test")));
        assertEquals(c.version() + 2, again.version());
    }

    @Test
    void clientUpdate_staleVersion_throwsConcurrentUpdateAndStoresNothing() {
        Client c = Fixtures.sparseClient(ClientId.of("c"));
        run(s -> s.get(ClientStore.class).insert(c));
        run(s -> s.get(ClientStore.class).update(c.withTerms(10)));
        assertFailsStoringNothing(ConcurrentUpdateException.class,
                () -> run(s -> s.get(ClientStore.class).update(c.withTerms(20))));
    }

    @Test
    void clientUpdate_unknownId_throwsNotFound() {
        assertFailsStoringNothing(NotFoundException.class,
                () -> run(s -> s.get(ClientStore.class).update(Fixtures.sparseClient(ClientId.of("ghost")))));
    }

    @Test
    void clientList_orderedById() {
        for (String id : List.of("b", "a", "c-2", "c-10", "C")) {
            run(s -> s.get(ClientStore.class).insert(Fixtures.sparseClient(ClientId.of(id))));
        }
        List<String> ids = tx(s -> s.get(ClientStore.class).list()).stream().map(c -> c.id().value()).toList();
        assertEquals(List.of("C", "a", "b", "c-10", "c-2"), ids);
        assertEquals(Optional.empty(), tx(s -> s.get(ClientStore.class).find(ClientId.of("zzz"))));
    }

    @Test
    void timekeeperInsert_richAndSparse_roundTripAndListInIdOrder() {
        Timekeeper rich = Fixtures.richTimekeeper(TimekeeperId.of("tk-b"), "Zoë 😀 O'Brien");
        Timekeeper sparse = Fixtures.sparseTimekeeper(TimekeeperId.of("tk-a"));
        run(s -> {
            s.get(TimekeeperStore.class).insert(rich);
            s.get(TimekeeperStore.class).insert(sparse);
        });
        assertEquals(Optional.of(rich), tx(s -> s.get(TimekeeperStore.class).find(rich.id())));
        assertEquals(List.of(sparse, rich), tx(s -> s.get(TimekeeperStore.class).list()));
    }

    @Test
    void timekeeperInsert_knownId_throwsDuplicateKey() {
        Timekeeper tk = Fixtures.sparseTimekeeper(TimekeeperId.of("tk"));
        run(s -> s.get(TimekeeperStore.class).insert(tk));
        assertFailsStoringNothing(DuplicateKeyException.class,
                () -> run(s -> s.get(TimekeeperStore.class).insert(Fixtures.richTimekeeper(tk.id(), "x"))));
    }

    @Test
    void timekeeperUpdate_known_replaces_unknown_throwsNotFound() {
        Timekeeper tk = Fixtures.sparseTimekeeper(TimekeeperId.of("tk"));
        run(s -> s.get(TimekeeperStore.class).insert(tk));
        Timekeeper changed = Fixtures.richTimekeeper(tk.id(), "'; DROP TABLE x; --");
        run(s -> s.get(TimekeeperStore.class).update(changed));
        assertEquals(Optional.of(changed), tx(s -> s.get(TimekeeperStore.class).find(tk.id())));
        assertFailsStoringNothing(NotFoundException.class, () -> run(
                s -> s.get(TimekeeperStore.class).update(Fixtures.sparseTimekeeper(TimekeeperId.of("ghost")))));
    }

    @Test
    void activityInsert_roundTripsListsInIdOrderAndRejectsDuplicates() {
        Activity b = Fixtures.activity(ActivityId.of("b"), "שלום עולם");
        Activity a = new Activity(ActivityId.of("a"), "Meeting", true);
        run(s -> {
            s.get(ActivityStore.class).insert(b);
            s.get(ActivityStore.class).insert(a);
        });
        assertEquals(Optional.of(b), tx(s -> s.get(ActivityStore.class).find(b.id())));
        assertEquals(List.of(a, b), tx(s -> s.get(ActivityStore.class).list()));
        assertFailsStoringNothing(DuplicateKeyException.class,
                () -> run(s -> s.get(ActivityStore.class).insert(Fixtures.activity(a.id(), "other"))));
        assertThrows(DuplicateKeyException.class, () -> run(s -> s.get(ActivityStore.class).insert(a)));
    }
}
