package dev.billops.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.testkit.gen.TimeGens;
import dev.billops.testkit.property.Property;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationRoundingPropertiesTest {

    @Test
    void apply_anyRuleAnyTwoDurations_isMonotonic() {
        Property.forAll(TimeGens.roundingRules(), TimeGens.durations(), TimeGens.durations()).tries(2_000)
                .verify((rule, a, b) -> {
                    Duration shorter = a.compareTo(b) <= 0 ? a : b;
                    Duration longer = a.compareTo(b) <= 0 ? b : a;
                    assertTrue(rule.apply(shorter).compareTo(rule.apply(longer)) <= 0,
                            () -> rule + " bills " + rule.apply(shorter) + " for " + shorter + " but "
                                    + rule.apply(longer) + " for " + longer);
                });
    }

    @Test
    void apply_anyRuleAnyDuration_isIdempotent() {
        Property.forAll(TimeGens.roundingRules(), TimeGens.durations()).tries(2_000).verify((rule, worked) -> {
            Duration once = rule.apply(worked);
            assertEquals(once, rule.apply(once), () -> rule + " applied to " + worked);
        });
    }

    @Test
    void apply_anyRuleAnyDuration_landsOnGridWithinOneIncrementOfRaised() {
        Property.forAll(TimeGens.roundingRules(), TimeGens.durations()).tries(2_000).verify((rule, worked) -> {
            Duration billed = rule.apply(worked);
            if (worked.isZero()) {
                assertEquals(Duration.ZERO, billed);
                return;
            }
            Duration raised = worked.compareTo(rule.minimum()) < 0 ? rule.minimum() : worked;
            assertEquals(0, billed.toNanos() % rule.increment().toNanos(), "on the grid");
            assertTrue(billed.minus(raised).abs().compareTo(rule.increment()) < 0, "less than one increment away");
            switch (rule.direction()) {
                case UP -> assertTrue(billed.compareTo(raised) >= 0, "UP never bills less than worked");
                case DOWN -> assertTrue(billed.compareTo(raised) <= 0, "DOWN never bills more than worked");
                case NEAREST -> assertTrue(billed.minus(raised).abs().multipliedBy(2).compareTo(rule.increment()) <= 0,
                        "NEAREST is at most half an increment away");
            }
        });
    }

    @Test
    void none_anyDuration_isIdentity() {
        Property.forAll(TimeGens.durations()).verify(worked -> assertEquals(worked, DurationRounding.none().apply(worked)));
    }
}
