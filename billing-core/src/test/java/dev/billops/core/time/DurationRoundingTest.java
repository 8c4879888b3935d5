package dev.billops.core.time;

import static dev.billops.core.time.RoundingDirection.DOWN;
import static dev.billops.core.time.RoundingDirection.NEAREST;
import static dev.billops.core.time.RoundingDirection.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationRoundingTest {

    private static Duration min(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static Duration minSec(long minutes, long seconds) {
        return Duration.ofMinutes(minutes).plusSeconds(seconds);
    }

    @Test
    void apply_up15_roundsEveryStartedQuarterUp() {
        DurationRounding rule = DurationRounding.ofMinutes(15, UP);
        assertEquals(min(15), rule.apply(Duration.ofSeconds(1)));
        assertEquals(min(15), rule.apply(min(15)));
        assertEquals(min(30), rule.apply(minSec(15, 1)));
        assertEquals(min(60), rule.apply(min(46)));
    }

    @Test
    void apply_down15_dropsThePartialQuarter() {
        DurationRounding rule = DurationRounding.ofMinutes(15, DOWN);
        assertEquals(Duration.ZERO, rule.apply(min(14)));
        assertEquals(min(15), rule.apply(minSec(29, 59)));
        assertEquals(min(30), rule.apply(min(30)));
    }

    @Test
    void apply_nearest15_roundsToClosestQuarter() {
        DurationRounding rule = DurationRounding.ofMinutes(15, NEAREST);
        assertEquals(Duration.ZERO, rule.apply(minSec(7, 29)));
        assertEquals(min(15), rule.apply(minSec(22, 29)));
        assertEquals(min(30), rule.apply(minSec(22, 31)));
    }

    @Test
    void apply_nearestExactHalf_goesUp() {
        assertEquals(min(15), DurationRounding.ofMinutes(15, NEAREST).apply(minSec(7, 30)));
        assertEquals(min(30), DurationRounding.ofMinutes(15, NEAREST).apply(minSec(22, 30)));
        assertEquals(min(6), DurationRounding.ofMinutes(6, NEAREST).apply(min(3)));
        assertEquals(min(60), DurationRounding.ofMinutes(60, NEAREST).apply(min(30)));
    }

    @Test
    void apply_sixMinuteGrid_billsTenthsOfAnHour() {
        DurationRounding rule = DurationRounding.ofMinutes(6, UP);
        assertEquals(min(6), rule.apply(min(1)));
        assertEquals(min(48), rule.apply(min(43)));
    }

    @Test
    void apply_commonIncrements_roundSeventySevenMinutesUp() {
        Duration worked = min(77);
        assertEquals(min(77), DurationRounding.ofMinutes(1, UP).apply(worked));
        assertEquals(min(80), DurationRounding.ofMinutes(5, UP).apply(worked));
        assertEquals(min(78), DurationRounding.ofMinutes(6, UP).apply(worked));
        assertEquals(min(80), DurationRounding.ofMinutes(10, UP).apply(worked));
        assertEquals(min(90), DurationRounding.ofMinutes(15, UP).apply(worked));
        assertEquals(min(90), DurationRounding.ofMinutes(30, UP).apply(worked));
        assertEquals(min(120), DurationRounding.ofMinutes(60, UP).apply(worked));
    }

    @Test
    void apply_oneMinuteUp_roundsSubMinuteToAMinute() {
        assertEquals(min(1), DurationRounding.ofMinutes(1, UP).apply(Duration.ofSeconds(1)));
        assertEquals(min(2), DurationRounding.ofMinutes(1, UP).apply(min(1).plusNanos(1)));
    }

    @Test
    void apply_zero_staysZeroEvenWithMinimum() {
        DurationRounding rule = DurationRounding.of(min(15), UP, min(30));
        assertEquals(Duration.ZERO, rule.apply(Duration.ZERO));
    }

    @Test
    void apply_minimumNotOnGrid_raisesThenRounds() {
        DurationRounding up = DurationRounding.of(min(15), UP, min(20));
        assertEquals(min(30), up.apply(min(5)));
        assertEquals(min(30), up.apply(min(20)));
        assertEquals(min(45), up.apply(min(31)));
        DurationRounding down = DurationRounding.of(min(15), DOWN, min(20));
        assertEquals(min(15), down.apply(min(5)));
        assertEquals(min(15), down.apply(min(15)));
    }

    @Test
    void apply_minimumOnGrid_billsMinimumForShortEntries() {
        DurationRounding rule = DurationRounding.of(min(6), UP, min(30));
        assertEquals(min(30), rule.apply(min(2)));
        assertEquals(min(36), rule.apply(min(31)));
    }

    @Test
    void apply_roundedValue_isUnchanged() {
        DurationRounding rule = DurationRounding.of(min(15), NEAREST, min(20));
        Duration once = rule.apply(min(21));
        assertEquals(min(15), once);
        assertEquals(once, rule.apply(once));
    }

    @Test
    void apply_centuriesLong_roundsWithoutOverflow() {
        Duration centuries = Duration.ofDays(365L * 200).plusSeconds(1);
        assertEquals(Duration.ofDays(365L * 200).plusMinutes(15), DurationRounding.ofMinutes(15, UP).apply(centuries));
        assertEquals(Duration.ofDays(365L * 200), DurationRounding.ofMinutes(15, NEAREST).apply(centuries));
    }

    @Test
    void apply_negativeDuration_throwsInvalidInputNamingIt() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DurationRounding.ofMinutes(15, UP).apply(min(-5)));
        assertEquals("cannot round a negative duration (PT-5M)", e.getMessage());
    }

    @Test
    void apply_null_throwsNullPointer() {
        assertThrows(NullPointerException.class, () -> DurationRounding.ofMinutes(15, UP).apply(null));
    }

    @Test
    void none_anyDuration_returnsItUnchanged() {
        Duration odd = Duration.ofSeconds(433, 500_000_000);
        assertEquals(odd, DurationRounding.none().apply(odd));
        assertEquals(Duration.ofNanos(1), DurationRounding.none().apply(Duration.ofNanos(1)));
        assertTrue(DurationRounding.none().isNone());
        assertFalse(DurationRounding.ofMinutes(1, DOWN).isNone());
    }

    @Test
    void new_negativeIncrement_throwsInvalidRoundingRuleNamingValue() {
        InvalidRoundingRuleException e = assertThrows(InvalidRoundingRuleException.class,
                () -> DurationRounding.ofMinutes(-15, UP));
        assertEquals("rounding increment must be positive, was PT-15M", e.getMessage());
        assertEquals("increment", e.field());
        assertEquals("PT-15M", e.value());
    }

    @Test
    void new_zeroIncrement_throwsInvalidRoundingRule() {
        InvalidRoundingRuleException e = assertThrows(InvalidRoundingRuleException.class,
                () -> DurationRounding.of(Duration.ZERO, NEAREST));
        assertEquals("rounding increment must be positive, was PT0S", e.getMessage());
    }

    @Test
    void new_negativeMinimum_throwsInvalidRoundingRuleNamingValue() {
        InvalidRoundingRuleException e = assertThrows(InvalidRoundingRuleException.class,
                () -> DurationRounding.of(min(15), UP, min(-1)));
        assertEquals("rounding minimum must be zero or positive, was PT-1M", e.getMessage());
        assertEquals("minimum", e.field());
    }

    @Test
    void new_nullDirection_throwsNullPointerNamingIt() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> DurationRounding.of(min(15), null));
        assertEquals("direction", e.getMessage());
    }

    @Test
    void withMinimum_keepsIncrementAndDirection() {
        DurationRounding rule = DurationRounding.ofMinutes(10, DOWN).withMinimum(min(30));
        assertEquals(new DurationRounding(min(10), DOWN, min(30)), rule);
    }
}
