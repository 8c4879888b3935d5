package dev.billops.core.engagement;

import static dev.billops.core.engagement.PackageFixture.ACME;
import static dev.billops.core.engagement.PackageFixture.GLOBEX;
import static dev.billops.core.engagement.PackageFixture.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.audit.AuditRecord;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.invoice.ClientNotActiveException;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.Money;
import dev.billops.core.party.Client;
import dev.billops.core.project.Project;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.memory.StoreSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngagementServiceTest {

    @Test
    void create_valid_storesWithAuditRecord() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        Engagement e = f.pkg("E1", "100.00", PackageSchedule.MONTHLY, "2026-03-01", null);

        assertEquals(e, f.acme.engagements().get(EngagementId.of("E1")));
        assertEquals(List.of(e), f.acme.engagements().listByClient(GLOBEX));
        AuditRecord audit = f.memory.auditRecords(ACME).get(0);
        assertEquals("engagement.create", audit.action());
        assertEquals("E1", audit.entityId());
    }

    @Test
    void create_feeInOtherCurrencyThanClient_throwsAndStoresNothing() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        StoreSnapshot before = f.snapshot();
        CurrencyMismatchException e = assertThrows(CurrencyMismatchException.class, () -> f.acme.engagements().create(
                Engagement.ofPackage(EngagementId.of("E1"), GLOBEX, "Retainer", Money.of("USD", "100.00"),
                        PackageSchedule.MONTHLY, d("2026-03-01"), null)));
        assertEquals("USD", e.actual());
        assertEquals(before, f.snapshot());
    }

    @Test
    void create_unknownClient_throwsNotFoundAndStoresNothing() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        StoreSnapshot before = f.snapshot();
        NotFoundException e = assertThrows(NotFoundException.class, () -> f.acme.engagements().create(
                Engagement.ofPackage(EngagementId.of("E1"), ClientId.of("ghost"), "Retainer",
                        Money.of("EUR", "100.00"), PackageSchedule.MONTHLY, d("2026-03-01"), null)));
        assertEquals("ghost", e.id());
        assertEquals(before, f.snapshot());
    }

    @Test
    void create_inactiveClient_throwsClientNotActiveAndStoresNothing() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.memory.inTransaction(ACME, s -> s.get(ClientStore.class).update(
                s.get(ClientStore.class).find(GLOBEX).orElseThrow().withActive(false)));
        StoreSnapshot before = f.snapshot();
        ClientNotActiveException e = assertThrows(ClientNotActiveException.class, () -> f.acme.engagements().create(
                Engagement.ofPackage(EngagementId.of("E1"), GLOBEX, "Retainer", Money.of("EUR", "100.00"),
                        PackageSchedule.MONTHLY, d("2026-03-01"), null)));
        assertEquals(GLOBEX, e.clientId());
        assertTrue(e.getMessage().contains("create engagement E1"), e.getMessage());
        assertEquals(before, f.snapshot());
    }

    @Test
    void create_projectOfAnotherClient_throwsInvalidInput() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.addClient(ACME, Client.of(ClientId.of("initech"), "Initech", PackageFixture.ADDRESS, Currencies.of("EUR")));
        f.memory.inTransaction(ACME, s -> {
            s.get(ProjectStore.class).insert(Project.of(ProjectId.of("P1"), ClientId.of("initech"), "Initech project"));
            return null;
        });
        Engagement base = Engagement.ofPackage(EngagementId.of("E1"), GLOBEX, "Retainer", Money.of("EUR", "100.00"),
                PackageSchedule.MONTHLY, d("2026-03-01"), null);
        Engagement withProject = new Engagement(base.id(), base.clientId(), ProjectId.of("P1"), base.description(),
                base.mode(), base.packageFee(), base.schedule(), base.startDate(), null, null, null, null,
                base.proration(), false, EngagementStatus.ACTIVE, 0);
        StoreSnapshot before = f.snapshot();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> f.acme.engagements().create(withProject));
        assertTrue(e.getMessage().contains("P1") && e.getMessage().contains("initech"), e.getMessage());
        assertEquals(before, f.snapshot());
    }

    @Test
    void renew_openEnded_oldEndsDayBeforeAndRenewalCopiesTerms() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.pkg("E1", "100.00", PackageSchedule.QUARTERLY, "2026-01-01", null);

        Engagement renewal = f.acme.engagements().renew(EngagementId.of("E1"), Renewal.startingOn(d("2026-07-01")));

        assertNotEquals(EngagementId.of("E1"), renewal.id());
        assertEquals(EngagementId.of("E1"), renewal.renewsId());
        assertEquals(Money.of("EUR", "100.00"), renewal.packageFee());
        assertEquals(PackageSchedule.QUARTERLY, renewal.schedule());
        assertEquals(null, renewal.endDate());
        Engagement old = f.acme.engagements().get(EngagementId.of("E1"));
        assertEquals(d("2026-06-30"), old.endDate());
        assertEquals(EngagementStatus.RENEWED, old.status());
        assertEquals(List.of("engagement.create", "engagement.renew", "engagement.create"),
                f.memory.auditRecords(ACME).stream().map(AuditRecord::action).toList());
    }

    @Test
    void renew_afterAGap_keepsTheOldEndDate() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.pkg("E1", "100.00", PackageSchedule.MONTHLY, "2026-01-01", "2026-03-31");
        f.acme.engagements().renew(EngagementId.of("E1"), Renewal.startingOn(d("2026-05-01")));
        assertEquals(d("2026-03-31"), f.acme.engagements().get(EngagementId.of("E1")).endDate());
    }

    @Test
    void renew_startingInsideAnInvoicedPeriod_throwsAndStoresNothing() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.pkg("E1", "1000.00", PackageSchedule.MONTHLY, "2026-01-01", null);
        f.acme.packages().run(d("2026-03-01"));
        StoreSnapshot before = f.snapshot();

        RenewalOverlapsInvoicedPeriodException e = assertThrows(RenewalOverlapsInvoicedPeriodException.class,
                () -> f.acme.engagements().renew(EngagementId.of("E1"), Renewal.startingOn(d("2026-03-15"))));

        assertEquals(LocalDateRange.of(d("2026-03-01"), d("2026-04-01")), e.invoicedPeriod());
        assertEquals("PKG-E1-2026-03-01", e.invoiceNumber());
        assertTrue(e.getMessage().contains("2026-04-01"), e.getMessage());
        assertEquals(before, f.snapshot());
    }

    @Test
    void renew_twice_throwsAlreadyRenewedNamingTheRenewal() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.pkg("E1", "100.00", PackageSchedule.MONTHLY, "2026-01-01", null);
        f.acme.engagements().renew(EngagementId.of("E1"), Renewal.startingOn(d("2026-07-01"))
                .withId(EngagementId.of("E2")));
        StoreSnapshot before = f.snapshot();

        EngagementAlreadyRenewedException e = assertThrows(EngagementAlreadyRenewedException.class,
                () -> f.acme.engagements().renew(EngagementId.of("E1"), Renewal.startingOn(d("2026-08-01"))));
        assertEquals(EngagementId.of("E2"), e.renewalId());
        assertThrows(EngagementAlreadyRenewedException.class,
                () -> f.acme.engagements().end(EngagementId.of("E1"), d("2026-09-30")));
        assertEquals(before, f.snapshot());
    }

    @Test
    void renew_notAfterTheOldStart_throwsInvalidInput() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.pkg("E1", "100.00", PackageSchedule.MONTHLY, "2026-01-01", null);
        assertThrows(InvalidInputException.class,
                () -> f.acme.engagements().renew(EngagementId.of("E1"), Renewal.startingOn(d("2026-01-01"))));
        assertThrows(NotFoundException.class,
                () -> f.acme.engagements().renew(EngagementId.of("nope"), Renewal.startingOn(d("2026-05-01"))));
    }

    @Test
    void end_beforeStart_throwsInvalidInputAndStoresNothing() {
        PackageFixture f = new PackageFixture(d("2026-03-01"));
        f.pkg("E1", "100.00", PackageSchedule.MONTHLY, "2026-03-01", null);
        StoreSnapshot before = f.snapshot();
        assertThrows(InvalidInputException.class, () -> f.acme.engagements().end(EngagementId.of("E1"), d("2026-02-28")));
        assertEquals(before, f.snapshot());
    }
}
