package dev.billops.core.numbering;

import dev.billops.core.id.ClientId;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the numbers of one series (e.g. {@code INV}, {@code CN}) are made.
 *
 * <p>Each series has its counters in the {@link dev.billops.core.spi.NumberSequenceStore}, one per <em>period key</em>:
 * {@code ""} without reset, the year ({@code "2026"}) with a yearly reset, year and month
 * ({@code "2026-11"}) with a monthly one; with per-client counters the key starts with the client
 * id and a slash ({@code "acme/2026"}). A counter that does not exist yet starts after the value
 * {@link #startAfter} gives for its key (0 unless configured), which is how a tenant migrated from
 * another system continues its numbering: {@code withStartAfter("2026", 1041)} makes the first
 * 2026 number 1042.
 *
 * @param pattern the number pattern
 * @param prefix what {@code {prefix}} stands for
 * @param reset when the counter starts again
 * @param perClient whether every client has its own counter (the pattern must show the client)
 * @param startAfter the last number already used, by period key, for counters that start later than 1
 */
public record SeriesNumbering(NumberPattern pattern, String prefix, CounterReset reset, boolean perClient,
        Map<String, Long> startAfter) {

    public SeriesNumbering {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(reset, "reset");
        startAfter = Map.copyOf(Objects.requireNonNull(startAfter, "startAfter"));
        if (prefix.chars().anyMatch(c -> c == '{' || c == '}' || Character.isISOControl(c))) {
            throw new InvalidNumberPatternException(pattern.text(), "prefix '" + prefix
                    + "' contains a brace or a control character");
        }
        if (reset != CounterReset.NEVER && !pattern.hasYear()) {
            throw new InvalidNumberPatternException(pattern.text(), "a " + reset
                    + " counter reset repeats numbers unless the pattern shows the year ({yyyy} or {yy})");
        }
        if (reset == CounterReset.MONTHLY && !pattern.hasMonth()) {
            throw new InvalidNumberPatternException(pattern.text(),
                    "a MONTHLY counter reset repeats numbers unless the pattern shows the month ({mm})");
        }
        if (perClient && !pattern.hasClient()) {
            throw new InvalidNumberPatternException(pattern.text(),
                    "per-client counters repeat numbers unless the pattern shows the client ({client})");
        }
        for (Map.Entry<String, Long> e : startAfter.entrySet()) {
            if (e.getValue() < 0) {
                throw new InvalidNumberPatternException(pattern.text(), "start offset " + e.getValue()
                        + " for period '" + e.getKey() + "' is negative");
            }
        }
    }

    /** {@code {prefix}-{yyyy}-{seq:5}} with the given prefix, yearly reset, one counter for all clients. */
    public static SeriesNumbering defaultFor(String prefix) {
        return new SeriesNumbering(NumberPattern.of(NumberPattern.DEFAULT), prefix, CounterReset.YEARLY, false,
                Map.of());
    }

    /** A series with {@code pattern}, no reset, no per-client counters. */
    public static SeriesNumbering of(String pattern, String prefix) {
        return new SeriesNumbering(NumberPattern.of(pattern), prefix, CounterReset.NEVER, false, Map.of());
    }

    public SeriesNumbering withReset(CounterReset reset) {
        return new SeriesNumbering(pattern, prefix, reset, perClient, startAfter);
    }

    public SeriesNumbering withPerClientCounters(boolean perClient) {
        return new SeriesNumbering(pattern, prefix, reset, perClient, startAfter);
    }

    /** This series with the counter of {@code periodKey} continuing after {@code lastUsed}. */
    public SeriesNumbering withStartAfter(String periodKey, long lastUsed) {
        Map<String, Long> next = new HashMap<>(startAfter);
        next.put(Objects.requireNonNull(periodKey, "periodKey"), lastUsed);
        return new SeriesNumbering(pattern, prefix, reset, perClient, next);
    }

    /** The key of the counter that numbers a document of {@code client} issued on {@code issueDate}. */
    public String periodKey(ClientId client, LocalDate issueDate) {
        String period = switch (reset) {
            case NEVER -> "";
            case YEARLY -> Integer.toString(issueDate.getYear());
            case MONTHLY -> issueDate.getYear() + (issueDate.getMonthValue() < 10 ? "-0" : "-")
                    + issueDate.getMonthValue();
        };
        return perClient ? client.value() + "/" + period : period;
    }

    /** The value a new counter with {@code periodKey} starts after (0 unless configured). */
    public long startAfterFor(String periodKey) {
        return startAfter.getOrDefault(periodKey, 0L);
    }

    /** The number with counter value {@code sequence}. */
    public String format(String series, ClientId client, LocalDate issueDate, long sequence) {
        return pattern.format(prefix, series, issueDate, client, sequence);
    }
}
