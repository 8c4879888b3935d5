package dev.billops.core.payment;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One step of a reminder schedule: a name (recorded so the step is sent once per invoice) and
 * when it falls relative to the due date.
 *
 * @param name 1-40 characters of {@code [a-z0-9-]}; not {@value #OVERDUE_MARKER} or
 *     {@value #LATE_FEE_MARKER}, which the reminder service records for itself
 * @param daysFromDue negative: before the due date; zero: on it; positive: after it
 */
public record ReminderStep(String name, int daysFromDue) {

    /** Recorded in the reminder store when {@code invoice.overdue} was published. */
    public static final String OVERDUE_MARKER = "overdue";
    /** Recorded in the reminder store when a late fee was drafted. */
    public static final String LATE_FEE_MARKER = "late-fee";

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");

    public ReminderStep {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches() || name.equals(OVERDUE_MARKER) || name.equals(LATE_FEE_MARKER)) {
            throw new InvalidInputException("reminder step name " + Text.quote(name) + " must be 1-40 characters of a-z, 0-9"
                    + " or '-', and not '" + OVERDUE_MARKER + "' or '" + LATE_FEE_MARKER + "'");
        }
        if (Math.abs(daysFromDue) > 3650) {
            throw new InvalidInputException("reminder step " + name + ": " + daysFromDue
                    + " days from the due date is beyond ten years");
        }
    }

    /** {@code days} days before the due date, named {@code before-<days>}. */
    public static ReminderStep before(int days) {
        requirePositive(days);
        return new ReminderStep("before-" + days, -days);
    }

    /** On the due date, named {@code due}. */
    public static ReminderStep onDue() {
        return new ReminderStep("due", 0);
    }

    /** {@code days} days after the due date, named {@code after-<days>}. */
    public static ReminderStep after(int days) {
        requirePositive(days);
        return new ReminderStep("after-" + days, days);
    }

    /** The date this step falls on for an invoice due on {@code dueDate}. */
    public LocalDate dateFor(LocalDate dueDate) {
        return dueDate.plusDays(daysFromDue);
    }

    private static void requirePositive(int days) {
        if (days <= 0) {
            throw new InvalidInputException("reminder offset " + days + " days must be positive");
        }
    }
}
