package dev.billops.testkit.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PropertyTest {

    private static final Pattern SEED = Pattern.compile("-Dbillops\\.seed=(-?\\d+)");

    private static String line(String message, String label) {
        return message.lines().filter(l -> l.strip().startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + label + "' line in:\n" + message));
    }

    private static String shrunk(AssertionError failure) {
        String text = line(failure.getMessage(), "shrunk value:").strip().substring("shrunk value:".length()).strip();
        return text.substring(0, text.lastIndexOf(" (after"));
    }

    private static String original(AssertionError failure) {
        return line(failure.getMessage(), "original value:").strip().substring("original value:".length()).strip();
    }

    @Test
    void check_falseIntProperty_shrinksToSmallestCounterexample() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> Property.forAll(Gen.ints(Integer.MIN_VALUE, Integer.MAX_VALUE)).seed(1L).check(x -> x < 100));
        assertEquals("100", shrunk(failure));
    }

    @Test
    void check_falseProperty_reportsSeedOriginalShrunkErrorAndRerunOption() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> Property.forAll(Gen.ints(0, 1_000_000)).seed(4242L).check(x -> x < 100));
        String message = failure.getMessage();
        assertTrue(message.contains("(seed 4242)"), message);
        assertTrue(message.contains("replay this property with "
                + "-Dbillops.seed.PropertyTest.check_falseProperty_reportsSeedOriginalShrunkErrorAndRerunOption=4242"),
                message);
        assertTrue(message.contains("-Dbillops.seed=4242 sets the seed of every property"), message);
        assertTrue(Integer.parseInt(original(failure)) >= 100, message);
        assertEquals("100", shrunk(failure));
        assertTrue(line(message, "error:").contains("java.lang.AssertionError: property returned false"), message);
        assertEquals("property returned false", failure.getCause().getMessage());
    }

    @Test
    void verify_throwingCheck_reportsShrunkValuesExceptionAsCause() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> Property.forAll(Gen.ints(0, 10_000)).seed(3L).verify(x -> {
                    if (x >= 1234) {
                        throw new IllegalStateException("too big: " + x);
                    }
                }));
        assertEquals("1234", shrunk(failure));
        assertEquals("too big: 1234", failure.getCause().getMessage());
        assertTrue(failure.getMessage().contains("java.lang.IllegalStateException: too big: 1234"), failure.getMessage());
    }

    @Test
    void verify_randomSeed_reportedSeedReproducesTheFailure() {
        AssertionError first = assertThrows(AssertionError.class,
                () -> Property.forAll(Gen.longs(0, Long.MAX_VALUE)).verify(x -> assertTrue(x < 1_000)));
        Matcher seed = SEED.matcher(first.getMessage());
        assertTrue(seed.find(), first.getMessage());
        AssertionError again = assertThrows(AssertionError.class,
                () -> Property.forAll(Gen.longs(0, Long.MAX_VALUE)).seed(Long.parseLong(seed.group(1)))
                        .verify(x -> assertTrue(x < 1_000)));
        assertEquals(first.getMessage(), again.getMessage());
    }

    @Test
    void verify_sameSeed_generatesSameValues() {
        assertEquals(valuesOfRun(99L), valuesOfRun(99L));
        assertNotEquals(valuesOfRun(99L), valuesOfRun(100L));
    }

    private static List<List<Integer>> valuesOfRun(long seed) {
        List<List<Integer>> seen = new ArrayList<>();
        Property.forAll(Gen.listOf(Gen.ints(-1_000, 1_000), 0, 5)).seed(seed).tries(50).verify(seen::add);
        return seen;
    }

    @Test
    void verify_systemPropertySeed_usedWhenNoSeedGiven() {
        String before = System.getProperty(Property.SEED_PROPERTY);
        System.setProperty(Property.SEED_PROPERTY, " 777 ");
        try {
            AssertionError failure = assertThrows(AssertionError.class,
                    () -> Property.forAll(Gen.ints(0, 1000)).check(x -> x < 10));
            assertTrue(failure.getMessage().contains("(seed 777)"), failure.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(Property.SEED_PROPERTY);
            } else {
                System.setProperty(Property.SEED_PROPERTY, before);
            }
        }
    }

    @Test
    void configuredSeed_blankOrMissing_isUnset() {
        assertEquals(OptionalLong.empty(), Property.configuredSeed(null));
        assertEquals(OptionalLong.empty(), Property.configuredSeed(""));
        assertEquals(OptionalLong.empty(), Property.configuredSeed("   "));
        assertEquals(OptionalLong.of(-12L), Property.configuredSeed("-12"));
    }

    @Test
    void configuredSeed_notANumber_throwsNamingProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Property.configuredSeed("abc"));
        assertEquals("-Dbillops.seed must be a long, was 'abc'", e.getMessage());
    }

    @Test
    void check_trueProperty_runsDefaultNumberOfTries() {
        List<Integer> seen = new ArrayList<>();
        Property.forAll(Gen.ints(0, 10)).verify(seen::add);
        assertEquals(Property.DEFAULT_TRIES, seen.size());
    }

    @Test
    void tries_fifty_runsFiftyTries() {
        List<Integer> seen = new ArrayList<>();
        Property.forAll(Gen.ints(0, 10)).tries(50).verify(seen::add);
        assertEquals(50, seen.size());
    }

    @Test
    void tries_zero_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> Property.forAll(Gen.ints(0, 10)).tries(0));
    }

    @Test
    void maxShrinkSteps_zero_reportsOriginalValue() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> Property.forAll(Gen.ints(1_000, 1_000_000)).seed(5L).maxShrinkSteps(0).check(x -> x < 1_000));
        assertEquals(original(failure), shrunk(failure));
    }

    @Test
    void check_falseListProperty_shrinksToOneMinimalElement() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> Property.forAll(Gen.listOf(Gen.ints(0, 1_000), 0, 30)).seed(11L)
                        .check(list -> list.stream().allMatch(x -> x < 50)));
        assertEquals("[50]", shrunk(failure));
    }

    @Test
    void check_falseListSumProperty_shrinksToPositiveElementsSummingToBound() {
        // A list is fully shrunk when dropping any element or lowering any element by one makes the
        // sum fall below 150: positive elements that add up to exactly 150.
        AssertionError failure = assertThrows(AssertionError.class,
                () -> Property.forAll(Gen.listOf(Gen.ints(0, 100), 0, 30)).seed(12L)
                        .check(list -> list.stream().mapToInt(Integer::intValue).sum() < 150));
        String list = shrunk(failure);
        List<Integer> elements = Pattern.compile(",\\s*").splitAsStream(list.substring(1, list.length() - 1))
                .map(Integer::valueOf).toList();
        assertEquals(150, elements.stream().mapToInt(Integer::intValue).sum(), list);
        assertTrue(elements.stream().allMatch(x -> x > 0), list);
        assertTrue(elements.size() < 5, list);
    }

    @Test
    void check_listWithMinimumSize_neverShrinksBelowIt() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> Property.forAll(Gen.listOf(Gen.ints(0, 100), 3, 30)).seed(13L).check(list -> list.size() < 3));
        assertEquals("[0, 0, 0]", shrunk(failure));
    }

    @Test
    void forAllTwo_falseProperty_shrinksBothValues() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> Property.forAll(Gen.ints(0, 1_000), Gen.ints(0, 1_000)).seed(21L).check((a, b) -> a + b < 100));
        assertEquals("(0, 100)", shrunk(failure));
    }

    @Test
    void forAllThree_falseProperty_shrinksAllValues() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> Property.forAll(Gen.ints(0, 1_000), Gen.ints(0, 1_000), Gen.ints(0, 1_000)).seed(22L)
                        .verify((a, b, c) -> assertTrue(a + b + c < 100)));
        assertEquals("(0, 0, 100)", shrunk(failure));
    }

    @Test
    void forAllTwo_trueProperty_passes() {
        List<Integer> sums = new ArrayList<>();
        Property.forAll(Gen.ints(0, 10), Gen.ints(0, 10)).tries(30).verify((a, b) -> sums.add(a + b));
        assertEquals(30, sums.size());
    }

    @Test
    void verify_failedAssumption_discardsTheTry() {
        List<Integer> kept = new ArrayList<>();
        Property.forAll(Gen.ints(0, 1_000)).tries(40).seed(8L).verify(x -> {
            assumeTrue(x % 2 == 0);
            kept.add(x);
        });
        assertEquals(40, kept.size());
        assertTrue(kept.stream().allMatch(x -> x % 2 == 0), kept.toString());
    }

    @Test
    void verify_assumptionNeverMet_failsInsteadOfLooping() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> Property.forAll(Gen.ints(0, 10)).tries(10).seed(1L).verify(x -> assumeTrue(false)));
        assertTrue(failure.getMessage().startsWith("property discarded 101 values"), failure.getMessage());
    }

    @Test
    void verify_generatorThrows_reportsSeed() {
        Gen<Integer> broken = random -> {
            throw new IllegalStateException("broken generator");
        };
        AssertionError failure = assertThrows(AssertionError.class,
                () -> Property.forAll(broken).seed(6L).check(x -> true));
        assertTrue(failure.getMessage().contains("the generator failed on try 1 (seed 6)"), failure.getMessage());
        assertTrue(failure.getMessage().contains("-Dbillops.seed=6"), failure.getMessage());
    }

    @Test
    void verify_outOfMemoryError_isNotSwallowed() {
        OutOfMemoryError oom = new OutOfMemoryError("simulated");
        OutOfMemoryError thrown = assertThrows(OutOfMemoryError.class,
                () -> Property.forAll(Gen.ints(0, 10)).verify(x -> {
                    throw oom;
                }));
        assertSame(oom, thrown);
    }

    @Test
    void failure_originalErrorKeptAsSuppressed() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> Property.forAll(Gen.ints(1_000, 2_000)).seed(2L).verify(x -> {
                    throw new IllegalStateException("value " + x);
                }));
        assertEquals("value 1000", failure.getCause().getMessage());
        assertEquals(1, failure.getSuppressed().length);
        assertEquals("value " + original(failure), failure.getSuppressed()[0].getMessage());
    }
}
