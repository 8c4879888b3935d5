package dev.billops.testkit.property;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A generated value together with the (lazily computed) smaller values to try instead when it
 * makes a property fail, each again with its own smaller values: a shrink tree.
 *
 * <p>The runner walks the tree greedily: it takes the first candidate that still fails and
 * continues from there. Candidates should therefore come most aggressive first (zero before
 * half-way before one step). Combinators such as {@link Gen#map} transform whole trees, which is
 * why mapped generators keep shrinking although a mapping cannot be inverted.
 *
 * <p>Immutable as long as the values are; the shrink streams are recomputed on every call.
 *
 * @param <T> the type of the value
 */
public final class Shrinkable<T> {

    private final T value;
    private final Supplier<? extends Stream<Shrinkable<T>>> shrinks;

    private Shrinkable(T value, Supplier<? extends Stream<Shrinkable<T>>> shrinks) {
        this.value = value;
        this.shrinks = shrinks;
    }

    /** A value that cannot be shrunk. */
    public static <T> Shrinkable<T> of(T value) {
        return new Shrinkable<>(value, Stream::empty);
    }

    /** A value with the given lazily computed shrink candidates. */
    public static <T> Shrinkable<T> of(T value, Supplier<? extends Stream<Shrinkable<T>>> shrinks) {
        Objects.requireNonNull(shrinks, "shrinks");
        return new Shrinkable<>(value, shrinks);
    }

    /**
     * The tree obtained by applying {@code shrinker} to the value, then to each candidate, and so
     * on. The shrinker must eventually return an empty stream along every path (for example by
     * always moving strictly toward a target), or shrinking stops only at the runner's step limit.
     */
    public static <T> Shrinkable<T> unfold(T value, Function<? super T, ? extends Stream<? extends T>> shrinker) {
        Objects.requireNonNull(shrinker, "shrinker");
        return new Shrinkable<>(value, () -> shrinker.apply(value).map(smaller -> Shrinkable.<T>unfold(smaller, shrinker)));
    }

    /** The value. */
    public T value() {
        return value;
    }

    /** The candidates to try instead of the value, most aggressive first. */
    public Stream<Shrinkable<T>> shrinks() {
        return shrinks.get();
    }

    /** The tree with {@code mapper} applied to every value in it. */
    public <R> Shrinkable<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new Shrinkable<>(mapper.apply(value), () -> shrinks().map(s -> s.map(mapper)));
    }

    /**
     * The tree with only values that satisfy {@code predicate}. A rejected candidate is replaced
     * by its own accepted candidates (one level deep), so that shrinking does not stall where the
     * usual candidates happen to be rejected (odd numbers, when only even ones are accepted).
     */
    public Shrinkable<T> filter(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return new Shrinkable<>(value, () -> shrinks().flatMap(candidate -> predicate.test(candidate.value())
                ? Stream.of(candidate.filter(predicate))
                : candidate.shrinks().filter(smaller -> predicate.test(smaller.value()))
                        .map(smaller -> smaller.filter(predicate))));
    }

    /**
     * The tree of {@code combiner(a, b)}: shrinks the first component with the second fixed, then
     * the second with the first fixed.
     */
    public static <A, B, R> Shrinkable<R> zip(Shrinkable<A> a, Shrinkable<B> b,
            BiFunction<? super A, ? super B, ? extends R> combiner) {
        Objects.requireNonNull(combiner, "combiner");
        return new Shrinkable<>(combiner.apply(a.value, b.value), () -> Stream.concat(
                a.shrinks().map(smallerA -> zip(smallerA, b, combiner)),
                b.shrinks().map(smallerB -> zip(a, smallerB, combiner))));
    }

    /** The same tree seen at a supertype; safe because a tree is never written to. */
    static <T> Shrinkable<T> widen(Shrinkable<? extends T> tree) {
        return tree.map(x -> x);
    }

    @Override
    public String toString() {
        return "Shrinkable[" + value + "]";
    }
}
