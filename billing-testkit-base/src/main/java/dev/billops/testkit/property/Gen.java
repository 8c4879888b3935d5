package dev.billops.testkit.property;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * A generator of random values: a plain function of a {@link RandomGenerator}, plus an optional
 * way to shrink a value that made a property fail into simpler ones.
 *
 * <p>A generator must be a pure function of the random source it is given (same seed, same
 * values) and must be safe to call from several threads with different sources. Implement
 * {@link #generate} (a lambda will do) and, if values can be simplified, {@link #shrink}; the
 * combinators ({@link #map}, {@link #flatMap}, {@link #filter}, {@link #zip}, {@link #listOf}...)
 * keep the shrinking of the generators they are built from, because they transform whole
 * {@linkplain Shrinkable shrink trees} rather than single values.
 *
 * <p>Number generators return an edge case (min, max, 0, 1, −1, where in range) about one time in
 * ten and shrink toward zero, or toward the bound nearest zero when zero is out of range. Lists
 * shrink by dropping elements and by shrinking elements. Null arguments throw {@link
 * NullPointerException}; inconsistent bounds throw {@link IllegalArgumentException}.
 *
 * @param <T> the type of the generated values
 */
@FunctionalInterface
public interface Gen<T> {

    /** How many values in a row {@link #filter} may reject before it gives up. */
    int MAX_FILTER_ATTEMPTS = 1_000;

    /** A value drawn with {@code random}; the same random state gives the same value. */
    T generate(RandomGenerator random);

    /**
     * Simpler candidates to try instead of {@code value}, most aggressive first; each must be
     * strictly simpler, so that shrinking terminates. Empty by default (no shrinking).
     */
    default Stream<T> shrink(T value) {
        return Stream.empty();
    }

    /**
     * A value drawn with {@code random} together with its shrink tree. Consumes the same
     * randomness as {@link #generate} and has the same value at its root.
     */
    default Shrinkable<T> generateShrinkable(RandomGenerator random) {
        return Shrinkable.unfold(generate(random), this::shrink);
    }

    /** This generator with shrinking by repeated application of {@code shrinker}. */
    default Gen<T> withShrinker(Function<? super T, ? extends Stream<? extends T>> shrinker) {
        return TreeGen.withShrinker(this, shrinker);
    }

    /**
     * A generator of values built by {@code body} from parts it draws with {@link Draws#draw} (and
     * {@link Draws#nextInt}, {@link Draws#nextBoolean}), such as a record from its components. It
     * shrinks every part in turn (a list part drops elements, a number moves toward zero) and builds
     * the value again; a candidate whose body throws (a record rejecting the combination) is skipped.
     * The body must be a pure function of what it draws.
     */
    static <T> Gen<T> compose(Function<? super Draws, ? extends T> body) {
        return Composite.of(body);
    }

    /** What the body of {@link #compose} draws its parts from. Not thread-safe; valid during the body only. */
    interface Draws {

        /** A value of {@code gen}, remembered as a part to shrink. */
        <X> X draw(Gen<X> gen);

        /** A number from 0 (inclusive) to {@code bound} (exclusive), shrinking toward 0. */
        default int nextInt(int bound) {
            if (bound <= 0) {
                throw new IllegalArgumentException("bound must be positive, was " + bound);
            }
            return draw(ints(0, bound - 1));
        }

        /** A boolean, shrinking toward false. */
        default boolean nextBoolean() {
            return draw(booleans());
        }
    }

    /** The generator of {@code mapper(value)}; shrinks by shrinking the original value. */
    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new TreeGen<>(random -> generateShrinkable(random).map(mapper), null);
    }

    /**
     * The generator that draws a value from this generator, then a value from the generator
     * {@code next} builds from it. Shrinks the first value (drawing the second again from the same
     * seed) and then the second.
     */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> next) {
        Objects.requireNonNull(next, "next");
        return new TreeGen<>(random -> {
            Shrinkable<T> outer = generateShrinkable(random);
            long innerSeed = random.nextLong();
            return FlatMap.bind(outer, next, innerSeed);
        }, null);
    }

    /**
     * Only the values that satisfy {@code predicate}; shrinks only to such values. Draws again when
     * a value is rejected, up to {@value #MAX_FILTER_ATTEMPTS} times in a row.
     *
     * @throws IllegalStateException (when generating) if every one of those draws was rejected; a
     *     filter that rejects most values should be replaced by a generator of valid values
     */
    default Gen<T> filter(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return new TreeGen<>(random -> {
            Shrinkable<T> candidate = generateShrinkable(random);
            for (int attempt = 1; !predicate.test(candidate.value()); attempt++) {
                if (attempt >= MAX_FILTER_ATTEMPTS) {
                    throw new IllegalStateException("Gen.filter rejected " + MAX_FILTER_ATTEMPTS
                            + " values in a row (the last was " + Values.describe(candidate.value())
                            + "); generate valid values directly instead of filtering most of them out");
                }
                candidate = generateShrinkable(random);
            }
            return candidate.filter(predicate);
        }, null);
    }

    /** Always {@code value}; does not shrink. */
    static <T> Gen<T> constant(T value) {
        Objects.requireNonNull(value, "value");
        return new TreeGen<>(random -> Shrinkable.of(value), null);
    }

    /** One of the given values, uniformly; shrinks toward the first. */
    @SafeVarargs
    static <T> Gen<T> oneOf(T... values) {
        List<T> choices = new ArrayList<>(values.length);
        for (T value : values) {
            choices.add(value);
        }
        return oneOf(choices);
    }

    /** One of the given values, uniformly; shrinks toward the first (in iteration order). */
    static <T> Gen<T> oneOf(Collection<? extends T> values) {
        List<T> choices = List.copyOf(values);
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("oneOf needs at least one value");
        }
        return ints(0, choices.size() - 1).map(choices::get);
    }

    /** One of the constants of {@code type}, uniformly; shrinks toward the first declared. */
    static <E extends Enum<E>> Gen<E> enumValues(Class<E> type) {
        return oneOf(type.getEnumConstants());
    }

    /** {@code true} or {@code false}; shrinks toward {@code false}. */
    static Gen<Boolean> booleans() {
        return oneOf(false, true);
    }

    /** A value from one of the given generators, each chosen equally often. */
    @SafeVarargs
    static <T> Gen<T> choose(Gen<? extends T>... generators) {
        List<Weighted<T>> weighted = new ArrayList<>();
        for (Gen<? extends T> generator : generators) {
            weighted.add(new Weighted<>(1, generator));
        }
        return frequency(weighted);
    }

    /** {@code generator} with relative {@code weight}, for {@link #frequency}. */
    static <T> Weighted<T> weighted(int weight, Gen<? extends T> generator) {
        return new Weighted<>(weight, generator);
    }

    /**
     * A value from one of the generators, chosen in proportion to its weight:
     * {@code frequency(weighted(9, ints(1, 10)), weighted(1, constant(0)))}.
     */
    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<? extends T>... generators) {
        List<Weighted<? extends T>> choices = new ArrayList<>(generators.length);
        for (Weighted<? extends T> generator : generators) {
            choices.add(generator);
        }
        return frequency(choices);
    }

    /** A value from one of the generators, chosen in proportion to its weight. */
    static <T> Gen<T> frequency(List<? extends Weighted<? extends T>> generators) {
        List<Weighted<? extends T>> choices = List.copyOf(generators);
        long total = choices.stream().mapToLong(Weighted::weight).sum();
        if (total <= 0) {
            throw new IllegalArgumentException("frequency needs at least one generator with a positive weight");
        }
        return new TreeGen<T>(random -> {
            long pick = random.nextLong(total);
            for (Weighted<? extends T> choice : choices) {
                pick -= choice.weight();
                if (pick < 0) {
                    return Shrinkable.widen(choice.generator().generateShrinkable(random));
                }
            }
            throw new IllegalStateException("unreachable: weights sum to " + total);
        }, null);
    }

    /** Integers in {@code [min, max]}, both included, with edge cases; shrinks toward zero. */
    static Gen<Integer> ints(int min, int max) {
        Gen<Long> draw = Numbers.longs(min, max);
        BigInteger target = Numbers.shrinkTarget(BigInteger.valueOf(min), BigInteger.valueOf(max));
        Gen<Integer> narrowed = random -> Math.toIntExact(draw.generate(random));
        return narrowed.withShrinker(value -> Numbers.towards(BigInteger.valueOf(value), target).map(BigInteger::intValueExact));
    }

    /** Longs in {@code [min, max]}, both included, with edge cases; shrinks toward zero. */
    static Gen<Long> longs(long min, long max) {
        Gen<Long> draw = Numbers.longs(min, max);
        BigInteger target = Numbers.shrinkTarget(BigInteger.valueOf(min), BigInteger.valueOf(max));
        return draw.withShrinker(value -> Numbers.towards(BigInteger.valueOf(value), target).map(BigInteger::longValueExact));
    }

    /**
     * Decimals in {@code [min, max]} with exactly {@code scale} fraction digits, with edge cases
     * (the bounds, 0, 1, −1, where in range); shrinks toward zero.
     *
     * @throws IllegalArgumentException if no value with that scale lies in the range
     */
    static Gen<BigDecimal> bigDecimals(BigDecimal min, BigDecimal max, int scale) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        BigInteger low = min.setScale(scale, RoundingMode.CEILING).unscaledValue();
        BigInteger high = max.setScale(scale, RoundingMode.FLOOR).unscaledValue();
        if (low.compareTo(high) > 0) {
            throw new IllegalArgumentException("bigDecimals: no value with scale " + scale + " in [" + min + ", " + max + "]");
        }
        BigInteger one = BigInteger.TEN.pow(Math.max(scale, 0));
        BigInteger unitOne = scale >= 0 ? one : BigInteger.ONE;
        BigInteger target = Numbers.shrinkTarget(low, high);
        Gen<BigInteger> unscaled = random -> Numbers.biased(random, low, high, unitOne);
        return unscaled.withShrinker(value -> Numbers.towards(value, target))
                .map(value -> new BigDecimal(value, scale));
    }

    /**
     * Lists of {@code minSize} to {@code maxSize} elements from {@code element}; shrinks by
     * dropping elements (never below {@code minSize}), then by shrinking single elements.
     * The lists are unmodifiable.
     */
    static <T> Gen<List<T>> listOf(Gen<T> element, int minSize, int maxSize) {
        Objects.requireNonNull(element, "element");
        if (minSize < 0 || minSize > maxSize) {
            throw new IllegalArgumentException("listOf: sizes must satisfy 0 <= minSize <= maxSize, were "
                    + minSize + " and " + maxSize);
        }
        Gen<Integer> sizes = ints(minSize, maxSize);
        return new TreeGen<>(random -> {
            int size = sizes.generate(random);
            List<Shrinkable<T>> elements = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                elements.add(element.generateShrinkable(random));
            }
            return ListShrinking.tree(elements, minSize);
        }, null);
    }

    /** Pairs combined by {@code combiner}; shrinks the first value, then the second. */
    static <A, B, R> Gen<R> zip(Gen<A> first, Gen<B> second, BiFunction<? super A, ? super B, ? extends R> combiner) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(combiner, "combiner");
        return new TreeGen<>(random -> Shrinkable.zip(
                first.generateShrinkable(random), second.generateShrinkable(random), combiner), null);
    }

    /** Three values combined by {@code combiner} (a record constructor, say); shrinks each in turn. */
    static <A, B, C, R> Gen<R> zip(Gen<A> first, Gen<B> second, Gen<C> third,
            Fn3<? super A, ? super B, ? super C, ? extends R> combiner) {
        Objects.requireNonNull(combiner, "combiner");
        return zip(zip(first, second, Tuples.Pair<A, B>::new), third,
                (pair, c) -> combiner.apply(pair.first(), pair.second(), c));
    }

    /** Four values combined by {@code combiner}; shrinks each in turn. */
    static <A, B, C, D, R> Gen<R> zip(Gen<A> first, Gen<B> second, Gen<C> third, Gen<D> fourth,
            Fn4<? super A, ? super B, ? super C, ? super D, ? extends R> combiner) {
        Objects.requireNonNull(combiner, "combiner");
        return zip(zip(first, second, Tuples.Pair<A, B>::new), zip(third, fourth, Tuples.Pair<C, D>::new),
                (ab, cd) -> combiner.apply(ab.first(), ab.second(), cd.first(), cd.second()));
    }

    /** Draws one value with a fresh {@link SplittableRandom} seeded with {@code seed}; for examples and debugging. */
    default T sample(long seed) {
        return generate(new SplittableRandom(seed));
    }

    /**
     * A generator and its relative weight, for {@link #frequency}.
     *
     * @param weight how often, relative to the others, the generator is chosen; not negative
     * @param generator the generator
     * @param <T> the type of the generated values
     */
    record Weighted<T>(int weight, Gen<? extends T> generator) {
        public Weighted {
            Objects.requireNonNull(generator, "generator");
            if (weight < 0) {
                throw new IllegalArgumentException("weight must not be negative, was " + weight);
            }
        }
    }

    /** A function of three arguments, for {@link #zip(Gen, Gen, Gen, Fn3)}. */
    @FunctionalInterface
    interface Fn3<A, B, C, R> {
        R apply(A first, B second, C third);
    }

    /** A function of four arguments, for {@link #zip(Gen, Gen, Gen, Gen, Fn4)}. */
    @FunctionalInterface
    interface Fn4<A, B, C, D, R> {
        R apply(A first, B second, C third, D fourth);
    }
}
