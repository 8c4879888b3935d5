package dev.billops.jdbc.internal;

import dev.billops.core.id.InvoiceId;
import dev.billops.core.spi.ReminderStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Reminder steps sent; the primary key (invoice, step) makes each step recordable once. */
final class JdbcReminderStore extends JdbcPort implements ReminderStore {

    JdbcReminderStore(JdbcSession session) {
        super(session);
    }

    @Override
    public boolean recordSent(InvoiceId invoice, String step, LocalDate date) {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(date, "date");
        return h().createUpdate("INSERT INTO billops_reminder_sent (tenant_id, invoice_id, step, sent_on) "
                + "VALUES (:t, :invoice, :step, :date) ON CONFLICT DO NOTHING")
                .bind("t", t()).bind("invoice", invoice.value()).bind("step", step)
                .bindByType("date", date, LocalDate.class)
                .execute() == 1;
    }

    @Override
    public List<String> sentSteps(InvoiceId invoice) {
        Objects.requireNonNull(invoice, "invoice");
        return h().createQuery("SELECT step FROM billops_reminder_sent WHERE tenant_id = :t AND invoice_id = :invoice "
                + "ORDER BY seq")
                .bind("t", t()).bind("invoice", invoice.value())
                .mapTo(String.class).list();
    }
}
