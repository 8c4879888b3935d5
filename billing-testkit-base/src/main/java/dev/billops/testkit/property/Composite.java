package dev.billops.testkit.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The generator of {@link Gen#compose}: runs a body that draws its parts from other generators,
 * records the shrink tree of every part, and shrinks by replacing one part at a time with one of
 * its shrinks and running the body again. The i-th draw of a run uses randomness of its own
 * (derived from the run's seed and i), so a candidate differs from the value it shrinks only where
 * a part was replaced, or where the body took another branch because of it.
 */
final class Composite {

    /** Draws beyond this many per value are a bug in the body (an endless loop of draws). */
    private static final int MAX_DRAWS = 100_000;

    private Composite() {
    }

    static <T> Gen<T> of(Function<? super Gen.Draws, ? extends T> body) {
        Objects.requireNonNull(body, "body");
        return new TreeGen<>(random -> {
            long seed = random.nextLong();
            Shrinkable<T> tree = build(body, seed, List.of());
            if (tree == null) {
                // the body failed on fresh draws only: let it fail where the caller can see it
                return Shrinkable.of(body.apply(new Recorder(seed, List.of())));
            }
            return tree;
        }, null);
    }

    /** The tree of the body's value with {@code replay} as its first parts; null if the body throws. */
    private static <T> @Nullable Shrinkable<T> build(Function<? super Gen.Draws, ? extends T> body, long seed,
            List<Shrinkable<?>> replay) {
        Recorder recorder = new Recorder(seed, replay);
        T value;
        try {
            value = body.apply(recorder);
        } catch (RuntimeException e) {
            return null;
        }
        List<Shrinkable<?>> parts = List.copyOf(recorder.drawn);
        return Shrinkable.of(value, () -> IntStream.range(0, parts.size()).boxed()
                .flatMap(i -> shrinksOfPart(body, seed, parts, i)));
    }

    private static <T> Stream<Shrinkable<T>> shrinksOfPart(Function<? super Gen.Draws, ? extends T> body, long seed,
            List<Shrinkable<?>> parts, int index) {
        return parts.get(index).shrinks().map(smaller -> {
            List<Shrinkable<?>> replay = new ArrayList<>(parts);
            replay.set(index, smaller);
            return Composite.<T>build(body, seed, replay);
        }).filter(Objects::nonNull);
    }

    /** Hands the body its parts: replayed ones while they fit, fresh ones after. */
    private static final class Recorder implements Gen.Draws {
        private final long seed;
        private final List<Shrinkable<?>> replay;
        private final List<Shrinkable<?>> drawn = new ArrayList<>();

        Recorder(long seed, List<Shrinkable<?>> replay) {
            this.seed = seed;
            this.replay = replay;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <X> X draw(Gen<X> gen) {
            Objects.requireNonNull(gen, "gen");
            int index = drawn.size();
            if (index >= MAX_DRAWS) {
                throw new IllegalStateException("a composed generator drew more than " + MAX_DRAWS + " parts");
            }
            Shrinkable<X> fresh = gen.generateShrinkable(new SplittableRandom(seed + index * 0x9E3779B97F4A7C15L));
            Shrinkable<X> part = fresh;
            if (index < replay.size()) {
                Shrinkable<?> replayed = replay.get(index);
                // the body may have taken another branch: replay only a part of the same kind
                if (sameKind(replayed.value(), fresh.value())) {
                    part = (Shrinkable<X>) replayed;
                }
            }
            drawn.add(part);
            return part.value();
        }

        private static boolean sameKind(@Nullable Object a, @Nullable Object b) {
            return a == null || b == null ? a == b : a.getClass() == b.getClass();
        }
    }
}
