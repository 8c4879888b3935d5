package dev.billops.integrations.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");

    @Test
    void parse_delaySeconds_isThatManySeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(1)), RetryAfter.parse("1", NOW));
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse(" 120 ", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("0", NOW));
    }

    @Test
    void parse_httpDate_isTheWaitUntilIt() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Wed, 02 Dec 2026 01:01:30 GMT", NOW));
    }

    @Test
    void parse_httpDateInThePast_isZero() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Wed, 02 Dec 2026 00:59:00 GMT", NOW));
    }

    @Test
    void parse_absentOrUnreadable_isEmpty() {
        assertEquals(Optional.empty(), RetryAfter.parse(null, NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("-5", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("1.5", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("99999999999999999999", NOW));
    }
}
