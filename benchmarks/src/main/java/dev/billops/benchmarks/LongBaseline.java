package dev.billops.benchmarks;

import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The practical limit of case 1: the same steps as generation (local date, rate lookup, duration
 * rounding per entry or per timekeeper-project-day, grouping by project and price, hours to 4
 * decimals, quantity × price rounded half up once per line) written as one loop over flat arrays
 * of seconds and cents. No objects per entry, no validation, no entry ids on the lines. Not
 * thread-safe (reuses its scratch arrays).
 */
final class LongBaseline {

    private static final long SECONDS_PER_DAY = 86_400L;

    private final Workload.Flat f;
    private final ZoneRules rules = Workload.ZONE.getRules();
    private long offsetValidFrom = Long.MAX_VALUE;
    private long offsetValidTo = Long.MIN_VALUE;
    private int offsetSeconds;
    // scratch: lines (project, price) -> billed seconds; day groups (project, tk, day, price) -> seconds
    private final long[] lineKey = new long[256];
    private final long[] lineSeconds = new long[256];
    private final long[] dayKey = new long[1024];
    private final long[] dayPrice = new long[1024];
    private final long[] daySeconds = new long[1024];

    LongBaseline(Workload.Flat flat) {
        this.f = flat;
    }

    /** Net total in cents of client {@code c}'s draft, plus its line count in the top bits. */
    long client(int c) {
        int lines = 0;
        int days = 0;
        for (int i = f.clientStart[c], end = f.clientStart[c + 1]; i < end; i++) {
            long start = f.startEpochSecond[i];
            long epochDay = Math.floorDiv(start + offset(start), SECONDS_PER_DAY);
            int p = f.project[i];
            long price = f.explicitCentsPerHour[i];
            if (price < 0) {
                price = f.seniorPrice[p] >= 0 && f.timekeeper[i] < 5 ? f.seniorPrice[p]
                        : epochDay >= f.rateChangeEpochDay ? f.priceAfter[p] : f.priceBefore[p];
            }
            if (f.perDay[p]) {
                long key = ((long) p << 40) | ((long) f.timekeeper[i] << 24) | epochDay;
                int d = 0;
                while (d < days && !(dayKey[d] == key && dayPrice[d] == price)) {
                    d++;
                }
                if (d == days) {
                    dayKey[d] = key;
                    dayPrice[d] = price;
                    daySeconds[d] = 0;
                    days++;
                }
                daySeconds[d] += f.durationSeconds[i];
            } else {
                lines = add(lines, p, price, round(f.durationSeconds[i], p));
            }
        }
        for (int d = 0; d < days; d++) {
            int p = (int) (dayKey[d] >>> 40);
            lines = add(lines, p, dayPrice[d], round(daySeconds[d], p));
        }
        long net = 0;
        for (int l = 0; l < lines; l++) {
            long quantity = (lineSeconds[l] * 10_000 + 1_800) / 3_600; // hours x 10^4, half up
            net += (quantity * (lineKey[l] & 0xffffffffL) + 5_000) / 10_000; // cents, half up
        }
        return net + ((long) lines << 48);
    }

    private int add(int lines, int project, long price, long seconds) {
        long key = ((long) project << 32) | price;
        int l = 0;
        while (l < lines && lineKey[l] != key) {
            l++;
        }
        if (l == lines) {
            lineKey[l] = key;
            lineSeconds[l] = 0;
            lines++;
        }
        lineSeconds[l] += seconds;
        return lines;
    }

    private long round(long seconds, int project) {
        int inc = f.incrementSeconds[project];
        if (inc == 0) {
            return seconds;
        }
        long units = f.nearest[project] ? (seconds + inc / 2) / inc : (seconds + inc - 1) / inc;
        return units * inc;
    }

    private int offset(long epochSecond) {
        if (epochSecond < offsetValidFrom || epochSecond >= offsetValidTo) {
            Instant at = Instant.ofEpochSecond(epochSecond);
            offsetSeconds = rules.getOffset(at).getTotalSeconds();
            ZoneOffsetTransition prev = rules.previousTransition(at);
            ZoneOffsetTransition next = rules.nextTransition(at);
            offsetValidFrom = prev == null ? Long.MIN_VALUE : prev.toEpochSecond();
            offsetValidTo = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        }
        return offsetSeconds;
    }
}
