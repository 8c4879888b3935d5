package dev.billops.core.internal.timeentry;

import static dev.billops.core.internal.timeentry.TimeUnits.NANOS_PER_SECOND;

import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.project.Project;
import dev.billops.core.time.DurationRounding;
import dev.billops.core.time.RoundingScope;
import dev.billops.core.time.TimeSpan;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The billed (rounded) duration of each of a list of time entries, by the rounding rule of each
 * entry's project. Raw times are never changed: this is the billing view of them.
 *
 * <p>{@link RoundingScope#PER_ENTRY}: each entry's duration is rounded on its own.
 * {@link RoundingScope#PER_DAY_AND_PROJECT}: the entries <em>in the list</em> of one timekeeper on
 * one project are summed per local date (an entry crossing midnight counts towards both dates),
 * each day's sum is rounded once, and the rounded sum is shared among that day's entries in
 * proportion to their worked time (largest remainder, in whole seconds where every duration is
 * whole seconds, so the shares add up exactly to the rounded sum and none is negative). Thus the
 * billed durations of any grouping of the entries add up to the rounded day totals.
 *
 * <p>Pure and deterministic: the result depends on the entries and the projects' rules only, and
 * on the order of the list only for how a day's leftover seconds are placed.
 */
public final class BilledDurations {

    private final long[] nanos;

    private BilledDurations(long[] nanos) {
        this.nanos = nanos;
    }

    /**
     * Billed durations of {@code entries}, in list order.
     *
     * @param entries the entries billed together
     * @param projects the project of each entry (its rounding rule and scope)
     * @throws NotFoundException if {@code projects} has no project for some entry
     */
    public static BilledDurations of(List<TimeEntry> entries, Function<ProjectId, Project> projects) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(projects, "projects");
        int n = entries.size();
        long[] billed = new long[n];
        Map<DayKey, DayBucket> days = null;
        Project last = null;
        // the next midnight of the last date and zone seen: entries in order mostly share a day
        LocalDate midnightOf = null;
        ZoneId midnightZone = null;
        Instant midnight = null;
        LocalDates localDates = null;
        for (int i = 0; i < n; i++) {
            TimeEntry e = entries.get(i);
            TimeSpan span = e.span();
            long worked = nanosBetween(span.start(), span.end());
            ProjectId projectId = e.projectId();
            Project p = last != null && (last.id() == projectId || last.id().equals(projectId)) ? last
                    : projects.apply(projectId);
            if (p == null) {
                throw new NotFoundException("project", e.projectId().value());
            }
            last = p;
            DurationRounding rule = p.rounding();
            if (p.roundingScope() == RoundingScope.PER_ENTRY || rule.isNone()) {
                billed[i] = rule.isNone() ? worked : rule.apply(Duration.ofNanos(worked)).toNanos();
                continue;
            }
            if (days == null) {
                // at most one day per entry but for entries across midnight: sized so it rarely grows
                days = new HashMap<>(Math.max(16, (n - i) * 4 / 3 + 1));
                localDates = new LocalDates();
            }
            LocalDate date = localDates.of(span.start(), span.zone());
            if (!date.equals(midnightOf) || !span.zone().equals(midnightZone)) {
                midnightOf = date;
                midnightZone = span.zone();
                midnight = Midnight.after(date, midnightZone);
            }
            if (!span.end().isAfter(midnight)) {
                bucket(days, new DayKey(e.timekeeperId(), p.id(), date), rule).add(i, worked);
            } else {
                for (TimeSpan piece : span.splitAtMidnight()) {
                    bucket(days, new DayKey(e.timekeeperId(), p.id(), piece.localDate()), rule)
                            .add(i, piece.duration().toNanos());
                }
            }
        }
        if (days != null) {
            for (DayBucket bucket : days.values()) {
                bucket.allocateInto(billed);
            }
        }
        return new BilledDurations(billed);
    }

    private static DayBucket bucket(Map<DayKey, DayBucket> days, DayKey key, DurationRounding rule) {
        DayBucket bucket = days.get(key);
        if (bucket == null) {
            bucket = new DayBucket(rule);
            days.put(key, bucket);
        }
        return bucket;
    }

    /** {@code end - start} in nanoseconds, as {@code Duration.between(start, end).toNanos()} gives it. */
    private static long nanosBetween(Instant start, Instant end) {
        return Math.addExact(Math.multiplyExact(end.getEpochSecond() - start.getEpochSecond(), NANOS_PER_SECOND),
                end.getNano() - start.getNano());
    }

    /** Billed durations of {@code entries} whose projects are in {@code projects}. */
    public static BilledDurations of(List<TimeEntry> entries, Map<ProjectId, Project> projects) {
        Objects.requireNonNull(projects, "projects");
        return of(entries, projects::get);
    }

    /** How many entries. */
    public int size() {
        return nanos.length;
    }

    /** The billed duration of the entry at {@code index}. */
    public Duration get(int index) {
        return Duration.ofNanos(nanos[index]);
    }

    /** The billed duration of the entry at {@code index}, in nanoseconds. */
    public long nanos(int index) {
        return nanos[index];
    }

    /** The sum of all billed durations. */
    public Duration total() {
        Duration sum = Duration.ZERO;
        for (long v : nanos) {
            sum = sum.plusNanos(v);
        }
        return sum;
    }

    /**
     * The instant a local date ends in a zone ({@code date.plusDays(1).atStartOfDay(zone)}),
     * remembered in a small table shared by all threads: billed durations are computed per
     * client, one after another, over the same few dates. Each slot holds an immutable value,
     * so a racing reader sees an old or a new one, both correct for their key.
     */
    private record Midnight(ZoneId zone, LocalDate date, Instant end) {

        private static final Midnight[] SLOTS = new Midnight[64];

        static Instant after(LocalDate date, ZoneId zone) {
            int slot = (int) (date.toEpochDay() & (SLOTS.length - 1));
            Midnight known = SLOTS[slot];
            if (known != null && known.date.equals(date) && known.zone.equals(zone)) {
                return known.end;
            }
            Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
            SLOTS[slot] = new Midnight(zone, date, end);
            return end;
        }
    }

    /**
     * One timekeeper's work on one project and date. The order of the buckets does not matter:
     * each adds its shares into the entries' billed durations.
     */
    private static final class DayKey {
        final TimekeeperId timekeeper;
        final ProjectId project;
        final LocalDate date;
        private final int hash;

        DayKey(TimekeeperId timekeeper, ProjectId project, LocalDate date) {
            this.timekeeper = timekeeper;
            this.project = project;
            this.date = date;
            this.hash = (timekeeper.hashCode() * 31 + project.hashCode()) * 31 + date.hashCode();
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof DayKey k && hash == k.hash && date.equals(k.date)
                    && (timekeeper == k.timekeeper || timekeeper.equals(k.timekeeper))
                    && (project == k.project || project.equals(k.project));
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The pieces of work of one timekeeper on one project and date. */
    private static final class DayBucket {
        private static final int[] NO_ENTRIES = new int[0];
        private static final long[] NO_PIECES = new long[0];

        private final DurationRounding rule;
        /** The first piece, held inline: most buckets have only one. */
        private int firstEntry;
        private long firstPiece;
        /** All pieces, once there is a second. */
        private int[] entries = NO_ENTRIES;
        private long[] pieces = NO_PIECES;
        private int size;
        private long total;

        DayBucket(DurationRounding rule) {
            this.rule = rule;
        }

        void add(int entry, long pieceNanos) {
            if (size == 0) {
                firstEntry = entry;
                firstPiece = pieceNanos;
                size = 1;
                total = pieceNanos;
                return;
            }
            if (size == 1 && entries.length == 0) {
                entries = new int[4];
                pieces = new long[4];
                entries[0] = firstEntry;
                pieces[0] = firstPiece;
            } else if (size == entries.length) {
                entries = Arrays.copyOf(entries, size * 2);
                pieces = Arrays.copyOf(pieces, size * 2);
            }
            entries[size] = entry;
            pieces[size] = pieceNanos;
            size++;
            total += pieceNanos;
        }

        void allocateInto(long[] billed) {
            long rounded = rule.apply(Duration.ofNanos(total)).toNanos();
            if (size == 1) {
                billed[firstEntry] += rounded;
                return;
            }
            long[] shares = share(rounded, pieces, size, total);
            for (int k = 0; k < size; k++) {
                billed[entries[k]] += shares[k];
            }
        }
    }

    /**
     * Splits {@code amount} into parts proportional to {@code weights[0..n)} (which sum to
     * {@code total}), by largest remainder, in whole seconds when every value is whole seconds.
     */
    public static long[] share(long amount, long[] weights, int n, long total) {
        long unit = TimeUnits.NANOS_PER_SECOND;
        if (amount % unit != 0 || total % unit != 0) {
            unit = 1;
        } else {
            for (int k = 0; k < n; k++) {
                if (weights[k] % unit != 0) {
                    unit = 1;
                    break;
                }
            }
        }
        long a = amount / unit;
        long t = total / unit;
        long[] out = new long[n];
        long[] remainders = new long[n];
        long given = 0;
        BigInteger bigA = null;
        for (int k = 0; k < n; k++) {
            long w = weights[k] / unit;
            long hi = Math.multiplyHigh(a, w);
            long lo = a * w;
            if (hi == 0 && lo >= 0) {
                out[k] = lo / t;
                remainders[k] = lo % t;
            } else {
                if (bigA == null) {
                    bigA = BigInteger.valueOf(a);
                }
                BigInteger[] qr = bigA.multiply(BigInteger.valueOf(w)).divideAndRemainder(BigInteger.valueOf(t));
                out[k] = qr[0].longValueExact();
                remainders[k] = qr[1].longValueExact();
            }
            given += out[k];
        }
        for (long left = a - given; left > 0; left--) {
            int best = 0;
            for (int k = 1; k < n; k++) {
                if (remainders[k] > remainders[best]) {
                    best = k;
                }
            }
            out[best]++;
            remainders[best] = -1;
        }
        for (int k = 0; k < n; k++) {
            out[k] *= unit;
        }
        return out;
    }

    /** The billed durations keyed by entry id; {@code entries} must be the list they were computed for. */
    public Map<TimeEntryId, Duration> toMap(List<TimeEntry> entries) {
        if (entries.size() != nanos.length) {
            throw new IllegalArgumentException(entries.size() + " entries for " + nanos.length + " durations");
        }
        Map<TimeEntryId, Duration> out = new HashMap<>();
        for (int i = 0; i < nanos.length; i++) {
            out.put(entries.get(i).id(), Duration.ofNanos(nanos[i]));
        }
        return out;
    }
}
