package dev.billops.testkit.property;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.jspecify.annotations.Nullable;
import org.opentest4j.TestAbortedException;

/** One run of a property: the tries, then shrinking and the report of the first failure. */
final class Runner<T> {

    /** Candidate evaluations allowed while shrinking, per accepted step allowed. */
    private static final int EVALUATIONS_PER_STEP = 20;

    private final Gen<T> generator;
    private final ThrowingConsumer<? super T> property;
    private final int tries;
    private final long seed;
    private final int maxShrinkSteps;
    private final String name;
    private final List<Map.Entry<String, Function<? super T, ?>>> labels;

    Runner(Gen<T> generator, ThrowingConsumer<? super T> property, int tries, long seed, int maxShrinkSteps,
            String name, List<Map.Entry<String, Function<? super T, ?>>> labels) {
        this.generator = generator;
        this.property = property;
        this.tries = tries;
        this.seed = seed;
        this.maxShrinkSteps = maxShrinkSteps;
        this.name = name;
        this.labels = labels;
    }

    PropertyReport run() {
        SplittableRandom trySeeds = new SplittableRandom(seed);
        int discarded = 0;
        Map<String, Map<String, Integer>> statistics = new LinkedHashMap<>();
        for (Map.Entry<String, Function<? super T, ?>> label : labels) {
            statistics.put(label.getKey(), new HashMap<>());
        }
        for (int attempt = 1, passed = 0; passed < tries; attempt++) {
            long trySeed = trySeeds.nextLong();
            Shrinkable<T> tree = generate(attempt, trySeed);
            Outcome outcome = evaluate(tree.value());
            if (outcome.error != null) {
                throw report(attempt, tree, outcome.error);
            }
            if (outcome.discarded) {
                discarded++;
                if (discarded > 10L * tries) {
                    throw new AssertionError("property discarded " + discarded + " values (by failing JUnit assumptions)"
                            + " and passed only " + passed + " of " + tries + " tries; seed " + seed
                            + ". Generate values that meet the assumptions instead.");
                }
            } else {
                passed++;
                for (Map.Entry<String, Function<? super T, ?>> label : labels) {
                    statistics.get(label.getKey()).merge(String.valueOf(label.getValue().apply(tree.value())), 1,
                            Integer::sum);
                }
            }
        }
        return new PropertyReport(name, seed, tries, discarded, statistics);
    }

    private Shrinkable<T> generate(int attempt, long trySeed) {
        try {
            return generator.generateShrinkable(new SplittableRandom(trySeed));
        } catch (RuntimeException e) {
            throw new AssertionError("the generator failed on try " + attempt + " (seed " + seed + "): " + e
                    + System.lineSeparator() + rerunHint(), e);
        }
    }

    private AssertionError report(int attempt, Shrinkable<T> original, Throwable originalError) {
        Shrinkable<T> smallest = original;
        Throwable smallestError = originalError;
        int steps = 0;
        int evaluations = 0;
        int maxEvaluations = maxShrinkSteps * EVALUATIONS_PER_STEP;
        search:
        while (steps < maxShrinkSteps) {
            Iterator<Shrinkable<T>> candidates = smallest.shrinks().iterator();
            while (candidates.hasNext()) {
                if (evaluations++ >= maxEvaluations) {
                    break search;
                }
                Shrinkable<T> candidate = candidates.next();
                Outcome outcome = evaluate(candidate.value());
                if (outcome.error != null) {
                    smallest = candidate;
                    smallestError = outcome.error;
                    steps++;
                    continue search;
                }
            }
            break;
        }
        String nl = System.lineSeparator();
        String message = "property " + name + " failed on try " + attempt + " of " + tries + " (seed " + seed + ")" + nl
                + "  original value: " + Values.describe(original.value()) + nl
                + "  shrunk value:   " + Values.describe(smallest.value()) + " (after " + steps + " shrink steps)" + nl
                + "  error:          " + smallestError + nl
                + rerunHint();
        AssertionError failure = new AssertionError(message, smallestError);
        if (smallestError != originalError) {
            failure.addSuppressed(originalError);
        }
        return failure;
    }

    private String rerunHint() {
        return "replay this property with -D" + Property.SEED_PROPERTY + "." + name + "=" + seed + " (or .seed(" + seed
                + "L) on it; -D" + Property.SEED_PROPERTY + "=" + seed + " sets the seed of every property)";
    }

    private Outcome evaluate(T value) {
        try {
            property.accept(value);
            return Outcome.PASSED;
        } catch (TestAbortedException e) {
            return Outcome.DISCARDED;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return new Outcome(false, e);
        }
    }

    private static final class Outcome {
        static final Outcome PASSED = new Outcome(false, null);
        static final Outcome DISCARDED = new Outcome(true, null);

        final boolean discarded;
        final @Nullable Throwable error;

        Outcome(boolean discarded, @Nullable Throwable error) {
            this.discarded = discarded;
            this.error = error;
        }
    }
}
