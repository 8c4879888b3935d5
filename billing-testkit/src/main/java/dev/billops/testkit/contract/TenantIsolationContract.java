package dev.billops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.spi.AuditLog;
import dev.billops.core.audit.AuditRecord;
import dev.billops.core.spi.EngagementStore;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.spi.NumberSequenceStore;
import dev.billops.core.internal.Transitions;
import dev.billops.core.party.Actor;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.spi.TenantStore;
import dev.billops.core.spi.TimekeeperStore;
import dev.billops.core.spi.PaymentStore;
import dev.billops.core.spi.ReminderStore;
import dev.billops.core.spi.ActivityStore;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.spi.RateRuleStore;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.spi.TimeEntryStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation, port by port: what one tenant stores is invisible to another (by id, by
 * every secondary key and in every list), cannot be changed from another, and does not
 * occupy its keys: the same ids, invoice numbers, engagement periods, idempotency keys, external
 * uids and sequence counters can exist in both tenants independently. See {@link StoreContract}.
 */
public abstract class TenantIsolationContract extends StoreContract {

    private static final ClientId CLIENT = ClientId.of("shared-client");
    private static final ProjectId PROJECT = ProjectId.of("shared-project");
    private static final TimekeeperId TK = TimekeeperId.of("shared-tk");
    private static final InvoiceId INVOICE = InvoiceId.of("shared-invoice");
    private static final EngagementId ENGAGEMENT = EngagementId.of("shared-eng");
    private static final PaymentId PAYMENT = PaymentId.of("shared-payment");
    private static final TimeEntryId ENTRY = TimeEntryId.of("shared-entry");

    private void populate(StoreSession s, String text) {
        s.get(TenantStore.class).save(Fixtures.richTenant(s.tenant(), text));
        s.get(ClientStore.class).insert(Fixtures.richClient(CLIENT, text));
        s.get(TimekeeperStore.class).insert(Fixtures.richTimekeeper(TK, text));
        s.get(ProjectStore.class).insert(Fixtures.richProject(PROJECT, CLIENT, text));
        s.get(ActivityStore.class).insert(Fixtures.activity(ActivityId.of("shared-activity"), text));
        s.get(RateRuleStore.class).insert(Fixtures.richRule(RateRuleId.of("shared-rule")));
        s.get(TimeEntryStore.class).insert(Fixtures.richEntry(ENTRY, PROJECT, TK, text).withExternalUid("shared-uid"));
        s.get(InvoiceStore.class).insert(Transitions.issuedAs(Fixtures.draftWithLine(INVOICE, CLIENT)
                .forPackagePeriod(ENGAGEMENT, Fixtures.D0), "INV-1", Fixtures.D0, Fixtures.D0.plusDays(30)));
        s.get(NumberSequenceStore.class).next("INV", "2026", 0);
        s.get(PaymentStore.class).insert(Fixtures.keyedPayment(PAYMENT, CLIENT, "shared-key"));
        s.get(ReminderStore.class).recordSent(INVOICE, "due+7", Fixtures.D0);
        s.get(EngagementStore.class).insert(Fixtures.richEngagement(ENGAGEMENT, CLIENT, text));
        s.get(AuditLog.class).append(new AuditRecord(Fixtures.T0, Actor.user(text), "create", "client",
                CLIENT.value(), null, text));
    }

