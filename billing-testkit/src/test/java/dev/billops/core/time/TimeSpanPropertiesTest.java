package dev.billops.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.testkit.gen.TimeGens;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSpanPropertiesTest {

    @Test
    void duration_spanFromLocalTimes_isWallClockDifferenceMinusOffsetChange() {
        // An independent formula: elapsed = (end wall clock - start wall clock) - (end offset - start offset).
        Gen<ZonedDateTime> starts = TimeGens.zonedDateTimes();
        Gen<Long> lengths = Gen.longs(1, 3 * 24 * 3600);
        Property.forAll(starts, lengths).tries(2_000).verify((start, seconds) -> {
            ZonedDateTime end = start.plusSeconds(seconds);
            TimeSpan span = TimeSpan.of(start, end);
            Duration wallClock = Duration.between(start.toLocalDateTime(), end.toLocalDateTime());
            Duration offsetChange = Duration.ofSeconds(
                    end.getOffset().getTotalSeconds() - start.getOffset().getTotalSeconds());
            assertEquals(Duration.ofSeconds(seconds), span.duration());
            assertEquals(wallClock.minus(offsetChange), span.duration(), span::toString);
        });
    }

    @Test
    void splitAtMidnight_anySpan_piecesAreContiguousAndSumToWhole() {
        Property.forAll(TimeGens.timeSpans()).tries(2_000).verify(span -> {
            List<TimeSpan> pieces = span.splitAtMidnight();
            assertEquals(span.start(), pieces.get(0).start());
            assertEquals(span.end(), pieces.get(pieces.size() - 1).end());
            for (int i = 1; i < pieces.size(); i++) {
                assertEquals(pieces.get(i - 1).end(), pieces.get(i).start(), "pieces meet");
            }
            assertEquals(span.duration(), pieces.stream().map(TimeSpan::duration).reduce(Duration.ZERO, Duration::plus));
        });
    }

    @Test
    void splitAtMidnight_anySpan_eachPieceLiesInOneLocalDayInOrder() {
        Property.forAll(TimeGens.timeSpans()).tries(2_000).verify(span -> {
            List<TimeSpan> pieces = span.splitAtMidnight();
            LocalDate previous = null;
            for (TimeSpan piece : pieces) {
                LocalDate day = piece.localDate();
                // Where clocks went back across midnight (St. John's until 2011) midnight happens twice.
                ZonedDateTime nextMidnight = day.plusDays(1).atStartOfDay(span.zone()).withLaterOffsetAtOverlap();
                assertTrue(!piece.end().isAfter(nextMidnight.toInstant()), () -> piece + " runs past midnight");
                if (previous != null) {
                    assertTrue(day.isAfter(previous), () -> "days out of order in " + pieces);
                    ZonedDateTime midnight = day.atStartOfDay(span.zone());
                    assertTrue(piece.start().equals(midnight.toInstant())
                            || piece.start().equals(midnight.withLaterOffsetAtOverlap().toInstant()),
                            () -> piece + " does not start at midnight");
                }
                previous = day;
            }
        });
    }
}
