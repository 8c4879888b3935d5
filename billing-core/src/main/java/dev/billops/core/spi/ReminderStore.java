package dev.billops.core.spi;

import dev.billops.core.id.InvoiceId;
import java.time.LocalDate;
import java.util.List;

/** Port: which reminder steps have been sent for which invoice, so each step is sent once. */
public interface ReminderStore {

    /** Records that {@code step} was sent for {@code invoice} on {@code date}; false if it was recorded before. */
    boolean recordSent(InvoiceId invoice, String step, LocalDate date);

    /** Steps recorded for {@code invoice}, in recording order. */
    List<String> sentSteps(InvoiceId invoice);
}
