package dev.billops.testkit.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A property: a statement that must hold for every value a generator produces, checked on many
 * random values. The entry point of BillOps' property-based testing:
 *
 * <pre>{@code
 * Property.forAll(Gen.ints(0, 1_000)).check(x -> x >= 0);
 * Property.forAll(amounts, ratios).tries(500).verify((amount, parts) -> assertEquals(...));
 * }</pre>
 *
 * <p><b>Why not jqwik.</b> jqwik is the usual choice on JUnit 5, but from version 1.10 it carries
 * a usage clause that excludes some users, which a library meant to be embedded anywhere cannot
 * pass on to its users' builds, and it is in maintenance mode. This harness is deliberately small:
 * seeded generators with edge cases, shrinking of numbers and lists, a reproducible seed per run.
 * {@link Gen}s are plain functions of a {@link java.util.random.RandomGenerator}, so a downstream
 * build can wrap them in any property-testing library.
 *
 * <p><b>Seeds.</b> A run's seed is the one given with {@link #seed(long)}, else the system property
 * {@code billops.seed.<name>} of this property (its {@linkplain #named name}: by default the
 * calling test's {@code SimpleClassName.method}), else {@value #SEED_PROPERTY} if set and not blank
 * (Surefire passes it as an empty string when unset), else a fresh random seed. Every run prints
 * its seed, also when it passes, with the statistics of its {@linkplain #label labels}; {@link
 * #verify} returns the same as a {@link PropertyReport}. Try {@code i} draws its value from a {@link java.util.SplittableRandom}
 * seeded with the {@code i}-th number of a generator seeded with the run's seed, so the same run
 * seed reproduces every value of every try.
 *
 * <p><b>Failures.</b> On the first try that fails (the predicate returns false, or the check throws
 * anything but a JUnit assumption failure, which discards the try) the runner shrinks the value
 * (at most {@link #maxShrinkSteps(int)} accepted steps) and throws an {@link AssertionError} whose
 * message holds the seed, the original value, the shrunk value, the error the shrunk value caused
 * and how to replay only this property: {@code -Dbillops.seed.<name>=<seed>}. Its cause is that error.
 *
 * <p>Immutable: {@code tries}, {@code seed}, {@code named}, {@code label} and {@code maxShrinkSteps}
 * return new instances.
 *
 * @param <T> the type of the generated values
 */
public final class Property<T> {

    /** The system property that fixes the seed of every property run: {@code -Dbillops.seed=...}. */
    public static final String SEED_PROPERTY = "billops.seed";

    /** Tries per run unless {@link #tries(int)} says otherwise. */
    public static final int DEFAULT_TRIES = 200;

    /** Accepted shrink steps unless {@link #maxShrinkSteps(int)} says otherwise. */
    public static final int DEFAULT_MAX_SHRINK_STEPS = 1_000;

    private final Gen<T> generator;
    private final int tries;
    private final @Nullable Long seed;
    private final int maxShrinkSteps;
    private final @Nullable String name;
    private final List<Map.Entry<String, Function<? super T, ?>>> labels;

    private Property(Gen<T> generator, int tries, @Nullable Long seed, int maxShrinkSteps, @Nullable String name,
            List<Map.Entry<String, Function<? super T, ?>>> labels) {
        this.generator = generator;
        this.tries = tries;
        this.seed = seed;
        this.maxShrinkSteps = maxShrinkSteps;
        this.name = name;
        this.labels = List.copyOf(labels);
    }

    /** A property over the values of {@code generator}. */
    public static <T> Property<T> forAll(Gen<T> generator) {
        Objects.requireNonNull(generator, "generator");
        return new Property<>(generator, DEFAULT_TRIES, null, DEFAULT_MAX_SHRINK_STEPS, null, List.of());
    }

    /** A property over pairs of values; shrinks the first, then the second. */
    public static <A, B> Property2<A, B> forAll(Gen<A> first, Gen<B> second) {
        return new Property2<>(forAll(Gen.zip(first, second, Tuples.Pair<A, B>::new)));
    }

    /** A property over triples of values; shrinks each in turn. */
    public static <A, B, C> Property3<A, B, C> forAll(Gen<A> first, Gen<B> second, Gen<C> third) {
        return new Property3<>(forAll(Gen.zip(first, second, third, Tuples.Triple<A, B, C>::new)));
    }

    /**
     * This property, run on {@code count} values.
     *
     * @throws IllegalArgumentException if {@code count} is not positive
     */
    public Property<T> tries(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("tries must be positive, was " + count);
        }
        return new Property<>(generator, count, seed, maxShrinkSteps, name, labels);
    }

    /** This property, run with a fixed seed (overrides the {@value #SEED_PROPERTY} system property). */
    public Property<T> seed(long fixedSeed) {
        return new Property<>(generator, tries, fixedSeed, maxShrinkSteps, name, labels);
    }

    /**
     * This property, accepting at most {@code steps} shrink steps after a failure (zero reports the
     * original value unshrunk).
     *
     * @throws IllegalArgumentException if {@code steps} is negative
     */
    public Property<T> maxShrinkSteps(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("maxShrinkSteps must not be negative, was " + steps);
        }
        return new Property<>(generator, tries, seed, steps, name, labels);
    }

    /**
     * This property under {@code propertyName} (letters, digits, {@code . _ -}), used in its reports
     * and in the system property {@code billops.seed.<propertyName>} that replays it alone.
     *
     * @throws IllegalArgumentException if the name is empty or has other characters
     */
    public Property<T> named(String propertyName) {
        Objects.requireNonNull(propertyName, "propertyName");
        if (!propertyName.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new IllegalArgumentException("property name must be 1-200 letters, digits, '.', '_' or '-': '"
                    + propertyName + "'");
        }
        return new Property<>(generator, tries, seed, maxShrinkSteps, propertyName, labels);
    }

    /**
     * This property, counting the passed values by {@code classifier} under {@code label}; the run
     * prints the share of each class (e.g. {@code label("currency", invoice -> invoice.currency())}
     * shows how many invoices were in JPY) and returns them in its {@link PropertyReport}.
     */
    public Property<T> label(String label, Function<? super T, ?> classifier) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(classifier, "classifier");
        List<Map.Entry<String, Function<? super T, ?>>> more = new ArrayList<>(labels);
        more.add(Map.entry(label, classifier));
        return new Property<>(generator, tries, seed, maxShrinkSteps, name, more);
    }

    /**
     * Checks that {@code property} returns true for every generated value.
     *
     * @throws AssertionError describing the smallest failing value found, with the seed to re-run
     */
    public PropertyReport check(Predicate<? super T> property) {
        Objects.requireNonNull(property, "property");
        return verify(value -> {
            if (!property.test(value)) {
                throw new AssertionError("property returned false");
            }
        });
    }

    /**
     * Checks that {@code property} completes without throwing for every generated value; use it
     * with JUnit assertions. A JUnit assumption that fails discards the value.
     *
     * @throws AssertionError describing the smallest failing value found, with the seed to re-run
     */
    public PropertyReport verify(ThrowingConsumer<? super T> property) {
        Objects.requireNonNull(property, "property");
        String runName = name != null ? name : callerName();
        long runSeed = seed != null ? seed : configuredSeed(System.getProperty(SEED_PROPERTY + "." + runName))
                .orElseGet(() -> configuredSeed(System.getProperty(SEED_PROPERTY))
                        .orElseGet(() -> ThreadLocalRandom.current().nextLong()));
        PropertyReport report = new Runner<>(generator, property, tries, runSeed, maxShrinkSteps, runName, labels)
                .run();
        System.out.println(report);
        return report;
    }

    private static final java.util.Set<String> HARNESS = java.util.Set.of(Property.class.getName(),
            Property2.class.getName(), Property3.class.getName(), Runner.class.getName());

    /** {@code SimpleClassName.method} of the first caller outside this harness, JUnit and lambdas: the test. */
    private static String callerName() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !HARNESS.contains(f.getClassName().replaceAll("\\$.*", ""))
                        && !f.getClassName().startsWith("org.junit.") && !f.getMethodName().startsWith("lambda$"))
                .findFirst()
                .map(f -> {
                    String cls = f.getClassName();
                    String simple = cls.substring(cls.lastIndexOf('.') + 1).replace('$', '.');
                    return (simple + "." + f.getMethodName()).replaceAll("[^A-Za-z0-9._-]", "_");
                })
                .orElse("property"));
    }

    /**
     * The seed set by the {@value #SEED_PROPERTY} system property's value, empty if null or blank.
     *
     * @throws IllegalArgumentException if the value is not a decimal long
     */
    static OptionalLong configuredSeed(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + SEED_PROPERTY + " must be a long, was '" + value + "'", e);
        }
    }
}
