package dev.billops.core.payment;

import dev.billops.core.event.InvoiceOverdue;
import dev.billops.core.event.ReminderDue;
import dev.billops.core.invoice.Invoice;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one reminder run produced; each item was also written (events to the outbox, drafts to the
 * invoice store) in the transaction of its invoice.
 *
 * @param date the date the run was for
 * @param reminders reminder steps that came due and had not been sent
 * @param overdue invoices that were seen overdue for the first time
 * @param lateFeeDrafts new late-fee drafts
 */
public record ReminderRun(LocalDate date, List<ReminderDue> reminders, List<InvoiceOverdue> overdue,
        List<Invoice> lateFeeDrafts) {

    public ReminderRun {
        Objects.requireNonNull(date, "date");
        reminders = List.copyOf(Objects.requireNonNull(reminders, "reminders"));
        overdue = List.copyOf(Objects.requireNonNull(overdue, "overdue"));
        lateFeeDrafts = List.copyOf(Objects.requireNonNull(lateFeeDrafts, "lateFeeDrafts"));
    }
}
