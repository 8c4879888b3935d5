package dev.billops.testkit.property;

import java.util.Objects;

/**
 * A {@link Property} over triples of values, made by {@link Property#forAll(Gen, Gen, Gen)}.
 * Failure reports show the triple as {@code (first, second, third)}.
 *
 * @param <A> the type of the first value
 * @param <B> the type of the second value
 * @param <C> the type of the third value
 */
public final class Property3<A, B, C> {

    private final Property<Tuples.Triple<A, B, C>> property;

    Property3(Property<Tuples.Triple<A, B, C>> property) {
        this.property = property;
    }

    /** See {@link Property#tries(int)}. */
    public Property3<A, B, C> tries(int count) {
        return new Property3<>(property.tries(count));
    }

    /** See {@link Property#seed(long)}. */
    public Property3<A, B, C> seed(long fixedSeed) {
        return new Property3<>(property.seed(fixedSeed));
    }

    /** See {@link Property#named(String)}. */
    public Property3<A, B, C> named(String propertyName) {
        return new Property3<>(property.named(propertyName));
    }

    /** See {@link Property#maxShrinkSteps(int)}. */
    public Property3<A, B, C> maxShrinkSteps(int steps) {
        return new Property3<>(property.maxShrinkSteps(steps));
    }

    /** Checks that {@code check} returns true for every triple; see {@link Property#check}. */
    public PropertyReport check(TriPredicate<? super A, ? super B, ? super C> check) {
        Objects.requireNonNull(check, "check");
        return property.check(triple -> check.test(triple.first(), triple.second(), triple.third()));
    }

    /** Checks that {@code check} does not throw for any triple; see {@link Property#verify}. */
    public PropertyReport verify(ThrowingTriConsumer<? super A, ? super B, ? super C> check) {
        Objects.requireNonNull(check, "check");
        return property.verify(triple -> check.accept(triple.first(), triple.second(), triple.third()));
    }

    /** A predicate of three values. */
    @FunctionalInterface
    public interface TriPredicate<A, B, C> {
        boolean test(A first, B second, C third);
    }

    /** A check of three values that may throw anything, such as a JUnit assertion failure. */
    @FunctionalInterface
    public interface ThrowingTriConsumer<A, B, C> {
        void accept(A first, B second, C third) throws Throwable;
    }
}
