package dev.billops.core.memory;

import dev.billops.core.id.InvoiceId;
import dev.billops.core.spi.ReminderStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

final class MemReminderStore implements ReminderStore {

    private final Session session;

    MemReminderStore(Session session) {
        this.session = session;
    }

    @Override
    public boolean recordSent(InvoiceId invoice, String step, LocalDate date) {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(date, "date");
        TenantState state = session.state();
        for (StoreSnapshot.SentReminder sent : state.reminders(invoice)) {
            if (sent.step().equals(step)) {
                return false;
            }
        }
        state.addReminder(new StoreSnapshot.SentReminder(invoice, step, date));
        return true;
    }

    @Override
    public List<String> sentSteps(InvoiceId invoice) {
        Objects.requireNonNull(invoice, "invoice");
        List<String> steps = new ArrayList<>();
        for (StoreSnapshot.SentReminder sent : session.state().reminders(invoice)) {
            steps.add(sent.step());
        }
        return steps;
    }
}
