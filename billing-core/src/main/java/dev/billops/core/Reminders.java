package dev.billops.core;

import dev.billops.core.payment.LateFeePolicy;
import dev.billops.core.payment.ReminderPolicy;
import dev.billops.core.payment.ReminderRun;
import dev.billops.core.payment.ReminderStep;
import dev.billops.core.spi.ReminderStore;
import dev.billops.core.event.InvoiceOverdue;
import dev.billops.core.event.ReminderDue;
import dev.billops.core.id.EventId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.internal.TenantScope;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Runs dunning for a date: for every open invoice (ISSUED or PARTIALLY_PAID, something due) it
 * publishes {@code reminder.due} for the schedule step that has come, {@code invoice.overdue}
 * the first time the invoice is seen past due, and, if a late-fee policy is set, drafts one late
 * fee per overdue invoice. Each of these happens once per invoice, however often and from however
 * many processes the run is repeated: the {@link ReminderStore} records what was sent, in the same
 * transaction as the event or draft.
 *
 * <p>Each invoice is handled in its own transaction: if one fails, the run stops with its
 * exception, what was done for the invoices before it stays done, and running again continues
 * where it stopped. Amounts are the invoices' current balances.
 *
 * <p>Thread-safe; cheap to create.
 */
public final class Reminders {

    private final TenantScope scope;
    private final ReminderPolicy policy;

    Reminders(TenantScope scope, ReminderPolicy policy) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public ReminderPolicy policy() {
        return policy;
    }

    /** {@link #run} for the tenant's today: the clock's instant in the tenant's zone. */
    public ReminderRun runToday() {
        return run(scope.today());
    }

    /** Sends what is due on {@code date}; returns what it sent. Safe to repeat. */
    public ReminderRun run(LocalDate date) {
        Objects.requireNonNull(date, "date");
        List<InvoiceId> open = scope.tx(session -> {
            List<InvoiceId> ids = new ArrayList<>();
            session.get(InvoiceStore.class).forEach(InvoiceQuery.open(null), inv -> ids.add(inv.id()));
            return ids;
        });
        List<ReminderDue> reminders = new ArrayList<>();
        List<InvoiceOverdue> overdue = new ArrayList<>();
        List<Invoice> drafts = new ArrayList<>();
        for (InvoiceId id : open) {
            Outcome outcome = scope.tx(session -> remind(session, id, date));
            if (outcome.reminder() != null) {
                reminders.add(outcome.reminder());
            }
            if (outcome.overdue() != null) {
                overdue.add(outcome.overdue());
            }
            if (outcome.lateFee() != null) {
                drafts.add(outcome.lateFee());
            }
        }
        return new ReminderRun(date, reminders, overdue, drafts);
    }

    private Outcome remind(StoreSession session, InvoiceId id, LocalDate date) {
        Optional<Invoice> found = session.get(InvoiceStore.class).find(id);
        if (found.isEmpty()) {
            return Outcome.NOTHING;
        }
        Invoice inv = found.get();
        LocalDate dueDate = inv.dueDate();
        String number = inv.number();
        if (dueDate == null || number == null || !inv.amountDue().isPositive()
                || (inv.status() != InvoiceStatus.ISSUED && inv.status() != InvoiceStatus.PARTIALLY_PAID)) {
            return Outcome.NOTHING;
        }
        ReminderStore sent = session.get(ReminderStore.class);
        ReminderDue reminder = null;
        Optional<ReminderStep> step = policy.schedule().stepOn(dueDate, date);
        if (step.isPresent() && sent.recordSent(id, step.get().name(), date)) {
            reminder = new ReminderDue(EventId.generate(), scope.clock().instant(), id, number, inv.clientId(),
                    step.get().name(), inv.amountDue());
            scope.publish(session, reminder);
        }
        InvoiceOverdue overdue = null;
        if (inv.isOverdueOn(date) && sent.recordSent(id, ReminderStep.OVERDUE_MARKER, date)) {
            overdue = new InvoiceOverdue(EventId.generate(), scope.clock().instant(), id, number, inv.clientId(),
                    inv.amountDue(), (int) ChronoUnit.DAYS.between(dueDate, date));
            scope.publish(session, overdue);
        }
        Invoice draft = null;
        LateFeePolicy fee = policy.lateFee();
        if (fee != null) {
            Optional<Invoice> candidate = fee.draftFor(inv, date);
            if (candidate.isPresent() && sent.recordSent(id, ReminderStep.LATE_FEE_MARKER, date)) {
                draft = candidate.get();
                session.get(InvoiceStore.class).insert(draft);
                scope.audit(session, "invoice.late-fee", "invoice", draft.id().value(), null, draft);
            }
        }
        return new Outcome(reminder, overdue, draft);
    }

    /** What one invoice's transaction produced. */
    private record Outcome(@Nullable ReminderDue reminder, @Nullable InvoiceOverdue overdue,
            @Nullable Invoice lateFee) {

        static final Outcome NOTHING = new Outcome(null, null, null);
    }
}
