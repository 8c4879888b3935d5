package dev.billops.core.internal;

import dev.billops.core.engagement.Engagement;
import dev.billops.core.engagement.EngagementStatus;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.PrepaymentDeduction;
import dev.billops.core.money.Money;
import dev.billops.core.payment.Allocation;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentStatus;
import java.lang.invoke.MethodHandles;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Not API. The one door through which the services move {@link Invoice}, {@link Payment} and
 * {@link Engagement} from one state to another: issue, void and settle an invoice, allocate and
 * refund a payment, renew or end an engagement. The aggregates keep these transitions private and
 * register an accessor here when their class is initialized (the JDK's "shared secrets"
 * pattern), so a host holding a value cannot move it to another status, settle, number or re-date
 * it.
 *
 * <p>Each method returns the changed value; storing it is the caller's business. Thread-safe.
 */
public final class Transitions {

    /** The transitions of {@link Invoice}, registered by it. */
    public interface InvoiceTransitions {
        /** The issued form of a draft: number, dates and status ISSUED set; nothing else changes. */
        Invoice issuedAs(Invoice draft, String number, LocalDate issueDate, LocalDate dueDate);

        /** The issued invoice with amount paid at issue {@code prepaid} (BT-113); nothing else changes. */
        Invoice withPrepaid(Invoice issued, Money prepaid);

        /** The invoice with {@code status}. */
        Invoice withStatus(Invoice invoice, InvoiceStatus status);

        /** The invoice with these paid and credited amounts and the status they imply. */
        Invoice withSettlement(Invoice invoice, Money paid, Money credited);

        /** The draft as an invoice of another type (a self-billed one moves to its own series). */
        Invoice withType(Invoice draft, DocumentType type);

        /** The draft deducting {@code prepayments} (prepayment invoices checked by the caller). */
        Invoice withPrepayments(Invoice draft, List<PrepaymentDeduction> prepayments);
    }

    /** The transitions of {@link Payment}, registered by it. */
    public interface PaymentTransitions {
        /** The payment with {@code status}. */
        Payment withStatus(Payment payment, PaymentStatus status);

        /** The payment with these allocations. */
        Payment withAllocations(Payment payment, List<Allocation> allocations);

        /** The payment with {@code refunded} refunded so far and {@code status}. */
        Payment withRefunded(Payment payment, Money refunded, PaymentStatus status);
    }

    /** The transitions of {@link Engagement}, registered by it. */
    public interface EngagementTransitions {
        /** The engagement with {@code status}. */
        Engagement withStatus(Engagement engagement, EngagementStatus status);

        /** The engagement ending on {@code endDate} (inclusive), or open-ended if null. */
        Engagement withEndDate(Engagement engagement, @Nullable LocalDate endDate);
    }

    private static volatile @Nullable InvoiceTransitions invoices;
    private static volatile @Nullable PaymentTransitions payments;
    private static volatile @Nullable EngagementTransitions engagements;

    private Transitions() {
    }

    /**
     * Registers the invoice transitions; only {@link Invoice}'s static initializer calls this.
     *
     * @throws IllegalStateException if they are registered already
     */
    public static synchronized void register(InvoiceTransitions transitions) {
        Objects.requireNonNull(transitions, "transitions");
        if (invoices != null) {
            throw new IllegalStateException("invoice transitions are registered already");
        }
        invoices = transitions;
    }

    /**
     * Registers the payment transitions; only {@link Payment}'s static initializer calls this.
     *
     * @throws IllegalStateException if they are registered already
     */
    public static synchronized void register(PaymentTransitions transitions) {
        Objects.requireNonNull(transitions, "transitions");
        if (payments != null) {
            throw new IllegalStateException("payment transitions are registered already");
        }
        payments = transitions;
    }

    /**
     * Registers the engagement transitions; only {@link Engagement}'s static initializer calls this.
     *
     * @throws IllegalStateException if they are registered already
     */
    public static synchronized void register(EngagementTransitions transitions) {
        Objects.requireNonNull(transitions, "transitions");
        if (engagements != null) {
            throw new IllegalStateException("engagement transitions are registered already");
        }
        engagements = transitions;
    }

    /** See {@link InvoiceTransitions#issuedAs}. */
    public static Invoice issuedAs(Invoice draft, String number, LocalDate issueDate, LocalDate dueDate) {
        return invoices().issuedAs(draft, number, issueDate, dueDate);
    }

    /** See {@link InvoiceTransitions#withPrepaid}. */
    public static Invoice withPrepaid(Invoice issued, Money prepaid) {
        return invoices().withPrepaid(issued, prepaid);
    }

    /** See {@link InvoiceTransitions#withStatus}. */
    public static Invoice withStatus(Invoice invoice, InvoiceStatus status) {
        return invoices().withStatus(invoice, status);
    }

    /** See {@link InvoiceTransitions#withSettlement}. */
    public static Invoice withSettlement(Invoice invoice, Money paid, Money credited) {
        return invoices().withSettlement(invoice, paid, credited);
    }

    /** See {@link InvoiceTransitions#withPrepayments}. */
    public static Invoice withPrepayments(Invoice draft, List<PrepaymentDeduction> prepayments) {
        return invoices().withPrepayments(draft, prepayments);
    }

    /** See {@link InvoiceTransitions#withType}. */
    public static Invoice withType(Invoice draft, DocumentType type) {
        return invoices().withType(draft, type);
    }

    /** See {@link PaymentTransitions#withStatus}. */
    public static Payment withStatus(Payment payment, PaymentStatus status) {
        return payments().withStatus(payment, status);
    }

    /** See {@link PaymentTransitions#withAllocations}. */
    public static Payment withAllocations(Payment payment, List<Allocation> allocations) {
        return payments().withAllocations(payment, allocations);
    }

    /** See {@link PaymentTransitions#withRefunded}. */
    public static Payment withRefunded(Payment payment, Money refunded, PaymentStatus status) {
        return payments().withRefunded(payment, refunded, status);
    }

    /** See {@link EngagementTransitions#withStatus}. */
    public static Engagement withStatus(Engagement engagement, EngagementStatus status) {
        return engagements().withStatus(engagement, status);
    }

    /** See {@link EngagementTransitions#withEndDate}. */
    public static Engagement withEndDate(Engagement engagement, @Nullable LocalDate endDate) {
        return engagements().withEndDate(engagement, endDate);
    }

    private static InvoiceTransitions invoices() {
        if (invoices == null) {
            initialize(Invoice.class);
        }
        return Objects.requireNonNull(invoices, "Invoice registered no transitions");
    }

    private static PaymentTransitions payments() {
        if (payments == null) {
            initialize(Payment.class);
        }
        return Objects.requireNonNull(payments, "Payment registered no transitions");
    }

    private static EngagementTransitions engagements() {
        if (engagements == null) {
            initialize(Engagement.class);
        }
        return Objects.requireNonNull(engagements, "Engagement registered no transitions");
    }

    /** Runs {@code aggregate}'s static initializer, which registers its transitions, if it has not run yet. */
    private static void initialize(Class<?> aggregate) {
        try {
            MethodHandles.lookup().ensureInitialized(aggregate);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot initialize " + aggregate.getName(), e);
        }
    }
}
