package dev.billops.testkit.property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The shrink tree of {@link Gen#listOf}: shorter lists first, then lists with one element shrunk. */
final class ListShrinking {

    private ListShrinking() {
    }

    static <T> Shrinkable<List<T>> tree(List<Shrinkable<T>> elements, int minSize) {
        List<T> values = new ArrayList<>(elements.size());
        for (Shrinkable<T> element : elements) {
            values.add(element.value());
        }
        return Shrinkable.of(Collections.unmodifiableList(values),
                () -> Stream.concat(removals(elements, minSize), elementShrinks(elements, minSize)));
    }

    /** The list cut to {@code minSize}, then without each half, each quarter, ..., each single element. */
    private static <T> Stream<Shrinkable<List<T>>> removals(List<Shrinkable<T>> elements, int minSize) {
        int size = elements.size();
        if (size <= minSize) {
            return Stream.empty();
        }
        Stream<List<Shrinkable<T>>> shortest = Stream.of(List.copyOf(elements.subList(0, minSize)));
        Stream<List<Shrinkable<T>>> withoutChunks = Stream.iterate(size / 2, chunk -> chunk > 0, chunk -> chunk / 2)
                .filter(chunk -> size - chunk >= minSize)
                .flatMap(chunk -> IntStream.iterate(0, start -> start + chunk <= size, start -> start + chunk)
                        .mapToObj(start -> without(elements, start, chunk)));
        return Stream.concat(shortest, withoutChunks).map(shorter -> tree(shorter, minSize));
    }

    private static <T> List<Shrinkable<T>> without(List<Shrinkable<T>> elements, int start, int length) {
        List<Shrinkable<T>> rest = new ArrayList<>(elements.size() - length);
        rest.addAll(elements.subList(0, start));
        rest.addAll(elements.subList(start + length, elements.size()));
        return rest;
    }

    private static <T> Stream<Shrinkable<List<T>>> elementShrinks(List<Shrinkable<T>> elements, int minSize) {
        return IntStream.range(0, elements.size()).boxed().flatMap(index -> elements.get(index).shrinks()
                .map(smaller -> {
                    List<Shrinkable<T>> changed = new ArrayList<>(elements);
                    changed.set(index, smaller);
                    return tree(changed, minSize);
                }));
    }
}
