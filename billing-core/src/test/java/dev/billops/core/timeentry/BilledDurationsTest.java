package dev.billops.core.timeentry;

import dev.billops.core.internal.timeentry.BilledDurations;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.project.Project;
import dev.billops.core.time.DurationRounding;
import dev.billops.core.time.RoundingDirection;
import dev.billops.core.time.RoundingScope;
import dev.billops.core.time.TimeSpan;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BilledDurationsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final TimekeeperId ALICE = TimekeeperId.of("alice");
    private static final TimekeeperId BOB = TimekeeperId.of("bob");

    private static Project project(RoundingScope scope, long minutes, RoundingDirection direction) {
        return Project.of(ProjectId.of("p"), ClientId.of("c"), "P")
                .withRounding(DurationRounding.ofMinutes(minutes, direction), scope);
    }

    private static TimeEntry entry(String id, TimekeeperId who, String from, String to) {
        return TimeEntry.of(ProjectId.of("p"), who, null, TimeSpan.of(LocalDateTime.parse(from),
                LocalDateTime.parse(to), BERLIN), "x").withId(TimeEntryId.of(id));
    }

    private static long[] minutes(BilledDurations b) {
        long[] out = new long[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i).toSeconds();
        }
        return out;
    }

    @Test
    void of_noRounding_billsRawTime() {
        Project p = Project.of(ProjectId.of("p"), ClientId.of("c"), "P");
        BilledDurations b = BilledDurations.of(List.of(entry("a", ALICE, "2026-11-02T09:00:07", "2026-11-02T09:13")),
                Map.of(p.id(), p));
        assertEquals(Duration.ofSeconds(12 * 60 + 53), b.get(0));
    }

    @Test
    void of_perEntry_roundsEachEntry() {
        Project p = project(RoundingScope.PER_ENTRY, 15, RoundingDirection.UP);
        BilledDurations b = BilledDurations.of(List.of(
                entry("a", ALICE, "2026-11-02T09:00", "2026-11-02T09:07"),
                entry("b", ALICE, "2026-11-02T10:00", "2026-11-02T10:16")), Map.of(p.id(), p));
        assertArrayEquals(new long[] {900, 1800}, minutes(b));
    }

    @Test
    void of_perDay_roundsEachTimekeepersDayOnceAndSharesIt() {
        Project p = project(RoundingScope.PER_DAY_AND_PROJECT, 30, RoundingDirection.UP);
        List<TimeEntry> entries = List.of(
                entry("a", ALICE, "2026-11-02T09:00", "2026-11-02T09:10"),
                entry("b", ALICE, "2026-11-02T10:00", "2026-11-02T10:10"),
                entry("c", BOB, "2026-11-02T10:00", "2026-11-02T10:10"),
                entry("d", ALICE, "2026-11-03T10:00", "2026-11-03T10:40"));
        BilledDurations b = BilledDurations.of(entries, Map.of(p.id(), p));
        // alice 11-02: 20 min → 30, shared 15 + 15; bob: 10 → 30; alice 11-03: 40 → 60
        assertArrayEquals(new long[] {900, 900, 1800, 3600}, minutes(b));
        assertEquals(Duration.ofMinutes(120), b.total());
    }

    @Test
    void of_perDayRoundingDown_sharesNeverNegative() {
        Project p = project(RoundingScope.PER_DAY_AND_PROJECT, 15, RoundingDirection.DOWN);
        BilledDurations b = BilledDurations.of(List.of(
                entry("a", ALICE, "2026-11-02T09:00", "2026-11-02T09:05"),
                entry("b", ALICE, "2026-11-02T10:00", "2026-11-02T10:03")), Map.of(p.id(), p));
        assertArrayEquals(new long[] {0, 0}, minutes(b));
    }

    @Test
    void of_perDayEntryAcrossMidnight_countsTowardsBothDays() {
        Project p = project(RoundingScope.PER_DAY_AND_PROJECT, 60, RoundingDirection.UP);
        BilledDurations b = BilledDurations.of(List.of(
                entry("a", ALICE, "2026-11-02T23:30", "2026-11-03T00:30"),
                entry("b", ALICE, "2026-11-03T09:00", "2026-11-03T09:30")), Map.of(p.id(), p));
        // 11-02: 30 min → 60 (all entry a); 11-03: a 30 + b 30 = 60 → 60, shared 30 + 30
        assertArrayEquals(new long[] {5400, 1800}, minutes(b));
    }

    @Test
    void share_amountProportionalByLargestRemainder() {
        long s = 1_000_000_000L;
        long[] out = BilledDurations.share(4500 * s, new long[] {420 * s, 300 * s, 3000 * s}, 3, 3720 * s);
        assertArrayEquals(new long[] {508 * s, 363 * s, 3629 * s}, out);
        long[] nanos = BilledDurations.share(10, new long[] {1, 1, 1}, 3, 3);
        assertEquals(10, nanos[0] + nanos[1] + nanos[2]);
    }
}
