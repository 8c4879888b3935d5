package dev.billops.testkit.property;

import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A generator defined by the shrink tree it builds, so that combinators keep shrinking; {@link
 * #generate} is the root of the same tree and consumes the same randomness.
 */
final class TreeGen<T> implements Gen<T> {

    private final Function<? super RandomGenerator, Shrinkable<T>> tree;
    private final @Nullable Function<? super T, ? extends Stream<? extends T>> shrinker;

    TreeGen(Function<? super RandomGenerator, Shrinkable<T>> tree,
            @Nullable Function<? super T, ? extends Stream<? extends T>> shrinker) {
        this.tree = Objects.requireNonNull(tree, "tree");
        this.shrinker = shrinker;
    }

    /** A generator of values from {@code generator}, shrunk by repeatedly applying {@code shrinker}. */
    static <T> TreeGen<T> withShrinker(Gen<T> generator, Function<? super T, ? extends Stream<? extends T>> shrinker) {
        Objects.requireNonNull(shrinker, "shrinker");
        return new TreeGen<>(random -> Shrinkable.unfold(generator.generate(random), shrinker), shrinker);
    }

    @Override
    public T generate(RandomGenerator random) {
        return tree.apply(random).value();
    }

    @Override
    public Stream<T> shrink(T value) {
        if (shrinker == null) {
            return Stream.empty();
        }
        return shrinker.apply(value).map(smaller -> smaller);
    }

    @Override
    public Shrinkable<T> generateShrinkable(RandomGenerator random) {
        return tree.apply(random);
    }
}
