package dev.billops.testkit.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GenTest {

    private static <T> List<T> sample(Gen<T> gen, int count) {
        SplittableRandom random = new SplittableRandom(2026L);
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(gen.generate(random));
        }
        return values;
    }

    private static String shrunk(Runnable failingRun) {
        AssertionError failure = assertThrows(AssertionError.class, failingRun::run);
        String line = failure.getMessage().lines().filter(l -> l.contains("shrunk value:")).findFirst().orElseThrow();
        String text = line.substring(line.indexOf("shrunk value:") + "shrunk value:".length()).strip();
        return text.substring(0, text.lastIndexOf(" (after"));
    }

    @Test
    void ints_manyDraws_stayInRangeAndHitBothBounds() {
        List<Integer> values = sample(Gen.ints(-7, 300), 2_000);
        assertTrue(values.stream().allMatch(x -> x >= -7 && x <= 300));
        assertTrue(values.contains(-7));
        assertTrue(values.contains(300));
        assertTrue(values.contains(0));
        assertTrue(values.contains(1));
        assertTrue(values.contains(-1));
    }

    @Test
    void ints_fullRange_drawsEdgeCasesAboutOneTimeInTen() {
        List<Integer> values = sample(Gen.ints(Integer.MIN_VALUE, Integer.MAX_VALUE), 10_000);
        Set<Integer> edges = Set.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, 1, -1);
        long edgeCount = values.stream().filter(edges::contains).count();
        assertTrue(edgeCount > 700 && edgeCount < 1_300, "edge cases drawn: " + edgeCount);
    }

    @Test
    void ints_minGreaterThanMax_throwsIllegalArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gen.ints(5, 4));
        assertEquals("min 5 is greater than max 4", e.getMessage());
    }

    @Test
    void ints_shrink_startsAtZeroAndMovesCloser() {
        List<Integer> candidates = Gen.ints(-50, 50).shrink(37).toList();
        assertEquals(0, candidates.get(0));
        assertEquals(36, candidates.get(candidates.size() - 1));
        assertTrue(candidates.stream().allMatch(c -> Math.abs(c) < 37), candidates.toString());
    }

    @Test
    void ints_shrinkOfTarget_isEmpty() {
        assertEquals(List.of(), Gen.ints(-50, 50).shrink(0).toList());
    }

    @Test
    void ints_rangeAboveZero_shrinksTowardMin() {
        assertEquals(10, Gen.ints(10, 20).shrink(15).findFirst().orElseThrow());
        assertEquals(-10, Gen.ints(-20, -10).shrink(-15).findFirst().orElseThrow());
    }

    @Test
    void longs_extremeValues_shrinkWithoutOverflow() {
        Gen<Long> all = Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE);
        List<Long> fromMin = all.shrink(Long.MIN_VALUE).toList();
        assertEquals(0L, fromMin.get(0));
        assertEquals(Long.MIN_VALUE + 1, fromMin.get(fromMin.size() - 1));
        assertEquals(0L, all.shrink(Long.MAX_VALUE).findFirst().orElseThrow());
        assertEquals(1_000, sample(all, 1_000).size());
    }

    @Test
    void longs_falseProperty_shrinksToBoundary() {
        assertEquals("-1000", shrunk(() -> Property.forAll(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE)).seed(4L)
                .check(x -> x > -1_000)));
    }

    @Test
    void bigDecimals_manyDraws_haveScaleAndStayInRange() {
        BigDecimal min = new BigDecimal("-10.005");
        BigDecimal max = new BigDecimal("99.999");
        List<BigDecimal> values = sample(Gen.bigDecimals(min, max, 2), 2_000);
        assertTrue(values.stream().allMatch(v -> v.scale() == 2), values.toString());
        assertTrue(values.stream().allMatch(v -> v.compareTo(min) >= 0 && v.compareTo(max) <= 0));
        assertTrue(values.contains(new BigDecimal("-10.00")));
        assertTrue(values.contains(new BigDecimal("99.99")));
        assertTrue(values.contains(new BigDecimal("1.00")));
    }

    @Test
    void bigDecimals_falseProperty_shrinksToBoundary() {
        assertEquals("12.35", shrunk(() -> Property.forAll(
                Gen.bigDecimals(new BigDecimal("-1000"), new BigDecimal("1000"), 2)).seed(9L)
                .check(x -> x.compareTo(new BigDecimal("12.345")) < 0)));
    }

    @Test
    void bigDecimals_hugeRange_drawsInRange() {
        BigDecimal max = new BigDecimal("1e30");
        List<BigDecimal> values = sample(Gen.bigDecimals(max.negate(), max, 4), 500);
        assertTrue(values.stream().allMatch(v -> v.abs().compareTo(max) <= 0));
        assertTrue(values.stream().map(BigDecimal::signum).collect(Collectors.toSet()).size() >= 2);
    }

    @Test
    void bigDecimals_noValueAtScale_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class,
                () -> Gen.bigDecimals(new BigDecimal("0.001"), new BigDecimal("0.009"), 2));
    }

    @Test
    void listOf_sizesWithinBounds() {
        List<List<Integer>> lists = sample(Gen.listOf(Gen.ints(0, 9), 2, 6), 500);
        assertTrue(lists.stream().allMatch(l -> l.size() >= 2 && l.size() <= 6));
        assertEquals(Set.of(2, 3, 4, 5, 6), lists.stream().map(List::size).collect(Collectors.toSet()));
    }

    @Test
    void listOf_badSizes_throwIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> Gen.listOf(Gen.ints(0, 9), 3, 2));
        assertThrows(IllegalArgumentException.class, () -> Gen.listOf(Gen.ints(0, 9), -1, 2));
    }

    @Test
    void map_mappedGenerator_keepsShrinking() {
        assertEquals("200", shrunk(() -> Property.forAll(Gen.ints(0, 10_000).map(x -> x * 2)).seed(1L)
                .check(x -> x < 199)));
    }

    @Test
    void flatMap_dependentList_shrinksOuterAndInner() {
        Gen<List<Integer>> sized = Gen.ints(1, 50).flatMap(n -> Gen.listOf(Gen.ints(0, 9), n, n));
        assertEquals("[0, 0, 0, 0, 0]", shrunk(() -> Property.forAll(sized).seed(3L).check(list -> list.size() < 5)));
    }

    @Test
    void filter_keepsOnlyAcceptedValuesAlsoWhenShrinking() {
        Gen<Integer> even = Gen.ints(0, 100_000).filter(x -> x % 2 == 0);
        assertTrue(sample(even, 500).stream().allMatch(x -> x % 2 == 0));
        assertEquals("102", shrunk(() -> Property.forAll(even).seed(5L).check(x -> x <= 100)));
    }

    @Test
    void filter_rejectingEverything_throwsClearError() {
        Gen<Integer> none = Gen.ints(0, 10).filter(x -> x > 10);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> none.generate(new SplittableRandom(1)));
        assertTrue(e.getMessage().startsWith("Gen.filter rejected 1000 values in a row"), e.getMessage());
    }

    @Test
    void constant_alwaysSameValue_noShrinks() {
        assertEquals(Set.of("x"), new HashSet<>(sample(Gen.constant("x"), 50)));
        assertEquals(0, Gen.constant("x").generateShrinkable(new SplittableRandom(1)).shrinks().count());
    }

    @Test
    void oneOf_drawsEveryValue_shrinksTowardFirst() {
        assertEquals(Set.of("a", "b", "c"), new HashSet<>(sample(Gen.oneOf("a", "b", "c"), 200)));
        assertEquals("a", shrunk(() -> Property.forAll(Gen.oneOf("a", "b", "c")).seed(1L).check(x -> false)));
    }

    @Test
    void oneOf_noValues_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> Gen.oneOf(List.of()));
    }

    @Test
    void frequency_weightZero_neverChosen() {
        Gen<String> gen = Gen.frequency(Gen.weighted(0, Gen.constant("never")), Gen.weighted(3, Gen.constant("always")));
        assertEquals(Set.of("always"), new HashSet<>(sample(gen, 300)));
    }

    @Test
    void frequency_weights_chosenInProportion() {
        Gen<String> gen = Gen.frequency(Gen.weighted(9, Gen.constant("often")), Gen.weighted(1, Gen.constant("rarely")));
        long rarely = sample(gen, 10_000).stream().filter("rarely"::equals).count();
        assertTrue(rarely > 800 && rarely < 1_200, "rarely chosen " + rarely + " times");
    }

    @Test
    void frequency_allWeightsZero_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> Gen.frequency(Gen.weighted(0, Gen.constant(1))));
    }

    @Test
    void choose_drawsFromEveryGenerator() {
        Gen<Integer> gen = Gen.choose(Gen.constant(1), Gen.ints(10, 20));
        List<Integer> values = sample(gen, 200);
        assertTrue(values.contains(1));
        assertTrue(values.stream().anyMatch(x -> x >= 10));
    }

    @Test
    void zip_fourGenerators_combinesAndShrinksEach() {
        record Quad(int a, int b, int c, int d) {
        }
        Gen<Quad> quads = Gen.zip(Gen.ints(0, 100), Gen.ints(0, 100), Gen.ints(0, 100), Gen.ints(0, 100), Quad::new);
        assertEquals("Quad[a=0, b=0, c=0, d=50]", shrunk(() -> Property.forAll(quads).seed(7L).check(q -> q.d() < 50)));
    }

    @Test
    void enumValues_drawsAllConstants() {
        enum Color { RED, GREEN, BLUE }
        assertEquals(Set.of(Color.values()), new HashSet<>(sample(Gen.enumValues(Color.class), 200)));
    }

    @Test
    void booleans_drawsBoth() {
        assertEquals(Set.of(true, false), new HashSet<>(sample(Gen.booleans(), 100)));
    }

    @Test
    void sample_sameSeed_sameValue() {
        Gen<List<Integer>> lists = Gen.listOf(Gen.ints(-1_000_000, 1_000_000), 0, 20);
        assertEquals(lists.sample(17L), lists.sample(17L));
    }

    @Test
    void generateShrinkable_rootEqualsGenerate() {
        Gen<List<Integer>> lists = Gen.listOf(Gen.ints(-1_000, 1_000).map(x -> x * 3), 0, 20);
        for (long seed : IntStream.range(0, 50).asLongStream().toArray()) {
            assertEquals(lists.generate(new SplittableRandom(seed)),
                    lists.generateShrinkable(new SplittableRandom(seed)).value());
        }
    }

    @Test
    void withShrinker_customGenerator_shrinksWithIt() {
        Gen<String> words = random -> "x".repeat(random.nextInt(5, 40));
        Gen<String> shrinking = words.withShrinker(s -> s.isEmpty() ? Stream.empty() : Stream.of(s.substring(1)));
        assertEquals("xxx", shrunk(() -> Property.forAll(shrinking).seed(2L).check(s -> s.length() < 3)));
        assertEquals(List.of("xx"), shrinking.shrink("xxx").toList());
    }

    @Test
    void listOf_shrinkTree_neverGoesBelowMinimumSize() {
        Shrinkable<List<Integer>> tree = Gen.listOf(Gen.ints(5, 9), 2, 8).generateShrinkable(new SplittableRandom(1));
        List<Shrinkable<List<Integer>>> level = List.of(tree);
        for (int depth = 0; depth < 3; depth++) {
            level = level.stream().flatMap(Shrinkable::shrinks).limit(2_000).toList();
            assertTrue(level.stream().allMatch(s -> s.value().size() >= 2), "depth " + depth);
        }
        assertTrue(!level.isEmpty());
    }

    @Test
    void listOf_shrinks_dropElementsBeforeShrinkingThem() {
        Shrinkable<Integer> eight = Shrinkable.unfold(8, x -> x > 7 ? Stream.of(x - 1) : Stream.empty());
        Shrinkable<List<Integer>> tree = ListShrinking.tree(List.of(Shrinkable.of(7), eight, Shrinkable.of(9)), 0);
        assertEquals(List.of(List.of(), List.of(8, 9), List.of(7, 9), List.of(7, 8), List.of(7, 7, 9)),
                tree.shrinks().map(Shrinkable::value).toList());
    }
}
