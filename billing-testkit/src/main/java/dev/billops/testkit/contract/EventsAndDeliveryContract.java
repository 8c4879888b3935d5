package dev.billops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.error.InvalidTextException;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.event.ClientDeactivated;
import dev.billops.core.event.EventTypes;
import dev.billops.core.event.InvoiceDownloaded;
import dev.billops.core.event.InvoiceSent;
import dev.billops.core.event.InvoiceViewed;
import dev.billops.core.event.ProjectClosed;
import dev.billops.core.event.TimeEntryDeleted;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.invoice.DeliveryStatus;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceDelivery;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceNotIssuedException;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.project.Project;
import dev.billops.core.project.ProjectStatus;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.testkit.clock.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Business events and delivery tracking through the public API ({@link Billing},
 * {@link TenantBilling}) on the store under test: every core event type reaches the committed
 * outbox once its operation ran, and an invoice's delivery (sent, viewed, downloaded) is stored
 * apart from its status, so paying, crediting and voiding a sent invoice work as on an issued
 * one. Needs {@link #committedEvents}; see {@link StoreContract} for how to run it.
 */
public abstract class EventsAndDeliveryContract extends StoreContract {

    private static final Address ADDRESS = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");
    private static final Instant NOW = Instant.parse("2026-12-10T09:00:00Z");
    private static final Instant VIEWED = Instant.parse("2026-12-10T07:30:00Z");
    private static final Instant DOWNLOADED = Instant.parse("2026-12-10T07:31:00Z");

    private final MutableClock clock = MutableClock.of(NOW, ZoneOffset.UTC);

    private TenantBilling tenantBilling() {
        TenantBilling t = Billing.builder().stores(store).clock(clock).build()
                .tenant(tenant, Actor.user("office@de.test"));
        t.profile().create(Tenant.of(tenant, "Muster GmbH", ADDRESS).withVatId("DE123456789")
                .withDefaultVatRate(new BigDecimal("19")));
        return t;
    }

    private static Client client(TenantBilling t, String name) {
        return t.clients().create(Client.of(ClientId.generate(), name, ADDRESS, Currencies.of("EUR"))
                .withEmail("ap@" + name.toLowerCase(java.util.Locale.ROOT) + ".test"));
    }

    private static Invoice issuedManual(TenantBilling t, ClientId client, LocalDate issueDate) {
        Invoice draft = t.invoices().createDraft(client);
        t.invoices().addLine(draft.id(), InvoiceLine.of("Beratung", BigDecimal.ONE, UnitCode.HOUR,
                UnitPrice.of(Currencies.of("EUR"), "100.00"), TaxTreatment.standard(new BigDecimal("19"))));
        return t.invoices().issue(draft.id(), issueDate);
    }

    private List<BillingEvent> events() {
        var events = committedEvents(store, tenant);
        assumeTrue(events.isPresent(), "this store does not show its outbox");
        return events.get();
    }

    private <E extends BillingEvent> List<E> eventsOf(Class<E> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void everyOperation_publishesEveryCoreEventType() {
        events();
        TenantBilling t = tenantBilling();
        Client acme = client(t, "Acme");
        t.clients().update(acme.withTerms(14));
        Client gone = client(t, "Gone");
        t.clients().deactivate(gone.id());
        Project web = t.projects().create(Project.of(ProjectId.generate(), acme.id(), "Website"));
        web = t.projects().update(web.withStatus(ProjectStatus.ON_HOLD));
        web = t.projects().update(web.withStatus(ProjectStatus.ACTIVE));
        Project old = t.projects().create(Project.of(ProjectId.generate(), acme.id(), "Old"));
        t.projects().update(old.withStatus(ProjectStatus.COMPLETED));
        TimekeeperId alice = t.timekeepers().create(Timekeeper.of(TimekeeperId.generate(), "Alice")).id();
        t.rates().create(RateRule.hourly(RateScope.project(web.id()), UnitPrice.of(Currencies.of("EUR"), "120"),
                LocalDate.of(2026, 1, 1)));
        TimeEntry billed = entry(web.id(), alice, 2);
        TimeEntry edited = entry(web.id(), alice, 3);
        TimeEntry deleted = entry(web.id(), alice, 4);
        t.timeEntries().logAll(List.of(billed, edited, deleted));
        t.timeEntries().update(t.timeEntries().get(edited.id()).withDescription("Review, edited"));
        t.timeEntries().delete(deleted.id());

        Invoice monthly = t.invoices().issue(t.invoices().draft(acme.id(), YearMonth.of(2026, 11)).orElseThrow().id());
        t.invoices().markSent(monthly.id(), "smtp", "ap@acme.test");
        t.invoices().markViewed(monthly.id(), VIEWED);
        t.invoices().markDownloaded(monthly.id(), DOWNLOADED);
        Payment paid = t.payments().record(PaymentRequest.of(acme.id(), monthly.totals().payable())
                .toInvoice(monthly.id()));
        t.payments().refund(paid.id(), Money.of("EUR", "10.00"));
        Invoice late = issuedManual(t, acme.id(), LocalDate.of(2026, 10, 1));
        t.payments().recordFailed(PaymentRequest.of(acme.id(), Money.of("EUR", "119.00")), late.id(),
                "card declined");
        t.reminders().runToday();
        t.invoices().voidInvoice(issuedManual(t, acme.id(), LocalDate.of(2026, 12, 1)).id());
        t.invoices().creditFully(issuedManual(t, acme.id(), LocalDate.of(2026, 12, 2)).id());
        t.plugins().connected("stripe", "payment-gateway");
        t.plugins().failed("stripe", "API key revoked");

        Set<String> seen = new LinkedHashSet<>();
        events().forEach(e -> seen.add(e.type()));
        Set<String> missing = new TreeSet<>(EventTypes.core().keySet());
        missing.removeAll(seen);
        missing.remove("reminder.due");
        assertEquals(Set.of(), missing, "event types not published; seen " + seen);
        for (BillingEvent e : events()) {
            assertEquals(EventTypes.classOf(e.type()).orElseThrow(), e.getClass(), e.type());
        }
        assertEquals(List.of(gone.id()), eventsOf(ClientDeactivated.class).stream().map(ClientDeactivated::clientId)
                .toList());
        assertEquals(List.of(old.id()), eventsOf(ProjectClosed.class).stream().map(ProjectClosed::projectId).toList());
        assertEquals(List.of(deleted.id()), eventsOf(TimeEntryDeleted.class).stream().map(TimeEntryDeleted::timeEntryId)
                .toList());
        InvoiceSent sent = eventsOf(InvoiceSent.class).get(0);
        assertEquals(List.of(monthly.id(), monthly.number(), acme.id(), "smtp", "ap@acme.test"),
                List.of(sent.invoiceId(), sent.number(), sent.clientId(), sent.channel(), sent.recipient()));
        assertEquals(VIEWED, eventsOf(InvoiceViewed.class).get(0).viewedAt());
        assertEquals(DOWNLOADED, eventsOf(InvoiceDownloaded.class).get(0).downloadedAt());
    }

    private static TimeEntry entry(ProjectId project, TimekeeperId who, int day) {
        LocalDateTime start = LocalDateTime.of(2026, 11, day, 9, 0);
        return TimeEntry.of(project, who, TimeSpan.of(start, start.plusHours(2), ZoneOffset.UTC), "Review");
    }

    @Test
    void markSentViewedDownloaded_issuedInvoice_storedApartFromStatusAndAudited() {
        TenantBilling t = tenantBilling();
        Client acme = client(t, "Acme");
        Invoice inv = issuedManual(t, acme.id(), LocalDate.of(2026, 12, 1));
        assertEquals(new InvoiceDelivery(inv.id(), DeliveryStatus.NOT_SENT, null, 0, null, null),
                t.invoices().delivery(inv.id()));

        InvoiceDelivery sent = t.invoices().markSent(inv.id(), "smtp", "ap@acme.test");
        assertEquals(new InvoiceDelivery(inv.id(), DeliveryStatus.SENT, NOW, 1, null, null), sent);
        clock.advance(java.time.Duration.ofMinutes(5));
        t.invoices().markSent(inv.id(), "slack", "#billing");
        t.invoices().markViewed(inv.id(), VIEWED.plusSeconds(3600));
        t.invoices().markDownloaded(inv.id(), DOWNLOADED.plusSeconds(3600));
        t.invoices().markViewed(inv.id(), VIEWED.plusSeconds(7200));

        assertEquals(new InvoiceDelivery(inv.id(), DeliveryStatus.DOWNLOADED, NOW, 2, VIEWED.plusSeconds(3600),
                DOWNLOADED.plusSeconds(3600)), t.invoices().delivery(inv.id()));
        assertEquals(InvoiceStatus.ISSUED, t.invoices().get(inv.id()).status());
        assertEquals(inv, t.invoices().get(inv.id()));
        var audited = tx(s -> s.get(dev.billops.core.spi.AuditLog.class).history("invoice_delivery", inv.id().value()));
        assertEquals(List.of("invoice.sent", "invoice.sent", "invoice.viewed", "invoice.downloaded", "invoice.viewed"),
                audited.stream().map(r -> r.action()).toList());
        assertEquals(Actor.user("office@de.test"), audited.get(0).actor());
    }

    @Test
    void markSent_draft_refusedStoringNothing() {
        TenantBilling t = tenantBilling();
        Client acme = client(t, "Acme");
        InvoiceId draft = t.invoices().createDraft(acme.id()).id();
        InvoiceNotIssuedException e = assertFailsStoringNothing(InvoiceNotIssuedException.class,
                () -> t.invoices().markSent(draft, "smtp", "ap@acme.test"));
        assertTrue(e.getMessage().contains(draft.value()), e.getMessage());
        assertFailsStoringNothing(InvoiceNotIssuedException.class, () -> t.invoices().markViewed(draft, VIEWED));
        assertFailsStoringNothing(InvoiceNotIssuedException.class,
                () -> t.invoices().markDownloaded(draft, DOWNLOADED));
        assertEquals(DeliveryStatus.NOT_SENT, t.invoices().delivery(draft).status());
    }

    @Test
    void markSent_blankOrLongChannelOrRecipient_refusedStoringNothing() {
        TenantBilling t = tenantBilling();
        Client acme = client(t, "Acme");
        InvoiceId inv = issuedManual(t, acme.id(), LocalDate.of(2026, 12, 1)).id();
        InvalidTextException blank = assertFailsStoringNothing(InvalidTextException.class,
                () -> t.invoices().markSent(inv, " ", "ap@acme.test"));
        assertTrue(blank.getMessage().contains("delivery channel"), blank.getMessage());
        InvalidTextException tooLong = assertFailsStoringNothing(InvalidTextException.class,
                () -> t.invoices().markSent(inv, "smtp", "x".repeat(321)));
        assertTrue(tooLong.getMessage().contains("xxxx"), tooLong.getMessage());
        assertEquals(DeliveryStatus.NOT_SENT, t.invoices().delivery(inv).status());
    }

    @Test
    void payCreditVoid_sentInvoice_behaveAsOnIssued() {
        TenantBilling t = tenantBilling();
        Client acme = client(t, "Acme");
        Invoice toPay = issuedManual(t, acme.id(), LocalDate.of(2026, 12, 1));
        Invoice toCredit = issuedManual(t, acme.id(), LocalDate.of(2026, 12, 1));
        Invoice toVoid = issuedManual(t, acme.id(), LocalDate.of(2026, 12, 1));
        for (Invoice i : List.of(toPay, toCredit, toVoid)) {
            t.invoices().markSent(i.id(), "smtp", "ap@acme.test");
        }

        t.payments().record(PaymentRequest.of(acme.id(), Money.of("EUR", "50.00")).toInvoice(toPay.id()));
        assertEquals(InvoiceStatus.PARTIALLY_PAID, t.invoices().get(toPay.id()).status());
        t.payments().record(PaymentRequest.of(acme.id(), Money.of("EUR", "69.00")).toInvoice(toPay.id()));
        assertEquals(InvoiceStatus.PAID, t.invoices().get(toPay.id()).status());
        Invoice note = t.invoices().creditFully(toCredit.id());
        assertEquals(List.of(note.id()), t.invoices().creditNotesOf(toCredit.id()).stream().map(Invoice::id).toList());
        assertEquals(InvoiceStatus.VOID, t.invoices().voidInvoice(toVoid.id()).status());

        for (Invoice i : List.of(toPay, toCredit, toVoid)) {
            assertEquals(DeliveryStatus.SENT, t.invoices().delivery(i.id()).status(), i.number());
        }
        assertNull(t.invoices().delivery(note.id()).firstSentAt());
    }

    @Test
    void pluginsFailed_blankReason_refusedStoringNothing() {
        TenantBilling t = tenantBilling();
        InvalidTextException e = assertFailsStoringNothing(InvalidTextException.class,
                () -> t.plugins().failed("stripe", "  "));
        assertTrue(e.getMessage().contains("plugin failure reason"), e.getMessage());
        assertFailsStoringNothing(InvalidTextException.class, () -> t.plugins().connected("x".repeat(201), "gateway"));
        assertEquals(List.of(), eventsOf(dev.billops.core.event.PluginFailed.class));
    }
}
