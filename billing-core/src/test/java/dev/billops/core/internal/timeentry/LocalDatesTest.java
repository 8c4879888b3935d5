package dev.billops.core.internal.timeentry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cached local dates of generation agree with java.time on any instants and zones. */
class LocalDatesTest {

    /** Zones with DST, half-hour and unusual shifts, historic day skips, and fixed offsets. */
    private static final Gen<ZoneId> ZONES = Gen.oneOf("Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
            "Antarctica/Troll", "Pacific/Apia", "Pacific/Kwajalein", "Asia/Kathmandu", "America/St_Johns", "UTC",
            "+05:30", "-09:00", "Europe/Dublin", "America/Santiago").map(ZoneId::of);

    /** Seconds around DST changes and day skips: 1990 to 2030, sometimes near a transition of 2011/2026. */
    private static final Gen<Long> SECONDS = Gen.frequency(
            Gen.weighted(3, Gen.longs(631_152_000L, 1_893_456_000L)),
            Gen.weighted(1, Gen.longs(1_325_000_000L, 1_325_400_000L)),
            Gen.weighted(1, Gen.longs(1_774_650_000L, 1_774_750_000L)));

    record Ask(ZoneId zone, long second, int nano) {
    }

    private static final Gen<Ask> ASKS = Gen.zip(ZONES, SECONDS, Gen.oneOf(0, 1, 999_999_999), Ask::new);

    @Test
    void of_anyInstantsInAnyOrder_equalsJavaTime() {
        Property.forAll(Gen.listOf(ASKS, 1, 60), Gen.booleans()).tries(500).verify((asks, ascending) -> {
            List<Ask> order = new ArrayList<>(asks);
            if (ascending) {
                order.sort((a, b) -> Long.compare(a.second(), b.second()));
            }
            LocalDates dates = new LocalDates();
            for (Ask a : order) {
                Instant instant = Instant.ofEpochSecond(a.second(), a.nano());
                assertEquals(instant.atZone(a.zone()).toLocalDate(), dates.of(instant, a.zone()), a::toString);
                assertEquals(instant.minusNanos(1).atZone(a.zone()).toLocalDate(), dates.before(instant, a.zone()),
                        () -> "before " + a);
            }
        });
    }

    @Test
    void of_stepsThroughADayThatWasSkipped_givesTheDatesOfBothSides() {
        // Samoa moved across the date line: 29 December 2011 23:59:59 (-10:00) was followed by 31 December 00:00 (+14:00)
        LocalDates dates = new LocalDates();
        ZoneId apia = ZoneId.of("Pacific/Apia");
        Instant midnight = Instant.parse("2011-12-30T10:00:00Z");
        assertEquals(LocalDate.of(2011, 12, 29), dates.of(midnight.minusSeconds(1), apia));
        assertEquals(LocalDate.of(2011, 12, 31), dates.of(midnight, apia));
        assertEquals(LocalDate.of(2011, 12, 29), dates.before(midnight, apia));
    }
}
