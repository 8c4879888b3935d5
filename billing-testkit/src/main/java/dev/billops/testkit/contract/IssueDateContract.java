package dev.billops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.IssueDateInFutureException;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.testkit.clock.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Issuing with an explicit issue date through the public API ({@link Billing}, {@link TenantBilling})
 * on the store under test: back-dated issuing without a fixed clock, due date and yearly counter
 * following the given date, and a date after the tenant's today refused. See {@link StoreContract}
 * for how to run it.
 */
public abstract class IssueDateContract extends StoreContract {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** 00:30 in Berlin on 1 January 2027, still 31 December 2026 in UTC. */
    private static final Instant NEW_YEAR_BERLIN = Instant.parse("2026-12-31T23:30:00Z");
    private static final Address ADDRESS = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");
    private static final ClientId CLIENT = ClientId.of("kunde");

    private final MutableClock clock = MutableClock.of(Instant.parse("2027-03-10T09:00:00Z"), ZoneOffset.UTC);

    private TenantBilling german() {
        TenantBilling t = Billing.builder().stores(store).clock(clock).build()
                .tenant(tenant, Actor.user("office@de.test"));
        t.profile().create(Tenant.of(tenant, "Muster GmbH", ADDRESS)
                .withVatId("DE123456789")
                .withDefaultVatRate(new BigDecimal("19"))
                .withZone(BERLIN));
        t.clients().create(Client.of(CLIENT, "Kunde AG", ADDRESS, Currencies.of("EUR")).withTerms(14));
        return t;
    }

    private static Invoice draftWithLine(TenantBilling t) {
        Invoice draft = t.invoices().createDraft(CLIENT);
        return t.invoices().addLine(draft.id(), InvoiceLine.of("Beratung", BigDecimal.ONE, UnitCode.HOUR,
                UnitPrice.of(Currencies.of("EUR"), "100.00"), TaxTreatment.standard(new BigDecimal("19"))));
    }

    @Test
    void issue_backDated_issueAndDueDateFollowTheGivenDate() {
        TenantBilling t = german();
        Invoice draft = draftWithLine(t);

        Invoice issued = t.invoices().issue(draft.id(), LocalDate.of(2027, 2, 20));

        assertEquals(InvoiceStatus.ISSUED, issued.status());
        assertEquals(LocalDate.of(2027, 2, 20), issued.issueDate());
        assertEquals(LocalDate.of(2027, 3, 6), issued.dueDate());
        assertEquals("INV-2027-00001", issued.number());
        assertEquals(issued, t.invoices().get(draft.id()));
    }

    @Test
    void issue_backDatedIntoLastYear_takesLastYearsCounter() {
        TenantBilling t = german();
        Invoice thisYear = t.invoices().issue(draftWithLine(t).id());
        Invoice lastYear = t.invoices().issue(draftWithLine(t).id(), LocalDate.of(2026, 12, 30));
        Invoice thisYearAgain = t.invoices().issue(draftWithLine(t).id(), LocalDate.of(2027, 3, 10));

        assertEquals("INV-2027-00001", thisYear.number());
        assertEquals("INV-2026-00001", lastYear.number());
        assertEquals(LocalDate.of(2027, 1, 13), lastYear.dueDate());
        assertEquals("INV-2027-00002", thisYearAgain.number());
    }

    @Test
    void issue_tenantsTodayJustAfterMidnight_acceptedThoughUtcIsStillYesterday() {
        clock.setInstant(NEW_YEAR_BERLIN);
        TenantBilling t = german();

        Invoice issued = t.invoices().issue(draftWithLine(t).id(), LocalDate.of(2027, 1, 1));

        assertEquals(LocalDate.of(2027, 1, 1), issued.issueDate());
        assertEquals("INV-2027-00001", issued.number());
    }

    @Test
    void issue_dateAfterTenantsToday_throwsAndStoresNothing() {
        clock.setInstant(NEW_YEAR_BERLIN);
        TenantBilling t = german();
        Invoice draft = draftWithLine(t);

        IssueDateInFutureException e = assertFailsStoringNothing(IssueDateInFutureException.class,
                () -> t.invoices().issue(draft.id(), LocalDate.of(2027, 1, 2)));

        assertEquals(draft.id(), e.invoiceId());
        assertEquals(LocalDate.of(2027, 1, 2), e.issueDate());
        assertEquals(LocalDate.of(2027, 1, 1), e.today());
        assertTrue(e.getMessage().contains("2027-01-02") && e.getMessage().contains("2027-01-01"), e.getMessage());
        assertEquals(InvoiceStatus.DRAFT, t.invoices().get(draft.id()).status());
        assertEquals("INV-2027-00001", t.invoices().issue(draft.id()).number());
    }
}
