package dev.billops.core.payment;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Dunning: when open invoices are reminded, and whether overdue invoices are charged a late fee.
 *
 * @param schedule the reminder steps
 * @param lateFee the late fee, or null for none
 */
public record ReminderPolicy(ReminderSchedule schedule, @Nullable LateFeePolicy lateFee) {

    public ReminderPolicy {
        Objects.requireNonNull(schedule, "schedule");
    }

    /** The standard schedule ({@link ReminderSchedule#standard()}), no late fee. */
    public static ReminderPolicy defaults() {
        return new ReminderPolicy(ReminderSchedule.standard(), null);
    }

    public ReminderPolicy withSchedule(ReminderSchedule schedule) {
        return new ReminderPolicy(schedule, lateFee);
    }

    public ReminderPolicy withLateFee(@Nullable LateFeePolicy lateFee) {
        return new ReminderPolicy(schedule, lateFee);
    }
}
