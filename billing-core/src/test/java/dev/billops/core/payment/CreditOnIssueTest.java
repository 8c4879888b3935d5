package dev.billops.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.BillingPolicies;
import dev.billops.core.TenantBilling;
import dev.billops.core.audit.AuditRecord;
import dev.billops.core.engagement.Engagement;
import dev.billops.core.engagement.PackageRunResult;
import dev.billops.core.engagement.PackageSchedule;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.testkit.clock.MutableClock;
import dev.billops.core.memory.InMemoryBillingStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/**
 * "Apply credit on issue" through the facade: a client's credit balance pays an invoice in the
 * transaction that issues it ({@code TenantBilling.invoices().issue}, the package run), audited,
 * unless the payment policy turns it off.
 */
class CreditOnIssueTest {

    private static final TenantId FIRM = TenantId.of("firm");
    private static final CurrencyUnit EUR = Currencies.of("EUR");
    private static final ClientId ACME = ClientId.of("acme");
    private static final Address ADDRESS = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

    private final InMemoryBillingStore memory = new InMemoryBillingStore();

    private TenantBilling firm(BillingPolicies policies) {
        Billing billing = Billing.builder().stores(memory).clock(MutableClock.at(TODAY)).policies(policies).build();
        TenantBilling t = billing.tenant(FIRM, Actor.user("office@firm.test"));
        t.profile().create(Tenant.of(FIRM, "Firm GmbH", ADDRESS)
                .withVatId("DE123456789")
                .withDefaultVatRate(new BigDecimal("19")));
        t.clients().create(Client.of(ACME, "ACME AG", ADDRESS, EUR));
        return t;
    }

    private static Money eur(String amount) {
        return Money.of(EUR, amount);
    }

    /** Issues a manual invoice of 100.00 net at 19 %: 119.00. */
    private static Invoice issue119(TenantBilling t) {
        Invoice draft = t.invoices().createDraft(ACME);
        t.invoices().addLine(draft.id(), InvoiceLine.of("Consulting", BigDecimal.ONE, UnitCode.HOUR,
                UnitPrice.of(EUR, "100.00"), TaxTreatment.standard(new BigDecimal("19"))));
        return t.invoices().issue(draft.id());
    }

    @Test
    void issue_clientWithEur500Credit_invoiceIsPaidFromCreditAtIssue() {
        TenantBilling t = firm(BillingPolicies.defaults());
        t.payments().record(PaymentRequest.of(ACME, eur("500.00")).asCredit());

        Invoice issued = issue119(t);

        assertEquals(eur("119.00"), issued.totals().payable());
        assertEquals(eur("0.00"), issued.amountDue());
        assertEquals(InvoiceStatus.PAID, issued.status());
        assertEquals(issued, t.invoices().get(issued.id()));
        assertEquals(eur("381.00"), t.payments().creditBalance(ACME, EUR));
        List<AuditRecord> audits = memory.auditRecords(FIRM);
        assertTrue(audits.stream().anyMatch(a -> a.action().equals("payment.apply-credit")
                && a.entityType().equals("invoice") && a.entityId().equals(issued.id().value())), audits.toString());
        assertEquals(List.of(), t.invoices().overdueOn(TODAY.plusDays(60)));
    }

    @Test
    void issue_creditBelowTheInvoice_partiallyPaidWithTheRestDue() {
        TenantBilling t = firm(BillingPolicies.defaults());
        t.payments().record(PaymentRequest.of(ACME, eur("19.00")).asCredit());

        Invoice issued = issue119(t);

        assertEquals(InvoiceStatus.PARTIALLY_PAID, issued.status());
        assertEquals(eur("100.00"), issued.amountDue());
        assertEquals(eur("0.00"), t.payments().creditBalance(ACME, EUR));
    }

    @Test
    void issue_applyCreditOnIssueOff_creditStaysAndTheInvoiceIsDue() {
        TenantBilling t = firm(BillingPolicies.defaults()
                .withPayments(PaymentPolicy.defaults().withApplyCreditOnIssue(false)));
        t.payments().record(PaymentRequest.of(ACME, eur("500.00")).asCredit());

        Invoice issued = issue119(t);

        assertEquals(InvoiceStatus.ISSUED, issued.status());
        assertEquals(eur("119.00"), issued.amountDue());
        assertEquals(eur("500.00"), t.payments().creditBalance(ACME, EUR));
    }

    @Test
    void packageRun_clientWithCredit_packageInvoiceIsPaidFromCredit() {
        TenantBilling t = firm(BillingPolicies.defaults());
        t.payments().record(PaymentRequest.of(ACME, eur("500.00")).asCredit());
        t.engagements().create(Engagement.ofPackage(EngagementId.of("E"), ACME, "Retainer", eur("100.00"),
                PackageSchedule.MONTHLY, LocalDate.of(2026, 11, 1), null));

        PackageRunResult result = t.packages().run(TODAY);

        assertEquals(1, result.created().size(), result.toString());
        Invoice invoice = t.invoices().get(result.created().get(0).invoiceId());
        assertEquals(InvoiceStatus.PAID, invoice.status());
        assertEquals(eur("381.00"), t.payments().creditBalance(ACME, EUR));
    }

    @Test
    void packageJob_clientWithCredit_packageInvoiceIsPaidFromCredit() {
        TenantBilling t = firm(BillingPolicies.defaults());
        t.payments().record(PaymentRequest.of(ACME, eur("50.00")).asCredit());
        t.engagements().create(Engagement.ofPackage(EngagementId.of("E"), ACME, "Retainer", eur("100.00"),
                PackageSchedule.MONTHLY, LocalDate.of(2026, 11, 1), null));
        Billing billing = Billing.builder().stores(memory).clock(MutableClock.at(TODAY)).build();

        PackageRunResult result = billing.packages(Actor.system("scheduler")).run(TODAY,
                dev.billops.core.engagement.PackageRunOptions.all());

        Invoice invoice = t.invoices().get(result.created().get(0).invoiceId());
        assertEquals(InvoiceStatus.PARTIALLY_PAID, invoice.status());
        assertEquals(eur("69.00"), invoice.amountDue());
    }
}
