package dev.billops.testkit.property;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a passed property run did: its name, the seed that reproduces it, how many values passed and
 * were discarded, and the statistics of its {@linkplain Property#label labels} (label name → label
 * value → how many passed values had it). {@link #toString()} is the summary the run prints.
 *
 * @param name the property's name (its test class and method unless {@link Property#named} set it)
 * @param seed the run's seed: {@code -Dbillops.seed.<name>=<seed>} or {@code .seed(seed)} replays it
 * @param tries values that passed
 * @param discarded values discarded by failed JUnit assumptions
 * @param statistics label name → label value → count, values sorted
 */
public record PropertyReport(String name, long seed, int tries, int discarded,
        Map<String, Map<String, Integer>> statistics) {

    public PropertyReport {
        Objects.requireNonNull(name, "name");
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        statistics.forEach((label, counts) -> copy.put(label, Map.copyOf(new TreeMap<>(counts))));
        statistics = java.util.Collections.unmodifiableMap(copy);
    }

    /** The share of passed values whose label {@code label} was {@code value}, from 0 to 1. */
    public double share(String label, String value) {
        Map<String, Integer> counts = statistics.getOrDefault(label, Map.of());
        return tries == 0 ? 0 : counts.getOrDefault(value, 0) / (double) tries;
    }

    @Override
    public String toString() {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder("property ").append(name).append(": ").append(tries)
                .append(" tries passed");
        if (discarded > 0) {
            out.append(", ").append(discarded).append(" discarded");
        }
        out.append(" (seed ").append(seed).append("; replay with -D").append(Property.SEED_PROPERTY).append('.')
                .append(name).append('=').append(seed).append(')');
        statistics.forEach((label, counts) -> {
            out.append(nl).append("  ").append(label).append(':');
            new TreeMap<>(counts).forEach((value, count) -> out.append(nl).append(String.format(java.util.Locale.ROOT,
                    "    %6.2f %%  %s (%d)", 100.0 * count / Math.max(1, tries), value, count)));
        });
        return out.toString();
    }
}
