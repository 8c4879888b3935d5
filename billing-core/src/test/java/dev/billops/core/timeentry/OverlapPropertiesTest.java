package dev.billops.core.timeentry;

import static dev.billops.core.timeentry.TimeBillingFixture.ALICE;
import static dev.billops.core.timeentry.TimeBillingFixture.BOB;
import static dev.billops.core.timeentry.TimeBillingFixture.WEB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.BillingPolicies;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import dev.billops.core.memory.StoreSnapshot;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Overlap detection per timekeeper, over random entries logged in zones from UTC−10 to UTC+14:
 * under REJECT no two stored entries of one timekeeper ever overlap, and a rejected entry really
 * overlapped one and changed nothing.
 */
class OverlapPropertiesTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Pacific/Honolulu"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("Pacific/Kiritimati"), ZoneId.of("UTC"), ZoneId.of("America/New_York"));
    private static final LocalDate DAY = LocalDate.of(2026, 3, 27);

    static Gen<List<TimeEntry>> batches() {
        return random -> {
            List<TimeEntry> entries = new ArrayList<>();
            int n = 1 + random.nextInt(25);
            for (int i = 0; i < n; i++) {
                ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
                ZonedDateTime start = DAY.plusDays(random.nextInt(4)).atStartOfDay(zone)
                        .plusMinutes(random.nextInt(24 * 60));
                ZonedDateTime end = start.plusMinutes(1 + random.nextInt(random.nextInt(10) == 0 ? 24 * 60 : 180));
                TimekeeperId who = random.nextBoolean() ? ALICE : BOB;
                entries.add(TimeEntry.of(WEB, who, null, TimeSpan.of(start, end), "x")
                        .withId(TimeEntryId.of("e" + i)));
            }
            return entries;
        };
    }

    @Test
    void log_underReject_storedEntriesOfATimekeeperNeverOverlap() {
        Property.forAll(batches()).tries(60).verify(entries -> {
            TimeBillingFixture f = new TimeBillingFixture(BillingPolicies.defaults().withTimeEntries(
                    new TimeEntryPolicy(OverlapPolicy.REJECT)));
            List<TimeEntry> accepted = new ArrayList<>();
            for (TimeEntry e : entries) {
                StoreSnapshot before = f.snapshot();
                boolean overlapsAccepted = accepted.stream()
                        .anyMatch(a -> a.timekeeperId().equals(e.timekeeperId()) && a.span().overlaps(e.span()));
                try {
                    f.firm.timeEntries().log(e);
                    assertFalse(overlapsAccepted, "accepted " + e + " although it overlaps a stored entry");
                    accepted.add(e);
                } catch (OverlappingTimeEntryException x) {
                    assertTrue(overlapsAccepted, "rejected " + e + " without an overlap: " + x.getMessage());
                    assertEquals(before, f.snapshot());
                }
            }
            List<TimeEntry> stored = f.firm.timeEntries().list(TimeEntryQuery.all(Set.of(),
                    LocalDateRange.of(DAY.minusDays(2), DAY.plusDays(8))));
            assertEquals(accepted.size(), stored.size());
            assertTrue(f.firm.timeEntries().overlaps(ALICE, LocalDateRange.of(DAY.minusDays(2), DAY.plusDays(8)))
                    .isEmpty());
        });
    }

    @Test
    void logAll_underWarn_reportsExactlyTheOverlappingPairs() {
        Property.forAll(batches()).tries(100).verify(entries -> {
            TimeBillingFixture f = new TimeBillingFixture();
            LogResult r = f.firm.timeEntries().logAll(entries);
            int expected = 0;
            for (int i = 0; i < entries.size(); i++) {
                for (int j = i + 1; j < entries.size(); j++) {
                    TimeEntry a = entries.get(i);
                    TimeEntry b = entries.get(j);
                    if (a.timekeeperId().equals(b.timekeeperId()) && a.span().overlaps(b.span())) {
                        expected++;
                    }
                }
            }
            assertEquals(expected, r.overlaps().size());
        });
    }
}
