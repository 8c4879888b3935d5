package dev.billops.testkit.property;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

/** The shrink tree of {@link Gen#flatMap}: outer shrinks redraw the inner value from the same seed. */
final class FlatMap {

    private FlatMap() {
    }

    static <T, R> Shrinkable<R> bind(Shrinkable<T> outer, Function<? super T, ? extends Gen<? extends R>> next,
            long innerSeed) {
        Gen<? extends R> innerGen = next.apply(outer.value());
        Shrinkable<R> inner = Shrinkable.widen(innerGen.generateShrinkable(new SplittableRandom(innerSeed)));
        return Shrinkable.of(inner.value(), () -> Stream.concat(
                outer.shrinks().map(smallerOuter -> bind(smallerOuter, next, innerSeed)),
                inner.shrinks()));
    }
}
