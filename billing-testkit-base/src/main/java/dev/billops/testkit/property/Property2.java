package dev.billops.testkit.property;

import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * A {@link Property} over pairs of values, made by {@link Property#forAll(Gen, Gen)}. Failure
 * reports show the pair as {@code (first, second)}.
 *
 * @param <A> the type of the first value
 * @param <B> the type of the second value
 */
public final class Property2<A, B> {

    private final Property<Tuples.Pair<A, B>> property;

    Property2(Property<Tuples.Pair<A, B>> property) {
        this.property = property;
    }

    /** See {@link Property#tries(int)}. */
    public Property2<A, B> tries(int count) {
        return new Property2<>(property.tries(count));
    }

    /** See {@link Property#seed(long)}. */
    public Property2<A, B> seed(long fixedSeed) {
        return new Property2<>(property.seed(fixedSeed));
    }

    /** See {@link Property#named(String)}. */
    public Property2<A, B> named(String propertyName) {
        return new Property2<>(property.named(propertyName));
    }

    /** See {@link Property#maxShrinkSteps(int)}. */
    public Property2<A, B> maxShrinkSteps(int steps) {
        return new Property2<>(property.maxShrinkSteps(steps));
    }

    /** Checks that {@code check} returns true for every pair; see {@link Property#check}. */
    public PropertyReport check(BiPredicate<? super A, ? super B> check) {
        Objects.requireNonNull(check, "check");
        return property.check(pair -> check.test(pair.first(), pair.second()));
    }

    /** Checks that {@code check} does not throw for any pair; see {@link Property#verify}. */
    public PropertyReport verify(ThrowingBiConsumer<? super A, ? super B> check) {
        Objects.requireNonNull(check, "check");
        return property.verify(pair -> check.accept(pair.first(), pair.second()));
    }

    /** A check of two values that may throw anything, such as a JUnit assertion failure. */
    @FunctionalInterface
    public interface ThrowingBiConsumer<A, B> {
        void accept(A first, B second) throws Throwable;
    }
}