    @Test
    void rowsOfOneTenant_invisibleToAnotherByIdKeyAndList() {
        run(s -> populate(s, "tenant A"));
        assertFalse(visible().isEmpty());
        assertTrue(visible(otherTenant).isEmpty(), visible(otherTenant).toString());
        run(otherTenant, s -> {
            assertEquals(Optional.empty(), s.get(TenantStore.class).find());
            assertEquals(Optional.empty(), s.get(ClientStore.class).find(CLIENT));
            assertEquals(Optional.empty(), s.get(TimekeeperStore.class).find(TK));
            assertEquals(Optional.empty(), s.get(ProjectStore.class).find(PROJECT));
            assertEquals(List.of(), s.get(ProjectStore.class).listByClient(CLIENT));
            assertEquals(Optional.empty(), s.get(ActivityStore.class).find(ActivityId.of("shared-activity")));
            assertEquals(Optional.empty(), s.get(RateRuleStore.class).find(RateRuleId.of("shared-rule")));
            assertEquals(Optional.empty(), s.get(TimeEntryStore.class).find(ENTRY));
            assertEquals(Optional.empty(), s.get(TimeEntryStore.class).findByExternalUid("shared-uid"));
            assertEquals(Optional.empty(), s.get(InvoiceStore.class).find(INVOICE));
            assertEquals(Optional.empty(), s.get(InvoiceStore.class).findByNumber("INV-1"));
            assertEquals(Optional.empty(), s.get(InvoiceStore.class).findByEngagementPeriod(ENGAGEMENT, Fixtures.D0));
            assertEquals(0, s.get(NumberSequenceStore.class).current("INV", "2026"));
            assertEquals(Optional.empty(), s.get(PaymentStore.class).find(PAYMENT));
            assertEquals(Optional.empty(), s.get(PaymentStore.class).findByIdempotencyKey("shared-key"));
            assertEquals(List.of(), s.get(PaymentStore.class).listByClient(CLIENT));
            assertEquals(List.of(), s.get(ReminderStore.class).sentSteps(INVOICE));
            assertEquals(Optional.empty(), s.get(EngagementStore.class).find(ENGAGEMENT));
            assertEquals(List.of(), s.get(EngagementStore.class).listByClient(CLIENT));
            List<Object> billable = new java.util.ArrayList<>();
            s.get(EngagementStore.class).forEachBillable(billable::add);
            assertEquals(List.of(), billable);
            assertEquals(List.of(), s.get(AuditLog.class).history("client", CLIENT.value()));
        });
    }

    @Test
    void sameIdsAndKeysInTwoTenants_storedIndependently() {
        run(s -> populate(s, "tenant A"));
        run(otherTenant, s -> populate(s, "tenant B"));
        VisibleState a = visible();
        VisibleState b = visible(otherTenant);
        assertEquals("tenant A", a.clients().get(0).name());
        assertEquals("tenant B", b.clients().get(0).name());
        assertEquals(1, txLong(s -> s.get(NumberSequenceStore.class).current("INV", "2026")));
        assertEquals(1, txLong(otherTenant, s -> s.get(NumberSequenceStore.class).current("INV", "2026")));
        assertEquals(List.of("due+7"), tx(otherTenant, s -> s.get(ReminderStore.class).sentSteps(INVOICE)));
        assertEquals(1, tx(otherTenant, s -> s.get(AuditLog.class).history("client", CLIENT.value())).size());
        assertTrue(store.tenantIds().containsAll(List.of(tenant, otherTenant)));
    }

    @Test
    void writesFromAnotherTenant_cannotReachRows() {
        run(s -> populate(s, "tenant A"));
        VisibleState before = visible();
        TimeEntry entryOfA = tx(s -> s.get(TimeEntryStore.class).find(ENTRY)).orElseThrow();
        assertThrows(NotFoundException.class, () -> run(otherTenant,
                s -> s.get(ClientStore.class).update(Fixtures.richClient(CLIENT, "hijack"))));
        assertThrows(NotFoundException.class, () -> run(otherTenant,
                s -> s.get(TimeEntryStore.class).markBilled(List.of(ENTRY), InvoiceId.of("evil"))));
        assertThrows(NotFoundException.class, () -> run(otherTenant,
                s -> s.get(TimeEntryStore.class).update(entryOfA.withDescription("hijack"))));
        assertThrows(NotFoundException.class, () -> run(otherTenant, s -> s.get(TimeEntryStore.class).delete(ENTRY)));
        assertThrows(NotFoundException.class, () -> run(otherTenant,
                s -> s.get(InvoiceStore.class).deleteDraft(INVOICE)));
        assertThrows(NotFoundException.class, () -> run(otherTenant,
                s -> s.get(RateRuleStore.class).delete(RateRuleId.of("shared-rule"))));
        assertThrows(NotFoundException.class, () -> run(otherTenant, s -> s.get(PaymentStore.class).update(
                Fixtures.keyedPayment(PAYMENT, CLIENT, "shared-key"))));
        assertThrows(NotFoundException.class, () -> run(otherTenant, s -> s.get(EngagementStore.class).update(
                Fixtures.richEngagement(ENGAGEMENT, CLIENT, "hijack"))));
        assertEquals(before, visible());
    }
}
