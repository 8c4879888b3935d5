package dev.billops.core.time;

import dev.billops.core.error.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * A rule that turns worked time into billable time: a grid {@code increment} (typically 1, 5, 6,
 * 10, 15, 30 or 60 minutes), a {@code direction} to move off-grid durations, and a
 * {@code minimum} billable duration.
 *
 * <p>{@link #apply(Duration)} is {@code round(max(d, minimum))} on the grid of multiples of the
 * increment counted from zero, except that zero stays zero (nothing worked, nothing billed).
 * Raising to the minimum <em>before</em> rounding is deliberate: it keeps the rule monotonic
 * (more work never bills less) and idempotent (rounding a rounded duration changes nothing)
 * even when the minimum is not a multiple of the increment. So with a 15-minute increment,
 * direction UP and a 20-minute minimum, 5 minutes bills 30 minutes.
 *
 * <p>Immutable and thread-safe. Null components throw {@link NullPointerException}; a zero or
 * negative increment, or a negative minimum, throws {@link InvalidRoundingRuleException}.
 *
 * @param increment the grid step; positive
 * @param direction how off-grid durations move onto the grid
 * @param minimum the least billable duration for any non-zero duration; zero for none
 */
public record DurationRounding(Duration increment, RoundingDirection direction, Duration minimum) {

    private static final Duration ONE_NANO = Duration.ofNanos(1);
    /** Below this many seconds (about 126 years) value and increment fit in a long of nanoseconds, twice over. */
    private static final long LONG_ARITHMETIC_LIMIT_SECONDS = 4_000_000_000L;
    private static final DurationRounding NONE = new DurationRounding(ONE_NANO, RoundingDirection.DOWN, Duration.ZERO);

    /**
     * @throws InvalidRoundingRuleException if the increment is not positive or the minimum is negative
     */
    public DurationRounding {
        Objects.requireNonNull(increment, "increment");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(minimum, "minimum");
        if (increment.isZero() || increment.isNegative()) {
            throw new InvalidRoundingRuleException("increment", increment, "positive");
        }
        if (minimum.isNegative()) {
            throw new InvalidRoundingRuleException("minimum", minimum, "zero or positive");
        }
    }

    /**
     * A rule with no minimum billable duration.
     *
     * @throws InvalidRoundingRuleException if the increment is not positive
     */
    public static DurationRounding of(Duration increment, RoundingDirection direction) {
        return new DurationRounding(increment, direction, Duration.ZERO);
    }

    /**
     * A rule with a minimum billable duration.
     *
     * @throws InvalidRoundingRuleException if the increment is not positive or the minimum negative
     */
    public static DurationRounding of(Duration increment, RoundingDirection direction, Duration minimum) {
        return new DurationRounding(increment, direction, minimum);
    }

    /**
     * A rule on a grid of whole minutes, e.g. {@code ofMinutes(15, UP)}.
     *
     * @throws InvalidRoundingRuleException if {@code minutes} is not positive
     */
    public static DurationRounding ofMinutes(long minutes, RoundingDirection direction) {
        return of(Duration.ofMinutes(minutes), direction);
    }

    /** The rule that bills exactly the time worked: {@link #apply} returns its argument unchanged. */
    public static DurationRounding none() {
        return NONE;
    }

    /** The same rule with a different minimum billable duration. */
    public DurationRounding withMinimum(Duration newMinimum) {
        return new DurationRounding(increment, direction, newMinimum);
    }

    /**
     * The billable duration for {@code worked}: zero for zero, otherwise
     * {@code round(max(worked, minimum))} on the increment grid (see the class comment).
     *
     * @throws InvalidInputException if {@code worked} is negative
     * @throws ArithmeticException if the rounded result does not fit in a {@link Duration}
     */
    public Duration apply(Duration worked) {
        Objects.requireNonNull(worked, "worked");
        if (worked.isNegative()) {
            throw new InvalidInputException("cannot round a negative duration (" + worked + ")");
        }
        if (worked.isZero()) {
            return Duration.ZERO;
        }
        Duration raised = worked.compareTo(minimum) < 0 ? minimum : worked;
        if (raised.getSeconds() < LONG_ARITHMETIC_LIMIT_SECONDS && increment.getSeconds() < LONG_ARITHMETIC_LIMIT_SECONDS) {
            long value = raised.toNanos();
            long step = increment.toNanos();
            long remainder = value % step;
            if (remainder == 0) {
                return raised;
            }
            long down = value - remainder;
            return Duration.ofNanos(roundsUp(remainder, step) ? down + step : down);
        }
        BigDecimal value = seconds(raised);
        BigDecimal step = seconds(increment);
        BigDecimal remainder = value.remainder(step);
        if (remainder.signum() == 0) {
            return raised;
        }
        BigDecimal down = value.subtract(remainder);
        boolean up = switch (direction) {
            case UP -> true;
            case DOWN -> false;
            case NEAREST -> remainder.add(remainder).compareTo(step) >= 0;
        };
        return duration(up ? down.add(step) : down);
    }

    private boolean roundsUp(long remainder, long step) {
        return switch (direction) {
            case UP -> true;
            case DOWN -> false;
            // remainder < step < 2^62 here, so doubling cannot overflow
            case NEAREST -> 2 * remainder >= step;
        };
    }

    /** {@code d} in seconds, exactly: its nano-of-second are the nine decimals. */
    private static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    }

    /** The duration of a non-negative number of {@code seconds} with at most nine decimals. */
    private static Duration duration(BigDecimal seconds) {
        BigDecimal whole = seconds.setScale(0, RoundingMode.DOWN);
        return Duration.ofSeconds(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).longValueExact());
    }

    /** Whether this is {@link #none()}, the rule that changes nothing. */
    public boolean isNone() {
        // equals(NONE) spelled out on the components: billed durations ask this for every entry
        return this == NONE || direction == NONE.direction && increment.equals(NONE.increment)
                && minimum.equals(NONE.minimum);
    }
}
