package dev.billops.core.rate;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billops.core.error.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DayRatePolicyTest {

    @Test
    void new_zeroOrOverlongDay_throws() {
        assertThrows(InvalidInputException.class, () -> DayRatePolicy.of(Duration.ZERO,
                DayRatePolicy.PartialDays.PRO_RATA));
        assertThrows(InvalidInputException.class, () -> DayRatePolicy.of(Duration.ofHours(25),
                DayRatePolicy.PartialDays.FULL_DAYS));
    }
}
