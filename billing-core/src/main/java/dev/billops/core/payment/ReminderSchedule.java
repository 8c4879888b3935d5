package dev.billops.core.payment;

import dev.billops.core.error.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When open invoices are reminded: steps before, on and after the due date.
 *
 * <p>On a given date an invoice is at the latest step whose date has come; that step is sent if it
 * was not sent before. A step skipped because reminders did not run on its day is not sent late
 * once a later step has come (so a client never gets three reminders at once).
 *
 * @param steps the steps, sorted by {@link ReminderStep#daysFromDue()}; names and offsets unique
 */
public record ReminderSchedule(List<ReminderStep> steps) {

    public ReminderSchedule {
        List<ReminderStep> sorted = new ArrayList<>(Objects.requireNonNull(steps, "steps"));
        sorted.sort(Comparator.comparingInt(ReminderStep::daysFromDue));
        Set<String> names = new HashSet<>();
        Set<Integer> offsets = new HashSet<>();
        for (ReminderStep s : sorted) {
            if (!names.add(s.name()) || !offsets.add(s.daysFromDue())) {
                throw new InvalidInputException("reminder schedule has two steps named '" + s.name()
                        + "' or falling " + s.daysFromDue() + " days from the due date");
            }
        }
        steps = List.copyOf(sorted);
    }

    public static ReminderSchedule of(ReminderStep... steps) {
        return new ReminderSchedule(List.of(steps));
    }

    /** No reminders. */
    public static ReminderSchedule none() {
        return new ReminderSchedule(List.of());
    }

    /** 3 days before due, on the due date, 7 and 30 days after. */
    public static ReminderSchedule standard() {
        return of(ReminderStep.before(3), ReminderStep.onDue(), ReminderStep.after(7), ReminderStep.after(30));
    }

    /** The latest step that has come on {@code date} for an invoice due on {@code dueDate}, if any. */
    public Optional<ReminderStep> stepOn(LocalDate dueDate, LocalDate date) {
        ReminderStep current = null;
        for (ReminderStep s : steps) {
            if (!s.dateFor(dueDate).isAfter(date)) {
                current = s;
            }
        }
        return Optional.ofNullable(current);
    }
}
