package dev.billops.core.invoice;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How generated invoice lines group time entries: entries share a line when they agree on every
 * chosen {@link Dimension} <em>and</em> on price, unit and tax treatment (entries with different
 * rates never merge). No dimension at all gives one line per rate and tax treatment.
 *
 * <p>Two kinds of rate group more coarsely whatever the policy: MONTH rates give one line per
 * project and calendar month, and DAY rates counted in half or full days (see
 * {@code DayRatePolicy}) group at least the work of one timekeeper on one project and date,
 * which then never splits by entry or activity.
 *
 * @param dimensions what must be equal for entries to share a line
 */
public record GroupingPolicy(Set<Dimension> dimensions) {

    /** What entries on one line have in common. */
    public enum Dimension {
        /** Each entry its own line. */
        ENTRY,
        /** The local date the entry starts on. */
        DAY,
        PROJECT,
        ACTIVITY,
        TIMEKEEPER
    }

    public GroupingPolicy {
        Objects.requireNonNull(dimensions, "dimensions");
        dimensions = dimensions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(dimensions));
    }

    /** Lines that share the given dimensions. */
    public static GroupingPolicy of(Dimension... dimensions) {
        Set<Dimension> set = EnumSet.noneOf(Dimension.class);
        for (Dimension d : dimensions) {
            set.add(Objects.requireNonNull(d, "dimension"));
        }
        return new GroupingPolicy(set);
    }

    /** One line per time entry. */
    public static GroupingPolicy perEntry() {
        return of(Dimension.ENTRY);
    }

    /** One line per project (and rate): the default. */
    public static GroupingPolicy perProject() {
        return of(Dimension.PROJECT);
    }

    /** Whether {@code dimension} is chosen. */
    public boolean has(Dimension dimension) {
        return dimensions.contains(dimension);
    }
}
