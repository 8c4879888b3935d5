package dev.billops.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.engagement.Engagement;
import dev.billops.core.engagement.EngagementStatus;
import dev.billops.core.engagement.PackageSchedule;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.payment.Allocation;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentStatus;
import dev.billops.core.tax.TaxTreatment;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The aggregates guard their transitions: a host holding an {@link Invoice}, {@link Payment} or
 * {@link Engagement} finds no public method that moves it to another status, settles, numbers or
 * re-dates it; the services do that through {@link Transitions}.
 */
class AggregateTransitionsTest {

    private static final LocalDate D0 = LocalDate.of(2026, 1, 1);

    /** Method names that would change status, settlement, number or dates: none may be public. */
    private static final List<String> FORBIDDEN_ON_INVOICE = List.of("issuedAs", "withStatus", "withSettlement",
            "withNumber", "withIssueDate", "withDueDate", "withPaid", "withCredited", "withType", "issue", "voided",
            "settle");
    private static final List<String> FORBIDDEN_ON_PAYMENT = List.of("withStatus", "withAllocations", "withRefunded",
            "withAmount", "withReceivedOn", "refund", "allocate");
    private static final List<String> FORBIDDEN_ON_ENGAGEMENT = List.of("withStatus", "withEndDate", "withStartDate",
            "withRenewsId", "end", "renew");

    /** The public withers each aggregate has; a new one must be checked against the rule and added here. */
    private static final Set<String> INVOICE_WITHERS = Set.of("withLines", "withAdjustments", "withPricing",
            "withPayableRounding", "withServicePeriod", "withNotes", "withPurchaseOrderRef", "withReferences",
            "withTerms", "withSeries", "withMetadata", "withVersion");
    private static final Set<String> PAYMENT_WITHERS = Set.of("withVersion");
    private static final Set<String> ENGAGEMENT_WITHERS = Set.of("withVersion");

    private static Set<String> publicMethodNames(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isPublic(m.getModifiers())) {
                names.add(m.getName());
            }
        }
        return names;
    }

    private static void assertNonePublic(Class<?> type, List<String> forbidden) {
        Set<String> shown = publicMethodNames(type);
        for (String name : forbidden) {
            assertTrue(!shown.contains(name), type.getSimpleName() + "." + name + " is public");
        }
    }

    private static void assertWithersAre(Class<?> type, Set<String> allowed) {
        Set<String> withers = new TreeSet<>();
        for (String name : publicMethodNames(type)) {
            if (name.startsWith("with")) {
                withers.add(name);
            }
        }
        assertEquals(new TreeSet<>(allowed), withers, type.getSimpleName() + "'s public withers");
    }

    @Test
    void invoice_noPublicTransition() {
        assertNonePublic(Invoice.class, FORBIDDEN_ON_INVOICE);
        assertWithersAre(Invoice.class, INVOICE_WITHERS);
    }

    @Test
    void payment_noPublicTransition() {
        assertNonePublic(Payment.class, FORBIDDEN_ON_PAYMENT);
        assertWithersAre(Payment.class, PAYMENT_WITHERS);
    }

    @Test
    void engagement_noPublicTransition() {
        assertNonePublic(Engagement.class, FORBIDDEN_ON_ENGAGEMENT);
        assertWithersAre(Engagement.class, ENGAGEMENT_WITHERS);
    }

    @Test
    void transitions_invoice_issueSettleVoid() {
        Invoice draft = Invoice.draft(InvoiceId.of("i"), ClientId.of("c"), Currencies.of("EUR"), InvoiceSource.MANUAL)
                .withLines(List.of(InvoiceLine.of("Work", BigDecimal.ONE, UnitCode.HOUR,
                        UnitPrice.of(Currencies.of("EUR"), "100.00"), TaxTreatment.zeroRated())));

        Invoice issued = Transitions.issuedAs(draft, "INV-1", D0, D0.plusDays(30));
        Invoice paid = Transitions.withSettlement(issued, Money.of("EUR", "100.00"), Money.of("EUR", "0.00"));

        assertEquals(InvoiceStatus.ISSUED, issued.status());
        assertEquals("INV-1", issued.number());
        assertEquals(D0.plusDays(30), issued.dueDate());
        assertEquals(InvoiceStatus.PAID, paid.status());
        assertEquals(InvoiceStatus.VOID, Transitions.withStatus(issued, InvoiceStatus.VOID).status());
    }

    @Test
    void transitions_paymentAndEngagement() {
        Money hundred = Money.of("EUR", "100.00");
        Payment p = new Payment(PaymentId.of("p"), ClientId.of("c"), hundred, D0, "bank-transfer", null, null,
                PaymentStatus.PENDING, Money.of("EUR", "0.00"), List.of(), 0);
        Payment succeeded = Transitions.withStatus(p, PaymentStatus.SUCCEEDED);
        Payment allocated = Transitions.withAllocations(succeeded,
                List.of(new Allocation(InvoiceId.of("i"), Money.of("EUR", "60.00"), D0, 1)));
        Payment refunded = Transitions.withRefunded(allocated, Money.of("EUR", "40.00"), PaymentStatus.PARTIALLY_REFUNDED);
        Engagement e = Engagement.ofPackage(EngagementId.of("e"), ClientId.of("c"), "Retainer", hundred,
                PackageSchedule.MONTHLY, D0, null);
        Engagement ended = Transitions.withStatus(Transitions.withEndDate(e, D0.plusMonths(3)), EngagementStatus.ENDED);

        assertEquals(PaymentStatus.SUCCEEDED, succeeded.status());
        assertEquals(Money.of("EUR", "40.00"), allocated.unallocated());
        assertEquals(Money.of("EUR", "40.00"), refunded.refunded());
        assertEquals(EngagementStatus.ENDED, ended.status());
        assertEquals(D0.plusMonths(3), ended.endDate());
    }

    @Test
    void register_secondTime_throws() {
        Invoice.draft(InvoiceId.of("i"), ClientId.of("c"), Currencies.of("EUR"), InvoiceSource.MANUAL);
        Transitions.InvoiceTransitions fake = (Transitions.InvoiceTransitions) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Transitions.InvoiceTransitions.class}, (proxy, m, a) -> null);
        assertThrows(IllegalStateException.class, () -> Transitions.register(fake));
        assertTrue(Arrays.stream(Invoice.class.getDeclaredMethods()).anyMatch(m -> m.getName().equals("issuedAs")
                && Modifier.isPrivate(m.getModifiers())), "Invoice keeps its transition private");
    }
}
