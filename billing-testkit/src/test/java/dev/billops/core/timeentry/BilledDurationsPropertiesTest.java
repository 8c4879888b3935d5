package dev.billops.core.timeentry;

import dev.billops.core.internal.timeentry.BilledDurations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.project.Project;
import dev.billops.core.time.DurationRounding;
import dev.billops.core.time.RoundingScope;
import dev.billops.core.time.TimeSpan;
import dev.billops.testkit.gen.TimeGens;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-day rounding shares: exact day totals, never negative, each within a second of its proportional share. */
class BilledDurationsPropertiesTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final ProjectId PROJECT = ProjectId.of("p");

    record Day(DurationRounding rounding, List<TimeEntry> entries) {
    }

    /** Several entries of one timekeeper on one project within one local day (none crossing midnight). */
    static Gen<Day> days() {
        return random -> {
            DurationRounding rounding = TimeGens.roundingRules().generate(random);
            LocalDate day = LocalDate.of(2026, 3, 20).plusDays(random.nextInt(20));
            List<TimeEntry> entries = new ArrayList<>();
            int n = 1 + random.nextInt(8);
            for (int i = 0; i < n; i++) {
                int startSecond = random.nextInt(20 * 3600);
                int length = 1 + random.nextInt(Math.min(4 * 3600, 24 * 3600 - 1 - startSecond));
                ZonedDateTime start = day.atStartOfDay(ZONE).plusSeconds(startSecond);
                ZonedDateTime end = start.plusSeconds(length);
                if (!end.toLocalDate().equals(day)) {
                    end = day.plusDays(1).atStartOfDay(ZONE);
                }
                entries.add(TimeEntry.of(PROJECT, TimekeeperId.of("t"), null, TimeSpan.of(start, end), "x")
                        .withId(TimeEntryId.of("e" + i)));
            }
            return new Day(rounding, entries);
        };
    }

    @Test
    void of_perDay_sharesAddUpNonNegativeAndProportional() {
        Property.forAll(days()).tries(500).verify(d -> {
            Project p = Project.of(PROJECT, ClientId.of("c"), "P").withRounding(d.rounding(),
                    RoundingScope.PER_DAY_AND_PROJECT);
            BilledDurations billed = BilledDurations.of(d.entries(), Map.of(PROJECT, p));
            Duration worked = Duration.ZERO;
            for (TimeEntry e : d.entries()) {
                worked = worked.plus(e.duration());
            }
            Duration rounded = d.rounding().apply(worked);
            assertEquals(rounded, billed.total());
            for (int i = 0; i < billed.size(); i++) {
                Duration share = billed.get(i);
                assertTrue(!share.isNegative(), "negative share " + share);
                BigDecimal exact = BigDecimal.valueOf(rounded.getSeconds())
                        .multiply(BigDecimal.valueOf(d.entries().get(i).duration().getSeconds()))
                        .divide(BigDecimal.valueOf(worked.getSeconds()), 6, RoundingMode.HALF_UP);
                assertTrue(exact.subtract(BigDecimal.valueOf(share.getSeconds())).abs().compareTo(BigDecimal.ONE) < 0,
                        "share " + share.getSeconds() + " s is not within a second of " + exact);
            }
        });
    }
}
